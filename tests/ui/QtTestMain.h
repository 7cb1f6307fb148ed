#pragma once
// Qt widgets need a QApplication; GoogleTest's main does not make one. Each Qt test suite creates one
// through this environment (offscreen: CTest sets QT_QPA_PLATFORM=offscreen). QSettings go to
// QStandardPaths' test locations (~/.qttest) under a test organisation, so tests never touch the
// user's settings, recent runs or dialog folder.

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <gtest/gtest.h>
#include <memory>

namespace learn2add::testing {

class QtApplicationEnvironment : public ::testing::Environment {
public:
    void SetUp() override {
        QStandardPaths::setTestModeEnabled(true);
        if (QApplication::instance()) return;
        static int argc = 1;
        static char name[] = "learn2add-tests";
        static char* argv[] = {name, nullptr};
        app_ = std::make_unique<QApplication>(argc, argv);
        QApplication::setOrganizationName("Learn2Add-tests");
        QSettings().clear();  // every run of the tests starts from the defaults
    }
    void TearDown() override { app_.reset(); }

private:
    std::unique_ptr<QApplication> app_;
};

// Registered once per test executable (an inline variable: one instance however many files include
// this header).
inline ::testing::Environment* const kQtEnvironment =
    ::testing::AddGlobalTestEnvironment(new QtApplicationEnvironment);

}  // namespace learn2add::testing
