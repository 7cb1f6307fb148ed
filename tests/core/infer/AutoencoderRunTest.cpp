#include "infer/AutoencoderRun.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/models/ModelTestSupport.h"
#include "data/DigitTensors.h"

namespace learn2add::infer {
namespace {

class AutoencoderRunTest : public models::testing::SeededModelTest {};

TEST_F(AutoencoderRunTest, EncodeAllGivesEveryImagesCodeInBatches) {
    // 1,203 images: three batches of 500, the last one short.
    data::DigitSet set;
    set.rows = set.cols = 28;
    const torch::Tensor bytes = torch::randint(0, 256, {1203, 28, 28}, torch::kUInt8);
    set.pixels.assign(bytes.data_ptr<std::uint8_t>(), bytes.data_ptr<std::uint8_t>() + bytes.numel());
    set.labels.assign(1203, 3);
    models::Autoencoder model(models::AutoencoderOptions().codeSize(2));
    model->eval();
    const std::vector<float> codes = encodeAll(model, set);
    ASSERT_EQ(codes.size(), 1203u * 2u);
    torch::NoGradGuard noGrad;
    const std::vector<std::size_t> last = {1202};
    const torch::Tensor expected = model->encode(data::imagesToTensor(set, last, 32));
    EXPECT_NEAR(codes[1202 * 2], expected[0][0].item<float>(), 1e-5);
    EXPECT_NEAR(codes[1202 * 2 + 1], expected[0][1].item<float>(), 1e-5);
}

}  // namespace
}  // namespace learn2add::infer
