target_sources(learn2add_core PRIVATE
  common/AtomicFile.cpp
  common/Precision.cpp
  common/TorchRuntime.cpp
  common/SeededShuffle.cpp
  common/ThreadPriority.cpp)
