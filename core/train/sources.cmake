target_sources(learn2add_core PRIVATE
  track/RunFolder.cpp
  train/AutoencoderTrainingOptions.cpp
  train/TrainingReports.cpp
  train/Losses.cpp
  train/ShownDigits.cpp
  train/Checkpoint.cpp
  train/AutoencoderTrainer.cpp
  train/EpochOrder.cpp
  train/DataConfig.cpp
  train/JudgeTrainer.cpp
  train/AdditionTrainingOptions.cpp
  train/AdditionLoss.cpp
  train/CodePrototypes.cpp
  train/AdditionTrainer.cpp
  train/TrainingLoop.cpp)
