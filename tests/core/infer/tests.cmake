learn2add_add_test(infer_tests
  SOURCES core/infer/AdditionEvaluationTest.cpp
          core/models/ModelTestSupport.cpp
  LIBRARIES learn2add_core
  LABELS core)
