if(LEARN2ADD_BUILD_GUI)
  learn2add_add_test(ui_tests
    SOURCES ui/MainWindowTest.cpp
            ui/DigitMosaicTest.cpp
            core/data/IdxFixtures.cpp
    LIBRARIES learn2add_ui Qt6::Test
    LABELS ui)
  set_target_properties(ui_tests PROPERTIES AUTOMOC ON)
endif()
