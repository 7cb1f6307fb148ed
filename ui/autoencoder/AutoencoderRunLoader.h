#pragma once
// Opens an autoencoder run folder that the CLI (`learn2add-cli train autoencoder`) or this page
// wrote, on a pool thread: its config.json (as the form's options), its metrics.csv (one epoch
// report per row, as a live training reports them) and the reconstructions of the five shown
// validation digits by best.pt (plus the validation codes when the code has two dimensions).
//
// Threads: create, call and destroy it on the GUI thread; its signals arrive there. The reading,
// the model and every tensor live on the pool thread; only plain values come back. When best.pt or
// metrics.csv cannot be read, the rest is still delivered with `problems` saying what is missing;
// failed() is emitted only when nothing can be shown (no run folder, another kind, a bad config).
//
//   auto* loader = new AutoencoderRunLoader(this);
//   connect(loader, &AutoencoderRunLoader::opened, page, &Page::addOpenedRun);
//   loader->open("runs/ae-upsample", currentData);   // the data is reused when the run used it

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <memory>
#include <variant>
#include <vector>

#include "data/MnistData.h"
#include "autoencoder/AutoencoderTrainingJob.h"
#include "train/TrainingReports.h"

namespace learn2add::ui {

struct AutoencoderModelSnapshot;

// What an opened autoencoder run shows. A plain value.
struct OpenedAutoencoderRun {
    QString folder;                          // absolute
    AutoencoderTrainingJob job;                         // the options in config.json; runFolder = folder
    std::vector<train::EpochReport> epochs;  // metrics.csv, one report per row (no images)
    int bestEpoch = 0;                       // of metrics.csv (0: no rows)
    int checkpointEpoch = 0;                 // the epoch whose weights best.pt holds (0: unread)
    bool hasImages = false;                  // best.pt and the run's data were read
    train::ImageStrip inputs;                // the 5 shown validation digits (32x32)
    train::ImageStrip reconstructions;       // best.pt's reconstructions of them
    std::vector<float> codes2d;              // code size 2: every validation code (x0, y0, ...)
    std::vector<std::uint8_t> codeLabels;
    QStringList problems;                    // what could not be read, in words
    // best.pt's model, for the inference thread (null when best.pt could not be used).
    std::shared_ptr<AutoencoderModelSnapshot> model;
};

class AutoencoderRunLoader : public QObject {
    Q_OBJECT
public:
    explicit AutoencoderRunLoader(QObject* parent = nullptr);
    ~AutoencoderRunLoader() override;

    // Starts reading `folder`; returns at once. `data`, when the run was trained on the same
    // digits (same source, split seed and sizes), spares loading them again; may be null.
    void open(const QString& folder, std::shared_ptr<const data::MnistData> data);
    bool isLoading() const { return !watchers_.isEmpty(); }
    // Blocks until every started read is done; for shutdown and tests.
    void waitForIdle();

Q_SIGNALS:
    void opened(const learn2add::ui::OpenedAutoencoderRun& run);
    void failed(const QString& folder, const QString& message);

private:
    using Outcome = std::variant<OpenedAutoencoderRun, QString>;
    QList<QFutureWatcher<Outcome>*> watchers_;
};

// The reading itself (what open() runs on the pool thread). Throws std::runtime_error with a
// message in words when nothing can be shown. Exposed for tests.
OpenedAutoencoderRun readAutoencoderRun(const QString& folder,
                                        std::shared_ptr<const data::MnistData> data);

}  // namespace learn2add::ui
