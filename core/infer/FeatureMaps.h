#pragma once
// What the convolution stages of an addition model see: for one input and addend, the encoder's
// three stages (activations after each ReLU) for the input and the decoder's inner stages for the
// output D(P(E(x), u)). Every channel becomes a small grey tile scaled by its stage's largest
// activation (so tiles of one stage compare), with its own range and mean; the channels of a stage
// are ordered by their mean activation, the strongest first.
//
//   FeatureMaps maps = featureMaps(model, input, 1.5);
//   maps.encoder[0].channels[0].channel;   // conv1's strongest channel
//
// Pure function of its arguments (no gradients; the model's mode is kept); one thread at a time.

#include <string>
#include <vector>

#include "infer/GreyImage.h"
#include "models/AdditionModel.h"

namespace learn2add::infer {

struct FeatureChannel {
    int channel = 0;         // its index in the layer
    float minimum = 0.0f;    // its activations' range and mean
    float maximum = 0.0f;
    float mean = 0.0f;
    GreyImage image;         // side x side, 255 = the stage's largest activation
};

struct FeatureStage {
    std::string name;        // e.g. "E conv1", "D stage 2"
    int side = 0;            // the maps' width and height
    float maximum = 0.0f;    // the stage's largest activation
    std::vector<FeatureChannel> channels;  // strongest (largest mean) first
};

struct FeatureMaps {
    std::vector<FeatureStage> encoder;  // E's three stages, of the input
    std::vector<FeatureStage> decoder;  // D's inner stages, of the output
    GreyImage input;                    // as E reads it (the model's size)
    GreyImage output;                   // D(P(E(input), addend))
    double addend = 0.0;
};

// Throws std::invalid_argument for an empty input.
FeatureMaps featureMaps(models::AdditionModel& model, const GreyImage& input, double addend);

// The stages of one batch image of activations [1, C, side, side] (exposed for tests).
FeatureStage featureStage(const std::string& name, const torch::Tensor& activations);

}  // namespace learn2add::infer
