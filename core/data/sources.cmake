target_sources(learn2add_core PRIVATE
  data/Gzip.cpp
  data/IdxFile.cpp
  data/DigitSet.cpp
  data/EmbeddedMnist.cpp
  data/MnistData.cpp
  data/StratifiedSplit.cpp
  data/DigitTensors.cpp
  data/AdditionPairs.cpp
  data/HeldOutCells.cpp
  data/DigitImageFile.cpp)

# The embedded MNIST subset is linked into the library (see data/EmbeddedMnist.cpp).
set(_mnist_dir ${LEARN2ADD_RESOURCE_DIR}/mnist)
set_source_files_properties(data/EmbeddedMnist.cpp PROPERTIES
  OBJECT_DEPENDS "${_mnist_dir}/embedded-images-idx3-ubyte.gz;${_mnist_dir}/embedded-labels-idx1-ubyte.gz"
  COMPILE_DEFINITIONS "LEARN2ADD_MNIST_DIR=\"${_mnist_dir}\""
  SKIP_PRECOMPILE_HEADERS ON)
