learn2add_add_test(train_tests
  SOURCES core/train/AutoencoderTrainingOptionsTest.cpp
          core/train/LossesTest.cpp
          core/train/CheckpointTest.cpp
          core/train/RunFolderTest.cpp
          core/train/AutoencoderTrainerTest.cpp
          core/train/JudgeTrainerTest.cpp
          core/train/AdditionLossTest.cpp
          core/train/CodePrototypesTest.cpp
          core/train/AdditionTrainerTest.cpp
          core/train/TrainingLoopTest.cpp
          core/train/AssignmentPlanTest.cpp
          core/train/LearningRateScheduleTest.cpp
          core/train/AdditionFixtures.cpp
          core/train/SmallData.cpp
          core/data/IdxFixtures.cpp
  LIBRARIES learn2add_core
  LABELS core
  SLOW_TESTS AdditionTrainer.AShortTrainingRaisesTheAdditionAccuracy
             AdditionTrainer.EveryVariationalModelLowersItsLossAndOpensAsItsKind
             AdditionTrainer.LowersTheGenerationLoss
             AdditionTrainer.SameSeedGivesBitIdenticalWeights
  SHARED_RUNS)
# The addition-accuracy test reads with the shipped judge (resources/pretrained/judge).
target_compile_definitions(train_tests PRIVATE LEARN2ADD_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

# Trains the judge with its default recipe on the embedded data (minutes): "slow".
learn2add_add_test(judge_quality_tests
  SOURCES core/train/JudgeQualityTest.cpp
  LIBRARIES learn2add_core
  LABELS core slow)
