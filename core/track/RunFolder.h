#pragma once
// A run folder (see DESIGN.md): config.json, metrics.csv (one row per epoch), best.pt, last.pt,
// TensorBoard event files and figures/. The CLI writes them; the GUI opens them.
//
//   RunFolder run = RunFolder::create("runs/ae-upsample");   // throws TrackError if unwritable
//   run.writeConfig({{"kind", "autoencoder"}, ...});
//   run.appendMetrics({{"epoch", 1}, {"validation_rmse", 0.21}});
//
// Thread-safety: none; one thread writes a run at a time.

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace learn2add::track {

// One metrics.csv row: column name -> value, columns in insertion order.
using MetricsRow = std::vector<std::pair<std::string, double>>;

class RunFolder {
public:
    // Creates the folder (and parents) and checks that files can be written in it.
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

private:
    explicit RunFolder(std::filesystem::path root) : root_(std::move(root)) {}
    std::filesystem::path root_;
    std::string metricsText_;  // everything written to metrics.csv so far
};

}  // namespace learn2add::track
