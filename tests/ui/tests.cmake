if(LEARN2ADD_BUILD_GUI)
  # Fast Qt tests (each well under 20 s); they train only tiny models.
  learn2add_add_test(ui_tests
    SOURCES ui/MainWindowTest.cpp
            ui/DigitMosaicTest.cpp
            ui/EmaSmoothingTest.cpp
            ui/CurvePlotTest.cpp
            ui/TrainingSessionTest.cpp
            ui/TrainingValuesTest.cpp
            ui/AutoencoderPageTest.cpp
            ui/UiTestSupport.cpp
            core/data/IdxFixtures.cpp
    LIBRARIES learn2add_ui Qt6::Test
    LABELS ui)
  set_target_properties(ui_tests PROPERTIES AUTOMOC ON)

  # Trains the six decoder × loss runs through the GUI (about two minutes on two cores); set
  # LEARN2ADD_SCREENSHOT_DIR to keep screenshots of the page. Labelled "slow" only: the helper
  # passes LABELS to gtest_discover_tests, which keeps only the first of several labels.
  learn2add_add_test(ui_slow_tests
    SOURCES ui/AutoencoderComparisonTest.cpp
            ui/UiTestSupport.cpp
    LIBRARIES learn2add_ui Qt6::Test
    LABELS slow
    TIMEOUT 400)
  set_target_properties(ui_slow_tests PROPERTIES AUTOMOC ON)
endif()
