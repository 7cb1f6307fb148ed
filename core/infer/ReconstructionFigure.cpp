#include "infer/ReconstructionFigure.h"

#include <torch/torch.h>

#include "data/DigitTensors.h"
#include "models/Resize64Decoder.h"
#include "train/ShownDigits.h"

namespace learn2add::infer {

std::pair<train::ImageStrip, train::ImageStrip> reconstructShownDigits(AutoencoderRun& run,
                                                                       const data::DigitSet& validation) {
    torch::NoGradGuard noGrad;
    const auto indices = train::shownDigitIndices(validation);
    std::vector<std::size_t> positions(indices.begin(), indices.end());
    const torch::Tensor inputs32 = data::imagesToTensor(validation, positions, 32);
    const int size = static_cast<int>(run.model->imageSize());
    const torch::Tensor inputs = size == 32 ? inputs32 : data::imagesToTensor(validation, positions, size);
    torch::Tensor outputs = run.model->forward(inputs);
    if (size != 32) outputs = models::resizeForEvaluation(outputs);
    return {train::toStrip(inputs32), train::toStrip(outputs)};
}

}  // namespace learn2add::infer
