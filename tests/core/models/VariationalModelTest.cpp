// Part IV: the Gaussian codes, the variational encoder, the generative P and the VAE addition
// models (AdditionVariant).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

#include "core/models/ModelTestSupport.h"
#include "models/AdditionModel.h"
#include "models/GaussianCode.h"

namespace learn2add::models {
namespace {

using testing::SeededModelTest;

class VariationalModelTest : public SeededModelTest {};

TEST_F(VariationalModelTest, KlEqualsTheClosedFormOnKnownInputs) {
    // Row 0: N(0, 1) is the prior itself: KL 0. Row 1: mean (1, 2), variance (1, 4):
    // 0.5 * [(1 + 1 - 1 - 0) + (4 + 4 - 1 - log 4)] = 0.5 * (1 + 7 - log 4).
    const GaussianCode q{torch::tensor({{0.0f, 0.0f}, {1.0f, 2.0f}}),
                         torch::tensor({{0.0f, 0.0f}, {0.0f, std::log(4.0f)}})};
    const torch::Tensor kl = klToStandardNormal(q);
    ASSERT_EQ(kl.sizes(), (std::vector<std::int64_t>{2}));
    EXPECT_NEAR(kl[0].item<double>(), 0.0, 1e-7);
    EXPECT_NEAR(kl[1].item<double>(), 0.5 * (1.0 + 7.0 - std::log(4.0)), 1e-6);
}

TEST_F(VariationalModelTest, GaussianNegativeLogLikelihoodByHand) {
    // mean 1, variance 4 (log 4), target 3: 0.5 * (log 4 + 4 / 4); second dim mean 0, var 1,
    // target 0: 0.
    const GaussianCode q{torch::tensor({{1.0f, 0.0f}}), torch::tensor({{std::log(4.0f), 0.0f}})};
    const torch::Tensor nll = gaussianNegativeLogLikelihood(q, torch::tensor({{3.0f, 0.0f}}));
    EXPECT_NEAR(nll[0].item<double>(), 0.5 * (std::log(4.0) + 1.0), 1e-6);
}

TEST_F(VariationalModelTest, GradientsFlowThroughTheReparameterization) {
    const torch::Tensor mean = torch::zeros({8, 3}, torch::requires_grad());
    const torch::Tensor logVariance = torch::zeros({8, 3}, torch::requires_grad());
    reparameterize({mean, logVariance}).pow(2).sum().backward();
    ASSERT_TRUE(mean.grad().defined());
    ASSERT_TRUE(logVariance.grad().defined());
    EXPECT_GT(logVariance.grad().abs().sum().item<double>(), 0.0);
    // d/d mean of sum((mean + sigma eps)^2) at mean 0 is 2 sigma eps: not zero.
    EXPECT_GT(mean.grad().abs().sum().item<double>(), 0.0);
}

TEST_F(VariationalModelTest, SamplingIsReproducibleWithASeed) {
    const GaussianCode q{torch::zeros({4, 7}), torch::zeros({4, 7})};
    const torch::Tensor a = reparameterize(q, at::detail::createCPUGenerator(11));
    const torch::Tensor b = reparameterize(q, at::detail::createCPUGenerator(11));
    const torch::Tensor c = reparameterize(q, at::detail::createCPUGenerator(12));
    EXPECT_TRUE(torch::equal(a, b));
    EXPECT_FALSE(torch::equal(a, c));
}

// The views' and the CLI's seeded samples: the noise is FP32 even for a bf16 mean (autocast), so
// the window's samples in bf16 are the CLI's FP32 draws, not coarser ones.
TEST_F(VariationalModelTest, ASeededDrawIsFp32WhateverTheMeansType) {
    const GaussianCode fp32{torch::zeros({4, 7}), torch::zeros({4, 7})};
    const GaussianCode bf16{fp32.mean.to(torch::kBFloat16), fp32.logVariance.to(torch::kBFloat16)};
    const torch::Tensor expected = reparameterize(fp32, at::detail::createCPUGenerator(11));
    const torch::Tensor drawn = reparameterize(bf16, at::detail::createCPUGenerator(11));
    EXPECT_EQ(drawn.scalar_type(), torch::kFloat32);
    EXPECT_TRUE(torch::equal(drawn, expected));
}

TEST_F(VariationalModelTest, VariationalEncoderAndGenerativeAdderHaveTheirShapes) {
    for (const std::int64_t code : {2, 7}) {
        Encoder encoder(EncoderOptions().codeSize(code).variational(true));
        const torch::Tensor x = torch::rand({3, 1, 32, 32});
        const GaussianCode q = encoder->forwardGaussian(x);
        EXPECT_EQ(q.mean.sizes(), (std::vector<std::int64_t>{3, code}));
        EXPECT_EQ(q.logVariance.sizes(), (std::vector<std::int64_t>{3, code}));
        EXPECT_TRUE(torch::equal(encoder->forward(x), q.mean));  // inference reads the mean
        AdditionMlp p(AdditionMlpOptions().codeSize(code).generative(true));
        const GaussianCode r = p->forwardGaussian(torch::randn({3, code}), torch::rand({3, 1}));
        EXPECT_EQ(r.mean.sizes(), (std::vector<std::int64_t>{3, code}));
        EXPECT_EQ(r.logVariance.sizes(), (std::vector<std::int64_t>{3, code}));
    }
    // A plain encoder or P has no Gaussian to give.
    Encoder plain(EncoderOptions().codeSize(7));
    testing::expectTorchError([&] { plain->forwardGaussian(torch::rand({1, 1, 32, 32})); },
                              "needs a variational encoder");
}

TEST_F(VariationalModelTest, EveryVariantTrainsWithSamplesAndInfersWithMeans) {
    const torch::Tensor x = torch::rand({4, 1, 32, 32});
    const torch::Tensor y = torch::rand({4, 1, 32, 32});
    const torch::Tensor u = torch::tensor({0.0f, 1.0f, 2.0f, 1.5f}).reshape({4, 1});
    for (AdditionVariant variant : kAllAdditionVariants) {
        AdditionModel model(AdditionModelOptions().codeSize(7).variant(variant));
        model->train();
        const AdditionOutputs first = model->forward(x, u, y);
        const AdditionOutputs second = model->forward(x, u, y);
        EXPECT_EQ(first.generated.sizes(), x.sizes()) << toString(variant);
        EXPECT_EQ(first.codeLogVariance.defined(), hasVariationalEncoder(variant));
        EXPECT_EQ(first.resultLogVariance.defined(), hasGenerativeAdder(variant));
        // Training samples (the reparameterization trick) in the variational variants only.
        EXPECT_EQ(torch::equal(first.generated, second.generated), !hasVariationalEncoder(variant))
            << toString(variant);
        // Mean mode: inference is deterministic and is the training model's addition branch in
        // eval mode.
        model->eval();
        const torch::Tensor a = model->add(x, u);
        EXPECT_TRUE(torch::equal(a, model->add(x, u))) << toString(variant);
        EXPECT_TRUE(torch::allclose(a, model->forward(x, u, y).generated)) << toString(variant);
    }
}

TEST_F(VariationalModelTest, SampleAddDrawsReproducibleSamplesAroundTheMean) {
    AdditionModel model(
        AdditionModelOptions().codeSize(7).variant(AdditionVariant::VariationalGenerativeAdder));
    model->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::rand({2, 1, 32, 32});
    const torch::Tensor u = torch::tensor({1.0f, 1.5f}).reshape({2, 1});
    const torch::Tensor a = model->sampleAdd(x, u, 5, 3);
    EXPECT_EQ(a.sizes(), (std::vector<std::int64_t>{2, 5, 1, 32, 32}));
    EXPECT_TRUE(torch::equal(a, model->sampleAdd(x, u, 5, 3)));
    EXPECT_FALSE(torch::equal(a, model->sampleAdd(x, u, 5, 4)));
    EXPECT_FALSE(torch::equal(a[0][0], a[0][1]));  // the samples differ from each other
    // A deterministic model's "samples" are its one answer.
    AdditionModel plain(AdditionModelOptions().codeSize(7));
    plain->eval();
    const torch::Tensor s = plain->sampleAdd(x, u, 3, 1);
    EXPECT_TRUE(torch::allclose(s[1][2], plain->add(x, u)[1]));
}

TEST_F(VariationalModelTest, SampleAddEncodesEachInputOnceAndSamplesItsGaussian) {
    // The samples are the decoded result codes of one encoding per input: E's Gaussian sampled K
    // times, then P's (generative P), all from one generator with the seed, in that order.
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::rand({2, 1, 32, 32});
    const torch::Tensor u = torch::tensor({1.0f, 1.5f}).reshape({2, 1});
    constexpr std::int64_t k = 4;
    constexpr std::uint64_t seed = 9;
    for (AdditionVariant variant :
         {AdditionVariant::Variational, AdditionVariant::VariationalGenerativeAdder}) {
        AdditionModel model(AdditionModelOptions().codeSize(7).variant(variant));
        model->eval();
        const torch::Tensor samples = model->sampleAdd(x, u, k, seed);

        at::Generator generator = at::detail::createCPUGenerator(seed);
        const GaussianCode q = model->autoencoder()->encodeGaussian(x);
        const torch::Tensor z = reparameterize(
            {q.mean.repeat_interleave(k, 0), q.logVariance.repeat_interleave(k, 0)}, generator);
        const torch::Tensor uk = u.repeat_interleave(k, 0);
        const torch::Tensor result =
            hasGenerativeAdder(variant)
                ? reparameterize(model->adder()->forwardGaussian(z, uk), generator)
                : model->adder()->forward(z, uk);
        const torch::Tensor byHand =
            model->autoencoder()->decode(result).reshape({2, k, 1, 32, 32});
        EXPECT_TRUE(torch::allclose(samples, byHand, 1e-5, 1e-6)) << toString(variant);

        // The Compare page's path: one inputCode() gives both the mean answer and the samples.
        const GaussianCode input = model->inputCode(x);
        EXPECT_TRUE(torch::equal(input.mean, q.mean));
        EXPECT_TRUE(torch::allclose(model->autoencoder()
                                        ->decode(model->sampleResultCodes(input, u, k, seed))
                                        .reshape({2, k, 1, 32, 32}),
                                    samples, 1e-5, 1e-6))
            << toString(variant);
        EXPECT_TRUE(
            torch::allclose(model->autoencoder()->decode(model->adder()->forward(input.mean, u)),
                            model->add(x, u), 1e-5, 1e-6))
            << toString(variant);
    }
    // A plain encoder's input code has no spread.
    AdditionModel plain(AdditionModelOptions().codeSize(7));
    plain->eval();
    EXPECT_FALSE(plain->inputCode(x).logVariance.defined());
    testing::expectTorchError([&] { plain->sampleAdd(x, u, 0, 1); }, "samples must be at least 1");
}

}  // namespace
}  // namespace learn2add::models
