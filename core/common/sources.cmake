target_sources(learn2add_core PRIVATE
  common/TorchRuntime.cpp
  common/SeededShuffle.cpp)
