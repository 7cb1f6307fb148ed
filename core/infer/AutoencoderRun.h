#pragma once
// Opening an autoencoder run folder that the CLI or the GUI wrote: its config, its data and the
// model restored from best.pt.
//
//   AutoencoderRun run = openAutoencoderRun("runs/ae-upsample");  // throws RunOpenError
//   torch::Tensor reconstruction = run.model->forward(images);
//
// Thread-safety: the returned model is not shared with anyone; use it from one thread at a time.

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "data/MnistData.h"
#include "infer/RunKind.h"
#include "models/Autoencoder.h"
#include "train/Checkpoint.h"

namespace learn2add::infer {

struct AutoencoderRun {
    std::filesystem::path folder;
    nlohmann::json config;
    train::CheckpointInfo checkpoint;  // what best.pt holds (its epoch, validation loss)
    models::Autoencoder model{nullptr};  // in eval mode, best.pt's weights
};

// A run stopped before its first epoch ended keeps a best.pt of untrained weights: it is no trained
// model, and opening it throws RunOpenError saying so (for every kind of run the CLI, the GUI and
// the report open).
void requireATrainedEpoch(const std::filesystem::path& folder,
                          const train::CheckpointInfo& checkpoint);

// Throws RunOpenError when the folder is not a run, is a run of another kind (with a message saying
// what is expected), or its checkpoint does not match its config.
AutoencoderRun openAutoencoderRun(const std::filesystem::path& folder);

// The data the run was trained on (same folder or embedded subset, same split seed).
data::MnistData loadRunData(const nlohmann::json& config);

// E's code of every image of `set` at the model's size, 500 images per call, without gradients:
// row-major [set.size() x codeSize] floats (the scatter of a code-2 model's validation codes).
std::vector<float> encodeAll(models::Autoencoder& model, const data::DigitSet& set);

}  // namespace learn2add::infer
