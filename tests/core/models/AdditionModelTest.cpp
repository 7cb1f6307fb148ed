#include "models/AdditionModel.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "common/Precision.h"
#include "core/models/ModelTestSupport.h"
#include "models/ParameterCount.h"
#include "models/DigitJudge.h"

namespace learn2add::models {
namespace {

using testing::SeededModelTest;

class AdditionModelTest : public SeededModelTest {};

TEST_F(AdditionModelTest, AdditionMlpMapsACodeAndAnAddendToACode) {
    for (const std::int64_t code : {2, 7}) {
        AdditionMlp p(AdditionMlpOptions().codeSize(code));
        EXPECT_EQ(p->forward(torch::randn({5, code}), torch::rand({5, 1})).sizes(),
                  (std::vector<std::int64_t>{5, code}));
        // A flat [N] addend is the same as [N, 1].
        const torch::Tensor z = torch::randn({3, code});
        const torch::Tensor u = torch::tensor({1.0f, 1.5f, 2.0f});
        EXPECT_TRUE(torch::equal(p->forward(z, u), p->forward(z, u.reshape({3, 1}))));
        // (code + 1) * 32 + 32 + 32 * 16 + 16 + 16 * 16 + 16 + 16 * code + code
        EXPECT_EQ(parameterCount(*p), (code + 1) * 32 + 32 + 32 * 16 + 16 + 16 * 16 + 16 + 16 * code + code);
    }
}

TEST_F(AdditionModelTest, AdditionMlpReadsTheAddend) {
    AdditionMlp p(AdditionMlpOptions().codeSize(7));
    const torch::Tensor z = torch::randn({1, 7});
    EXPECT_FALSE(torch::equal(p->forward(z, torch::tensor({1.4f})), p->forward(z, torch::tensor({1.6f}))));
}

// The views run under bf16 autocast; P in eval mode stays FP32, so a slider's 8.03 is not 8.
TEST_F(AdditionModelTest, InEvalModePRunsInFp32UnderAutocastAndTrainingKeepsTheRunsPrecision) {
    AdditionMlp p(AdditionMlpOptions().codeSize(7));
    // Codes a bf16 encoder could give (exact in bf16), and addends it would round to 8.
    const torch::Tensor z = torch::randn({3, 7}).to(torch::kBFloat16).to(torch::kFloat32);
    const torch::Tensor u = torch::tensor({8.0f, 8.03f, 8.06f});
    p->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor fp32 = p->forward(z, u);
    {
        AutocastScope bf16(Precision::Bf16);
        const torch::Tensor inBf16 = p->forward(z.to(torch::kBFloat16), u);
        EXPECT_EQ(inBf16.scalar_type(), torch::kFloat32);
        EXPECT_TRUE(torch::equal(inBf16, fp32));
        EXPECT_FALSE(torch::equal(inBf16[0], inBf16[1])) << "8.03 read as 8";
        p->train();
        EXPECT_EQ(p->forward(z, u).scalar_type(), torch::kBFloat16) << "training keeps autocast";
    }
}

TEST_F(AdditionModelTest, AdditionMlpRefusesMismatchedInputs) {
    AdditionMlp p(AdditionMlpOptions().codeSize(7));
    testing::expectTorchError([&] { p->forward(torch::randn({4, 2}), torch::rand({4, 1})); },
                              "expected a code of shape [N, 7]");
    testing::expectTorchError([&] { p->forward(torch::randn({4, 7}), torch::rand({3, 1})); },
                              "4 codes but 3 addends");
}

TEST_F(AdditionModelTest, TrainingModelSharesOneEncoderAndDecoder) {
    AdditionModel model(AdditionModelOptions().decoder(DecoderKind::Mirror).codeSize(7));
    for (const auto& parameter : model->named_parameters()) {
        const std::string& name = parameter.key();
        EXPECT_TRUE(name.rfind("autoencoder.encoder.", 0) == 0 ||
                    name.rfind("autoencoder.decoder.", 0) == 0 || name.rfind("adder.", 0) == 0)
            << name;
    }
    const torch::Tensor x = torch::rand({4, 1, 32, 32});
    const torch::Tensor y = torch::rand({4, 1, 32, 32});
    const torch::Tensor u = torch::tensor({0.0f, 1.0f, 2.0f, 1.5f}).reshape({4, 1});
    AdditionOutputs out = model->forward(x, u, y);
    EXPECT_EQ(out.code.sizes(), (std::vector<std::int64_t>{4, 7}));
    EXPECT_EQ(out.reconstruction.sizes(), x.sizes());
    EXPECT_EQ(out.generated.sizes(), x.sizes());
    // The same encoder reads the expected image, and the same decoder draws both outputs.
    EXPECT_TRUE(torch::allclose(out.targetCode, model->autoencoder()->encode(y)));
    EXPECT_TRUE(torch::allclose(out.reconstruction, model->autoencoder()->forward(x)));
    EXPECT_TRUE(torch::allclose(out.generated, model->autoencoder()->decode(out.resultCode)));
    EXPECT_TRUE(out.targetCode.requires_grad());
    // Inference is E -> P -> D.
    EXPECT_TRUE(torch::allclose(model->add(x, u), out.generated));
}

TEST_F(AdditionModelTest, ConstantTargetCodeCarriesNoGradient) {
    AdditionModel model(AdditionModelOptions().codeSize(2));
    const torch::Tensor x = torch::rand({2, 1, 32, 32});
    AdditionOutputs out = model->forward(x, torch::ones({2, 1}), torch::rand({2, 1, 32, 32}), false);
    EXPECT_FALSE(out.targetCode.requires_grad());
    EXPECT_TRUE(out.resultCode.requires_grad());
}

TEST_F(AdditionModelTest, OnlyTheAssignmentsCodeTermReachesTheEncoderThroughTheTarget) {
    // The code term with E(y) carrying gradients (the assignment) moves the encoder even when
    // P's side is held constant; with the target computed without gradients nothing reaches it.
    AdditionModel model(AdditionModelOptions().codeSize(7));
    const torch::Tensor x = torch::rand({4, 1, 32, 32});
    const torch::Tensor y = torch::rand({4, 1, 32, 32});
    const torch::Tensor u = torch::ones({4, 1});
    const auto encoderGradient = [&](bool targetGradient) {
        model->zero_grad();
        AdditionOutputs out = model->forward(x, u, y, targetGradient);
        if (!out.targetCode.requires_grad()) return 0.0;
        torch::mse_loss(out.resultCode.detach(), out.targetCode).backward();
        return model->autoencoder()->encoder()->named_parameters()["to_code.weight"].grad().abs().sum().item<double>();
    };
    EXPECT_GT(encoderGradient(true), 0.0);
    EXPECT_EQ(encoderGradient(false), 0.0);
    EXPECT_EQ(parameterCount(*model),
              parameterCount(*model->autoencoder()) + parameterCount(*model->adder()));
}

TEST_F(AdditionModelTest, Resize64ModelWorksAt64) {
    AdditionModel model(AdditionModelOptions().decoder(DecoderKind::Resize64).codeSize(7));
    EXPECT_EQ(model->imageSize(), 64);
    EXPECT_EQ(model->add(torch::rand({2, 1, 64, 64}), torch::ones({2, 1})).sizes(),
              (std::vector<std::int64_t>{2, 1, 64, 64}));
}

TEST_F(AdditionModelTest, JudgeGivesTenProbabilitiesPerImage) {
    DigitJudge judge;
    judge->eval();
    const torch::Tensor p = judge->probabilities(torch::rand({3, 1, 32, 32}));
    EXPECT_EQ(p.sizes(), (std::vector<std::int64_t>{3, 10}));
    EXPECT_TRUE(torch::allclose(p.sum(1), torch::ones({3}), 1e-5, 1e-5));
    const torch::Tensor x = torch::rand({4, 1, 32, 32});
    torch::NoGradGuard noGrad;
    EXPECT_TRUE(torch::equal(judge->predict(x), judge->forward(x).argmax(1)));
    testing::expectTorchError([&] { judge->forward(torch::rand({1, 1, 28, 28})); },
                              "expected images of shape [N, 1, 32, 32]");
}

}  // namespace
}  // namespace learn2add::models
