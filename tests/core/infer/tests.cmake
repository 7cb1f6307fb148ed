learn2add_add_test(infer_tests
  SOURCES core/infer/AdditionEvaluationTest.cpp
          core/infer/AssignmentAnswersTest.cpp
          core/infer/LatentProjectionTest.cpp
          core/infer/CodeManifoldTest.cpp
          core/infer/CodeMorphTest.cpp
          core/infer/CollapseDiagnosisTest.cpp
          core/infer/FeatureMapsTest.cpp
          core/infer/AdditionExplorerTest.cpp
          core/infer/AlgebraProbesTest.cpp
          core/infer/AutoencoderRunTest.cpp
          core/infer/FigurePanelsTest.cpp
          core/infer/InferenceThreadTest.cpp
          core/infer/OpenedRunsTest.cpp
          core/models/ModelTestSupport.cpp
  LIBRARIES learn2add_core
  LABELS core)
# OpenedRunsTest opens copies of the shipped models.
target_compile_definitions(infer_tests PRIVATE LEARN2ADD_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

# The shipped models reach their bars (three accuracy measurements on the test split, about 13 s):
# "slow".
learn2add_add_test(pretrained_models_tests
  SOURCES core/infer/PretrainedModelsTest.cpp
  LIBRARIES learn2add_core
  LABELS core slow)
target_compile_definitions(pretrained_models_tests PRIVATE LEARN2ADD_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
