#include "common/Precision.h"

#include <ATen/autocast_mode.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <stdexcept>

namespace learn2add {
namespace {

TEST(Precision, NamesAndAuto) {
    EXPECT_EQ(precisionFromString("fp32"), Precision::Fp32);
    EXPECT_EQ(precisionFromString("bf16"), Precision::Bf16);
    EXPECT_EQ(precisionFromString("auto"), cpuComputesBf16() ? Precision::Bf16 : Precision::Fp32);
    EXPECT_STREQ(toString(Precision::Bf16), "bf16");
    EXPECT_THROW(precisionFromString("fp16"), std::invalid_argument);
}

TEST(Precision, AutocastScopeRunsConvolutionsInBf16AndEndsWithItsScope) {
    torch::nn::Conv2d conv(torch::nn::Conv2dOptions(1, 4, 3));
    const torch::Tensor x = torch::rand({2, 1, 8, 8});
    {
        AutocastScope fp32(Precision::Fp32);
        EXPECT_EQ(conv->forward(x).scalar_type(), torch::kFloat32);
    }
    {
        AutocastScope bf16(Precision::Bf16);
        EXPECT_TRUE(at::autocast::is_cpu_enabled());
        EXPECT_EQ(conv->forward(x).scalar_type(), torch::kBFloat16);
        {
            AutocastScope nested(Precision::Bf16);
        }
        EXPECT_TRUE(at::autocast::is_cpu_enabled());  // the outer scope still holds
    }
    EXPECT_FALSE(at::autocast::is_cpu_enabled());
    EXPECT_EQ(conv->forward(x).scalar_type(), torch::kFloat32);
    EXPECT_EQ(conv->weight.scalar_type(), torch::kFloat32);  // the weights stay FP32
}

}  // namespace
}  // namespace learn2add
