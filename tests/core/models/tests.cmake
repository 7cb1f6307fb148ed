learn2add_add_test(models_tests
  SOURCES core/models/EncoderTest.cpp
          core/models/MirrorDecoderTest.cpp
          core/models/UpsampleDecoderTest.cpp
          core/models/Resize64DecoderTest.cpp
          core/models/AutoencoderTest.cpp
          core/models/InitializationTest.cpp
          core/models/AdditionModelTest.cpp
          core/models/VariationalModelTest.cpp
          core/models/ModelTestSupport.cpp
  LIBRARIES learn2add_core
  LABELS core)

# Trains each decoder for 100 steps: seconds per test, hence "slow" (ctest -LE slow skips it).
learn2add_add_test(models_training_tests
  SOURCES core/models/AutoencoderTrainingTest.cpp
          core/models/ModelTestSupport.cpp
  LIBRARIES learn2add_core
  LABELS core slow)

if(LEARN2ADD_USE_PCH)
  target_precompile_headers(models_tests REUSE_FROM learn2add_core)
  target_precompile_headers(models_training_tests REUSE_FROM learn2add_core)
endif()
