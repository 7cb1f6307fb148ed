learn2add_add_test(common_tests
  SOURCES core/common/SeededShuffleTest.cpp
          core/common/PrecisionTest.cpp
  LIBRARIES learn2add_core
  LABELS core)
