#include "data/DataLoader.h"

#include <QtConcurrent/QtConcurrentRun>
#include <exception>

namespace learn2add::ui {

DataLoader::DataLoader(QObject* parent) : QObject(parent) {}

DataLoader::~DataLoader() { waitForIdle(); }

void DataLoader::load(std::optional<QString> folder, std::uint64_t seed) {
    const int generation = ++generation_;
    ++pending_;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    watchers_.append(watcher);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this,
            [this, generation, watcher] { finish(generation, watcher); });
    std::optional<std::filesystem::path> path;
    if (folder) path = folder->toStdString();
    watcher->setFuture(QtConcurrent::run([path, seed]() -> Outcome {
        try {
            auto result = std::make_shared<LoadedData>();
            result->mnist = data::loadMnist(path, seed);
            result->trainPairs = data::buildAdditionPairs(result->mnist.train, seed);
            result->validationPairs = data::buildAdditionPairs(result->mnist.validation, seed);
            result->seed = seed;
            return std::shared_ptr<const LoadedData>(std::move(result));
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }));
}

void DataLoader::waitForIdle() {
    for (auto* watcher : watchers_) watcher->waitForFinished();
}

void DataLoader::finish(int generation, QFutureWatcher<Outcome>* watcher) {
    --pending_;
    watchers_.removeOne(watcher);
    const Outcome outcome = watcher->result();
    watcher->deleteLater();
    if (generation != generation_) return;  // a newer load superseded this one
    if (const auto* data = std::get_if<std::shared_ptr<const LoadedData>>(&outcome)) {
        Q_EMIT loaded(*data);
    } else {
        Q_EMIT failed(std::get<QString>(outcome));
    }
}

}  // namespace learn2add::ui
