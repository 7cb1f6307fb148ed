#pragma once
// Checkpoints (.pt): a module's parameters and buffers plus a description of the architecture, so
// that loading into another architecture fails with a message instead of garbage or a crash.
//
//   saveCheckpoint(run / "best.pt", *model, {"autoencoder", "upsample", 7, epoch, loss});
//   CheckpointInfo info = readCheckpointInfo(run / "best.pt");   // what it holds
//   loadCheckpoint(run / "best.pt", *model, expectedInfo);       // throws CheckpointError
//
// Writes are atomic: a reader never sees a half-written file (see common/AtomicFile.h).

#include <torch/nn/module.h>
#include <torch/serialize/archive.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace learn2add::train {

class CheckpointError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CheckpointInfo {
    std::string kind;          // "autoencoder", later "addition", ...
    std::string architecture;  // e.g. the decoder name
    std::int64_t codeSize = 0;
    std::int64_t epoch = 0;    // 0: saved before the first epoch ended
    double validationLoss = 0.0;

    // "autoencoder (decoder upsample, code 7)"
    std::string describe() const;
};

// How the parameters are stored. Half (float16) halves the file, for the models the app ships;
// loading converts back to the module's own type (float32).
enum class CheckpointPrecision { Float32, Half };

// What a last.pt adds so that a run can be resumed (optimizer, random generators, the loop's
// counters; see TrainingLoop.h). Stored under its own key: readers of the model ignore it.
using ResumeStateWriter = std::function<void(torch::serialize::OutputArchive&)>;
using ResumeStateReader = std::function<void(torch::serialize::InputArchive&)>;

// Throws CheckpointError naming the file when it cannot be written (e.g. a full disk).
void saveCheckpoint(const std::filesystem::path& path, const torch::nn::Module& module,
                    const CheckpointInfo& info,
                    CheckpointPrecision precision = CheckpointPrecision::Float32,
                    const ResumeStateWriter& resumeState = {});

// Calls `read` with the resume state of a checkpoint saved with one. Throws CheckpointError when
// the file holds none (a best.pt, or a last.pt written before resume existed), naming the file.
void readResumeState(const std::filesystem::path& path, const ResumeStateReader& read);

// Throws CheckpointError when the file is missing, unreadable or not a Learn2Add checkpoint.
CheckpointInfo readCheckpointInfo(const std::filesystem::path& path);

// readCheckpointInfo(), then checks that kind, architecture and code size match `expected`: call it
// before building a model from a run's config.json, so that a config that claims a huge code size
// is refused by the checkpoint's tag, not after the model has taken the memory.
CheckpointInfo requireCheckpointOf(const std::filesystem::path& path,
                                   const CheckpointInfo& expected);

// Loads into `module` after checking that kind, architecture and code size match `expected`
// (epoch and loss are not compared). Returns the stored info. Throws CheckpointError, leaving the
// module's parameters unchanged, on any mismatch.
CheckpointInfo loadCheckpoint(const std::filesystem::path& path, torch::nn::Module& module,
                              const CheckpointInfo& expected);

}  // namespace learn2add::train
