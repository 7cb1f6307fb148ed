if(LEARN2ADD_BUILD_GUI)
  # Fast Qt tests (each well under 20 s); they train only tiny models.
  learn2add_add_test(ui_tests
    SOURCES ui/MainWindowTest.cpp
            ui/DigitMosaicTest.cpp
            ui/EmaSmoothingTest.cpp
            ui/CurvePlotTest.cpp
            ui/AutoencoderTrainingRunnerTest.cpp
            ui/TrainingValuesTest.cpp
            ui/AutoencoderPageTest.cpp
            ui/OpenRunAndSettingsTest.cpp
            ui/WindowLayoutTest.cpp
            ui/AutoencoderRunFixtures.cpp
            ui/UiTestSupport.cpp
            core/data/IdxFixtures.cpp
    LIBRARIES learn2add_ui Qt6::Test
    LABELS ui
    SHARED_RUNS)
  set_target_properties(ui_tests PROPERTIES AUTOMOC ON)
  # It trains a tiny autoencoder run with the core trainer (LibTorch's headers name a method `slots`).
  set_source_files_properties(ui/AutoencoderRunFixtures.cpp PROPERTIES COMPILE_DEFINITIONS QT_NO_KEYWORDS)

  # Figure export (PNG 2x, SVG, PDF) of plots and image panels, their context menus and the main
  # window's "Export figure" toolbar button (a few seconds).
  learn2add_add_test(ui_figure_tests
    SOURCES ui/FigureExportTest.cpp
            ui/UiTestSupport.cpp
    LIBRARIES learn2add_ui Qt6::Test
    LABELS ui)
  set_target_properties(ui_figure_tests PROPERTIES AUTOMOC ON)

  # The report: folder, figures, PDF, missing figures, bad runs, the dialog's worker (tiny runs of
  # every kind made on the fly; about 30 s).
  learn2add_add_test(ui_report_tests
    SOURCES ui/ReportTest.cpp
            ui/AssignmentDialogTest.cpp
            ui/AdditionRunFixtures.cpp
            ui/AutoencoderRunFixtures.cpp
            ui/UiTestSupport.cpp
            core/data/IdxFixtures.cpp
    LIBRARIES learn2add_ui Qt6::Test
    LABELS ui
    SHARED_RUNS)
  set_target_properties(ui_report_tests PROPERTIES AUTOMOC ON)
  set_source_files_properties(ui/ReportTest.cpp ui/AssignmentDialogTest.cpp PROPERTIES COMPILE_DEFINITIONS QT_NO_KEYWORDS)

  # The Addition page (Part III) and the Compare page (Part IV) with tiny judge and addition runs
  # made on the fly (about 30 s).
  learn2add_add_test(ui_addition_tests
    SOURCES ui/AdditionPageTest.cpp
            ui/ComparisonPageTest.cpp
            ui/InferenceServiceTest.cpp
            ui/AdditionRunFixtures.cpp
            ui/UiTestSupport.cpp
    LIBRARIES learn2add_ui Qt6::Test
    LABELS ui
    SLOW_TESTS AdditionPageTest.TrainsFromThePageWithCurvesAndAGridPerEpoch
               AdditionMainWindow.ClosingDuringTrainingStopsTheTraining
    SHARED_RUNS)
  set_target_properties(ui_addition_tests PROPERTIES AUTOMOC ON)
  # It includes LibTorch's model headers, one of which names a method `slots`.
  set_source_files_properties(ui/AdditionRunFixtures.cpp ui/InferenceServiceTest.cpp
                              PROPERTIES COMPILE_DEFINITIONS QT_NO_KEYWORDS)

  # Trains the six decoder × loss runs through the GUI (about two minutes on two cores); set
  # LEARN2ADD_SCREENSHOT_DIR to keep screenshots of the page.
  learn2add_add_test(ui_slow_tests
    SOURCES ui/AutoencoderComparisonTest.cpp
            ui/UiTestSupport.cpp
    LIBRARIES learn2add_ui Qt6::Test
    LABELS ui slow)
  set_target_properties(ui_slow_tests PROPERTIES AUTOMOC ON)
endif()
