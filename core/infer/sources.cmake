target_sources(learn2add_core PRIVATE
  infer/AutoencoderRun.cpp
  infer/ReconstructionFigure.cpp
  infer/AdditionEvaluation.cpp
  infer/AdditionRun.cpp
  infer/AdditionFigures.cpp
  infer/ReportContents.cpp
  infer/RunKind.cpp
  infer/AssignmentAnswers.cpp)
