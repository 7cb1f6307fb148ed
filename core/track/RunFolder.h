#pragma once
// A run folder (see DESIGN.md): config.json, metrics.csv (one row per epoch), best.pt, last.pt,
// TensorBoard event files and figures/. The CLI writes them; the GUI opens them.
//
//   RunFolder run = RunFolder::claim("runs/ae-upsample", RunFolderUse::New);  // TrackError if taken
//   run.writeConfig({{"kind", "autoencoder"}, ...});
//   run.appendMetrics({{"epoch", 1}, {"validation_rmse", 0.21}});
//
// Ownership: a folder holds one run, written by one process. claim() refuses a folder that already
// holds a run (config.json) unless the run is resumed or replaced, and takes an exclusive lock
// (flock on .learn2add.lock, which names the holder's PID) that a second writer, in this process or
// another, is refused; the lock ends with the last copy of the RunFolder (or the process).
//
// Thread-safety: none; one thread writes a run at a time.

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "track/FolderLock.h"

namespace learn2add::track {

// One metrics.csv row: column name -> value, columns in insertion order.
using MetricsRow = std::vector<std::pair<std::string, double>>;

// What a writer means to do with a folder.
enum class RunFolderUse {
    New,      // a new run: refused when the folder already holds one
    Resume,   // continue the run the folder holds: refused when it holds none
    Replace,  // remove the run the folder holds (its config, metrics, checkpoints, event files)
};

class RunFolder {
public:
    // Creates the folder (and parents) when missing, checks that files can be written in it and
    // takes the run's lock. Throws TrackError with a message that says what to do.
    static RunFolder claim(const std::filesystem::path& root, RunFolderUse use);
    // Creates the folder (and parents) and checks that files can be written in it; no ownership
    // (for writers of a folder of their own, e.g. tests).
    static RunFolder create(const std::filesystem::path& root);
    // An existing run folder (must hold config.json); throws TrackError otherwise.
    static RunFolder open(const std::filesystem::path& root);

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path configPath() const { return root_ / "config.json"; }
    std::filesystem::path metricsPath() const { return root_ / "metrics.csv"; }
    std::filesystem::path bestCheckpointPath() const { return root_ / "best.pt"; }
    std::filesystem::path lastCheckpointPath() const { return root_ / "last.pt"; }
    std::filesystem::path figuresPath() const { return root_ / "figures"; }

    // Atomic; throws TrackError (e.g. a full disk).
    void writeConfig(const nlohmann::json& config) const;
    nlohmann::json readConfig() const;

    // Appends a row; writes the header first when the file is new. The columns must be the same
    // for every row of a run. Rewrites the file atomically, so it is never half-written.
    void appendMetrics(const MetricsRow& row);
    std::vector<std::map<std::string, double>> readMetrics() const;
    // Drops the rows after `epoch` (a resumed run continues after its last checkpoint's epoch).
    void keepMetricsUpTo(int epoch);

private:
    explicit RunFolder(std::filesystem::path root) : root_(std::move(root)) {}
    std::filesystem::path root_;
    std::string metricsText_;  // everything written to metrics.csv so far
    std::shared_ptr<FolderLock> lock_;
};

}  // namespace learn2add::track
