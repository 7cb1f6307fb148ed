#pragma once
// The "data" object of every run's config.json: where the digits came from and how they were split,
// so that infer::loadRunData() loads the same splits again; and the entries every kind of run's
// config.json shares (the training loop's settings, the data, the version), to which each trainer
// adds its model's.
//
//   nlohmann::json config = sharedRunConfig(options, data);
//   config["kind"] = "judge";

#include <nlohmann/json.hpp>

#include "data/MnistData.h"

namespace learn2add::train {

nlohmann::json dataConfig(const data::MnistData& data);

template <typename Options>
nlohmann::json sharedRunConfig(const Options& options, const data::MnistData& data) {
    nlohmann::json config = {{"epochs", options.epochs()},
                             {"batch_size", options.batchSize()},
                             {"learning_rate", options.learningRate()},
                             {"optimizer", "adam"},
                             {"seed", options.seed()},
                             {"threads", options.threads()},
                             {"max_batches_per_epoch", options.maxBatchesPerEpoch()},
                             {"data", dataConfig(data)},
                             {"learn2add_version", LEARN2ADD_VERSION}};
    if constexpr (requires { options.earlyStoppingPatience(); }) {
        config["early_stopping_patience"] = options.earlyStoppingPatience();
    }
    return config;
}

}  // namespace learn2add::train
