#include "track/RunFolder.h"

#include <fstream>
#include <sstream>

#include "common/AtomicFile.h"
#include "track/TrackError.h"

namespace learn2add::track {
namespace {

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TrackError(path.string() + ": cannot open the file for reading");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeAtomically(const std::filesystem::path& path, const std::string& text) {
    try {
        writeTextAtomically(path, text);
    } catch (const FileWriteError& e) {
        throw TrackError(e.what());
    }
}

}  // namespace

RunFolder RunFolder::create(const std::filesystem::path& root) {
    std::error_code error;
    std::filesystem::create_directories(root, error);
    if (error) throw TrackError(root.string() + ": cannot create the run folder (" + error.message() + ")");
    const auto probe = root / ".learn2add-write-test";
    {
        std::ofstream out(probe);
        out << "ok";
        if (!out) throw TrackError(root.string() + ": the run folder is not writable");
    }
    std::filesystem::remove(probe, error);
    return RunFolder(root);
}

RunFolder RunFolder::open(const std::filesystem::path& root) {
    if (!std::filesystem::is_regular_file(root / "config.json")) {
        throw TrackError(root.string() + ": not a run folder (it has no config.json)");
    }
    RunFolder run(root);
    if (std::filesystem::exists(run.metricsPath())) run.metricsText_ = readText(run.metricsPath());
    return run;
}

void RunFolder::writeConfig(const nlohmann::json& config) const {
    writeAtomically(configPath(), config.dump(2) + "\n");
}

nlohmann::json RunFolder::readConfig() const {
    try {
        return nlohmann::json::parse(readText(configPath()));
    } catch (const nlohmann::json::exception& e) {
        throw TrackError(configPath().string() + ": not valid JSON (" + e.what() + ")");
    }
}

void RunFolder::appendMetrics(const MetricsRow& row) {
    std::ostringstream line;
    line.precision(10);
    if (metricsText_.empty()) {
        for (std::size_t i = 0; i < row.size(); ++i) line << (i ? "," : "") << row[i].first;
        line << '\n';
    }
    for (std::size_t i = 0; i < row.size(); ++i) line << (i ? "," : "") << row[i].second;
    line << '\n';
    const std::string text = metricsText_ + line.str();
    writeAtomically(metricsPath(), text);
    metricsText_ = text;
}

std::vector<std::map<std::string, double>> RunFolder::readMetrics() const {
    std::vector<std::map<std::string, double>> rows;
    if (!std::filesystem::exists(metricsPath())) return rows;
    std::istringstream in(readText(metricsPath()));
    std::string line;
    std::vector<std::string> header;
    if (std::getline(in, line)) {
        std::istringstream cells(line);
        for (std::string cell; std::getline(cells, cell, ',');) header.push_back(cell);
    }
    for (int lineNumber = 2; std::getline(in, line); ++lineNumber) {
        if (line.empty()) continue;
        std::istringstream cells(line);
        std::map<std::string, double> row;
        std::size_t column = 0;
        for (std::string cell; std::getline(cells, cell, ','); ++column) {
            if (column >= header.size()) {
                throw TrackError(metricsPath().string() + ": line " + std::to_string(lineNumber) +
                                 " has more cells than the header");
            }
            try {
                row[header[column]] = std::stod(cell);
            } catch (const std::exception&) {
                throw TrackError(metricsPath().string() + ": line " + std::to_string(lineNumber) +
                                 ": '" + cell + "' is not a number");
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace learn2add::track
