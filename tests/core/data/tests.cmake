learn2add_add_test(data_tests
  SOURCES core/data/IdxFileTest.cpp
          core/data/DigitSetTest.cpp
          core/data/StratifiedSplitTest.cpp
          core/data/AdditionPairsTest.cpp
          core/data/HeldOutCellsTest.cpp
          core/data/MnistDataTest.cpp
          core/data/DigitTensorsTest.cpp
          core/data/IdxFixtures.cpp
  LIBRARIES learn2add_core
  LABELS core)
