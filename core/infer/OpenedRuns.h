#pragma once
// Runs read from disk once and shared: whoever opens a run folder that is already open (another
// page, the same page again) gets the same models, and the folder is read again only when its
// best.pt changed (another file, size, or modification time). A run's models stay in memory while
// someone holds them (the store keeps a weak reference).
//
//   OpenedRuns runs;
//   std::shared_ptr<const AdditionRun> a = runs.addition("runs/addition");   // read from disk
//   std::shared_ptr<const AdditionRun> b = runs.addition("runs/addition");   // a, not read again
//
// Errors are openAdditionRun()'s and openJudgeRun()'s (RunOpenError ...). The models are shared:
// use them from one thread at a time (the inference thread). Thread-safe itself.
//
// The views compute channels-last: every run read here (addition runs and judges) has its
// convolution weights in that layout (useViewLayout, models/WeightLayout.h). The autoencoder page
// opens its runs elsewhere and keeps their default layout; a window training's snapshots are
// clones of the training model, channels-last while it trains. Measured on the shipped models
// (2-core AMD EPYC, bf16): 55 decodes 8.6 -> 5.9 ms and the judge of 55 images 8.2 -> 6.2 ms on
// two threads, one image 0.46 -> 0.37 ms each on one; in fp32 about 25 % less too. The values are the same; the last bits
// of a view may differ from the CLI's, which reads runs in the default layout.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "infer/AdditionRun.h"

namespace learn2add::infer {

// The views' layout for a model (what OpenedRuns gives every run it reads).
void useViewLayout(const torch::nn::Module& model);

class OpenedRuns {
public:
    std::shared_ptr<const AdditionRun> addition(const std::filesystem::path& folder);
    std::shared_ptr<const JudgeRun> judge(const std::filesystem::path& folder);
    // How many runs were read from disk (tests).
    int reads() const;

private:
    template <typename Run>
    struct Entry {
        std::string stamp;  // best.pt's size and modification time when read
        std::weak_ptr<const Run> run;
    };
    template <typename Run, typename Open>
    std::shared_ptr<const Run> find(std::map<std::string, Entry<Run>>& entries,
                                    const std::filesystem::path& folder, Open&& open);

    mutable std::mutex mutex_;
    std::map<std::string, Entry<AdditionRun>> additions_;
    std::map<std::string, Entry<JudgeRun>> judges_;
    int reads_ = 0;
};

}  // namespace learn2add::infer
