target_sources(learn2add_core PRIVATE
  infer/AutoencoderRun.cpp
  infer/ReconstructionFigure.cpp)
