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
foreach(suite cli_tests cli_addition_tests)
  target_compile_definitions(${suite} PRIVATE LEARN2ADD_CLI_PATH="$<TARGET_FILE:learn2add-cli>")
  add_dependencies(${suite} learn2add-cli)
endforeach()
# `report` exists when the Qt front end is built (it paints with Qt, off-screen).
if(TARGET learn2add_report)
  target_compile_definitions(cli_addition_tests PRIVATE LEARN2ADD_HAS_REPORT)
  target_compile_definitions(cli_tests PRIVATE LEARN2ADD_HAS_REPORT)
endif()
