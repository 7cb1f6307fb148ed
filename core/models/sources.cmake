target_sources(learn2add_core PRIVATE
  models/Encoder.cpp
  models/MirrorDecoder.cpp
  models/UpsampleDecoder.cpp
  models/Resize64Decoder.cpp
  models/NearestUpsampling.cpp
  models/DecoderKind.cpp
  models/Autoencoder.cpp
  models/ParameterCount.cpp
  models/Initialization.cpp
  models/AdditionMlp.cpp
  models/AdditionModel.cpp
  models/AdditionVariant.cpp
  models/GaussianCode.cpp
  models/DigitJudge.cpp
  models/WeightLayout.cpp)
