learn2add_add_test(cli_tests
  SOURCES cli/CliDataTest.cpp
          cli/CliTrainTest.cpp
          cli/CliAdditionTest.cpp
          core/data/IdxFixtures.cpp
  LIBRARIES learn2add_core
  LABELS cli
  SHARED_RUNS)
target_compile_definitions(cli_tests PRIVATE LEARN2ADD_CLI_PATH="$<TARGET_FILE:learn2add-cli>")
add_dependencies(cli_tests learn2add-cli)
# `report` exists when the Qt front end is built (it paints with Qt, off-screen).
if(TARGET learn2add_report)
  target_compile_definitions(cli_tests PRIVATE LEARN2ADD_HAS_REPORT)
endif()
