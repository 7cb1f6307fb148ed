#pragma once
// The "data" object of every run's config.json: where the digits came from and how they were split,
// so that infer::loadRunData() loads the same splits again.

#include <nlohmann/json.hpp>

#include "data/MnistData.h"

namespace learn2add::train {

nlohmann::json dataConfig(const data::MnistData& data);

}  // namespace learn2add::train
