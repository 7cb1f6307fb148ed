target_sources(learn2add_core PRIVATE
  infer/AutoencoderRun.cpp
  infer/ReconstructionFigure.cpp
  infer/AdditionEvaluation.cpp
  infer/AdditionRun.cpp
  infer/FigurePanels.cpp
  infer/ReportContents.cpp
  infer/RunKind.cpp
  infer/AssignmentAnswers.cpp
  infer/AdditionExplorer.cpp
  infer/AlgebraProbes.cpp
  infer/EncodedInput.cpp
  infer/GreyImageTensors.cpp
  infer/InferenceThread.cpp
  infer/LatentProjection.cpp
  infer/CodeManifold.cpp
  infer/ModelComparison.cpp
  infer/OpenedRuns.cpp)
