#pragma once
// The main window: a frame that hosts pages (listed on the left) and shows where the data comes
// from. It owns the DataLoader and hands every page the loaded data; logic lives in the pages.
// Closing or destroying it stops running trainings first (cancel, quit, wait). GUI thread only.
//
//   MainWindow window({.dataFolder = std::nullopt, .seed = 42});   // embedded data
//   window.show();

#include <QMainWindow>
#include <memory>
#include <optional>

#include "data/LoadedData.h"
#include "shell/KeyboardShortcutsDialog.h"

class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace learn2add::infer {
class InferenceThread;
}

namespace learn2add::ui {

class AdditionPage;
class AutoencoderPage;
class ComparisonPage;
class DataLoader;
class DataPage;
class MessageBanner;
class AssignmentDialog;
class ReportDialog;

struct MainWindowOptions {
    std::optional<QString> dataFolder;  // an MNIST-format folder; the embedded subset when empty
    std::uint64_t seed = 42;
    // Save the settings (see saveSettings()) when the window closes. Off by default: tests and
    // screenshots leave the user's settings alone; the app turns it on.
    bool rememberSettings = false;
    // The number format of what the pages' views compute (setViewPrecision()).
    QString viewPrecision = QStringLiteral("auto");
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const MainWindowOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads an MNIST-format folder (embedded data when empty) in the background. On failure the
    // current data stays and the banner says why.
    void openData(std::optional<QString> folder);

    DataPage* dataPage() const { return dataPage_; }
    AutoencoderPage* autoencoderPage() const { return autoencoderPage_; }
    AdditionPage* additionPage() const { return additionPage_; }
    ComparisonPage* comparisonPage() const { return comparisonPage_; }
    DataLoader* dataLoader() const { return loader_; }
    MessageBanner* banner() const { return banner_; }
    QString currentPageName() const;
    // The page on show (the widget inside its scroll area).
    QWidget* currentPage() const;
    // Shows the page with this name (case-insensitive); false when there is none.
    bool showPage(const QString& name);
    // Opens a run folder the CLI or a training wrote, on the page for its kind: an autoencoder
    // run on the Autoencoder page, a judge on the Addition and Compare pages, an addition run (any
    // of the three models) on the Addition page and in its Compare slot. False, with the reason on
    // the banner, for other folders. Runs open in the background: what goes wrong after that (a
    // corrupt best.pt) is said on the page's banner.
    bool openRun(const QString& folder);
    // The models shipped with the app (shippedModelsFolder()): the judge and the addition model on
    // the Addition page, the judge and each addition model in its Compare slot. False when none
    // are installed.
    bool openShippedModels();
    const LoadedData* loadedData() const { return data_.get(); }
    // File > Export report…: the dialog (created on first use with the shipped models, the runs
    // folder and the recent runs), shown; its result goes to the banner.
    ReportDialog* showReportDialog();
    // File > Run the whole assignment…: the queue of every training Parts II-IV need (created on
    // first use, with the loaded data), shown; its result goes to the banner.
    AssignmentDialog* showAssignmentDialog();
    // Every shortcut of the window, read from its actions: the window's own ("Everywhere") first,
    // then each page's (F5 / F6 / Shift+F5 on the training pages), in the pages' order.
    QList<ShortcutEntry> shortcuts() const;
    // Settings > Precision of the views: "auto" (bf16 where the CPU computes it natively, else
    // fp32), "fp32" or "bf16" for everything the views compute on the inference thread (grids,
    // explorer, comparison, manifold, morph, feature maps, probes). Trainings keep the precision
    // of their own form. False, nothing changed, for another name. Remembered in the settings.
    bool setViewPrecision(const QString& name);
    QString viewPrecision() const;
    // Help > Keyboard shortcuts: the list above in a dialog, shown (not modal).
    KeyboardShortcutsDialog* showShortcutsDialog();

    // What is remembered between launches (QSettings, beside the recent runs and the last dialog
    // folder): the window's geometry and state, the page shown, the Autoencoder page's form, the
    // Addition page's training form, and the explorer's digit and addend. restoreSettings() puts
    // back what the last saveSettings() kept; stored values that no longer fit (a page or decoder
    // that is gone, a number out of range) leave the defaults, silently.
    void saveSettings();
    void restoreSettings();

Q_SIGNALS:
    void dataChanged(std::shared_ptr<const LoadedData> data);

protected:
    // Stops running trainings (cancel, quit, wait) before the window closes.
    void closeEvent(QCloseEvent* event) override;

private:
    void addPage(const QString& name, QWidget* page);
    void createMenus();
    void chooseMnistFolder();
    void chooseRun();
    void fillRecentRunsMenu();
    void onDataLoaded(std::shared_ptr<const LoadedData> data);
    void onDataFailed(const QString& message);

    MainWindowOptions options_;
    // Held first: the pages' inference clients share this thread and its precision.
    std::shared_ptr<infer::InferenceThread> inference_;
    QActionGroup* viewPrecisions_ = nullptr;
    std::shared_ptr<const LoadedData> data_;
    DataLoader* loader_ = nullptr;
    QMenu* recentRunsMenu_ = nullptr;
    ReportDialog* reportDialog_ = nullptr;
    AssignmentDialog* assignmentDialog_ = nullptr;
    MessageBanner* banner_ = nullptr;
    QListWidget* pageList_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    DataPage* dataPage_ = nullptr;
    AutoencoderPage* autoencoderPage_ = nullptr;
    AdditionPage* additionPage_ = nullptr;
    ComparisonPage* comparisonPage_ = nullptr;
    QLabel* dataStatus_ = nullptr;
    bool settingsSaved_ = false;
};

}  // namespace learn2add::ui
