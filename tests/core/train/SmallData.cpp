#include "core/train/SmallData.h"

#include <algorithm>
#include <vector>

namespace learn2add::train::testing {

std::shared_ptr<const data::MnistData> smallData() {
    static const auto data = [] {
        data::MnistData full = data::loadEmbeddedMnist(42);
        const auto spread = [](const data::DigitSet& set, std::size_t n) {
            std::vector<std::size_t> indices(std::min(n, set.size()));
            for (std::size_t i = 0; i < indices.size(); ++i) {
                indices[i] = i * (set.size() / indices.size());
            }
            return data::subset(set, indices);
        };
        full.train = spread(full.train, 600);
        full.validation = spread(full.validation, 150);
        full.test = spread(full.test, 150);
        return std::make_shared<const data::MnistData>(std::move(full));
    }();
    return data;
}

}  // namespace learn2add::train::testing
