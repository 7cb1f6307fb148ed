#pragma once
// Loads MNIST data and builds the addition pairs on a pool thread, never on the GUI thread.
// Lives on the GUI thread; its signals arrive there. When a new load starts before the previous one
// finished, only the newest one is reported.
//
//   auto* loader = new DataLoader(this);
//   connect(loader, &DataLoader::loaded, page, &DataPage::showData);
//   loader->load(std::nullopt, 42);   // the embedded subset

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <variant>

#include "data/LoadedData.h"

namespace learn2add::ui {

class DataLoader : public QObject {
    Q_OBJECT
public:
    explicit DataLoader(QObject* parent = nullptr);
    ~DataLoader() override;

    // Starts loading `folder` (the embedded subset when empty). Returns at once.
    void load(std::optional<QString> folder, std::uint64_t seed);
    bool isLoading() const { return pending_ > 0; }
    // Blocks until the running load (if any) is done; for shutdown and tests.
    void waitForIdle();

Q_SIGNALS:
    void loaded(std::shared_ptr<const LoadedData> data);
    void failed(QString message);

private:
    using Outcome = std::variant<std::shared_ptr<const LoadedData>, QString>;
    void finish(int generation, QFutureWatcher<Outcome>* watcher);

    int generation_ = 0;
    int pending_ = 0;
    QList<QFutureWatcher<Outcome>*> watchers_;
};

}  // namespace learn2add::ui
