#pragma once
// What the Data page shows: the splits and the addition pairs built from them. Immutable once built;
// shared between pages by std::shared_ptr<const LoadedData>.

#include <cstdint>

#include "data/AdditionPairs.h"
#include "data/MnistData.h"

namespace learn2add::ui {

struct LoadedData {
    data::MnistData mnist;
    data::AdditionPairSet trainPairs;
    data::AdditionPairSet validationPairs;
    std::uint64_t seed = 0;
};

}  // namespace learn2add::ui
