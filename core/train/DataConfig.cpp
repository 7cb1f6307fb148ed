#include "train/DataConfig.h"

namespace learn2add::train {

nlohmann::json dataConfig(const data::MnistData& data) {
    return {{"source", data.source},
            {"folder", data.folder ? nlohmann::json(data.folder->string()) : nlohmann::json(nullptr)},
            {"split_seed", data.seed},
            {"train", data.train.size()},
            {"validation", data.validation.size()},
            {"test", data.test.size()}};
}

}  // namespace learn2add::train
