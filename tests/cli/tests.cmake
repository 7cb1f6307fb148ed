learn2add_add_test(cli_tests
  SOURCES cli/CliDataTest.cpp
          cli/CliTrainTest.cpp
          core/data/IdxFixtures.cpp
  LIBRARIES learn2add_core
  LABELS cli)
# The Part III and IV commands on a judge, an addition and a generative run that the CLI trains once
# per ctest invocation (about 30 s): "slow".
learn2add_add_test(cli_addition_tests
  SOURCES cli/CliAdditionTest.cpp
          core/data/IdxFixtures.cpp
  LIBRARIES learn2add_core
  LABELS cli slow
  SHARED_RUNS)
# The whole assignment's plan on a small data folder, one batch per epoch (about 40 s): "slow".
learn2add_add_test(cli_assignment_tests
  SOURCES cli/CliAssignmentTest.cpp
          core/data/IdxFixtures.cpp
  LIBRARIES learn2add_core
  LABELS cli slow)
foreach(suite cli_tests cli_addition_tests cli_assignment_tests)
  target_compile_definitions(${suite} PRIVATE LEARN2ADD_CLI_PATH="$<TARGET_FILE:learn2add-cli>")
  add_dependencies(${suite} learn2add-cli)
endforeach()
