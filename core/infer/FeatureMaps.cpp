#include "infer/FeatureMaps.h"

#include <torch/torch.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "infer/EvalScope.h"
#include "infer/GreyImageTensors.h"

namespace learn2add::infer {

FeatureStage featureStage(const std::string& name, const torch::Tensor& activations) {
    const torch::Tensor maps = activations.detach().to(torch::kFloat32)[0].contiguous();  // [C, s, s]
    const auto count = static_cast<int>(maps.size(0));
    FeatureStage stage;
    stage.name = name;
    stage.side = static_cast<int>(maps.size(1));
    stage.maximum = maps.max().item<float>();
    const torch::Tensor flat = maps.flatten(1);
    const torch::Tensor minima = std::get<0>(flat.min(1)).contiguous();
    const torch::Tensor maxima = std::get<0>(flat.max(1)).contiguous();
    const torch::Tensor means = flat.mean(1).contiguous();
    const torch::Tensor scaled = stage.maximum > 0 ? maps / stage.maximum : torch::zeros_like(maps);
    const std::vector<GreyImage> images = toGreyImages(scaled);
    std::vector<int> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), 0);
    const float* mean = means.data_ptr<float>();
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return mean[a] > mean[b]; });
    for (const int c : order) {
        stage.channels.push_back({c, minima.data_ptr<float>()[c], maxima.data_ptr<float>()[c], mean[c],
                                  images[static_cast<std::size_t>(c)]});
    }
    return stage;
}

FeatureMaps featureMaps(models::AdditionModel& model, const GreyImage& input, double addend) {
    if (input.empty()) throw std::invalid_argument("the feature maps need an input image");
    torch::NoGradGuard noGrad;
    EvalScope eval(*model);
    models::Autoencoder autoencoder = model->autoencoder();
    const torch::Tensor image = inputTensor(input, static_cast<int>(autoencoder->imageSize()));
    std::vector<torch::Tensor> encoderStages, decoderStages;
    const torch::Tensor code = autoencoder->encodeWithStages(image, encoderStages);
    const torch::Tensor resultCode =
        model->adder()->forward(code, torch::tensor({{static_cast<float>(addend)}}, torch::kFloat32));
    const torch::Tensor output = autoencoder->decodeWithStages(resultCode, decoderStages);
    FeatureMaps maps;
    for (std::size_t i = 0; i < encoderStages.size(); ++i) {
        maps.encoder.push_back(featureStage("E conv" + std::to_string(i + 1), encoderStages[i]));
    }
    for (std::size_t i = 0; i < decoderStages.size(); ++i) {
        maps.decoder.push_back(featureStage("D stage " + std::to_string(i + 1), decoderStages[i]));
    }
    maps.input = toGreyImage(image[0]);
    maps.output = toGreyImage(output[0]);
    maps.addend = addend;
    return maps;
}

}  // namespace learn2add::infer
