#include "infer/LatentProjection.h"

#include <torch/torch.h>

#include <cmath>

#include "common/Precision.h"

namespace learn2add::infer {

LatentProjection LatentProjection::fit(const torch::Tensor& codes) {
    TORCH_CHECK(codes.dim() == 2 && codes.size(0) >= 2 && codes.size(1) >= 1,
                "LatentProjection::fit: expected codes [N >= 2, C >= 1], got ", codes.sizes());
    torch::NoGradGuard noGrad;
    const Fp32Scope fp32;  // geometry, whatever the views' precision
    LatentProjection plane;
    plane.codeSize_ = codes.size(1);
    if (plane.codeSize_ <= 2) return plane;
    const torch::Tensor values = codes.detach().to(torch::kCPU, torch::kFloat32);
    plane.mean_ = values.mean(0);
    const torch::Tensor centred = values - plane.mean_;
    // centred = U S Vh: the rows of Vh are the principal directions, by decreasing variance.
    const auto [u, s, vh] = torch::linalg_svd(centred, /*full_matrices=*/false);
    plane.basis_ = vh.slice(0, 0, 2).transpose(0, 1).contiguous();
    const torch::Tensor variance = s.pow(2);
    const double total = variance.sum().item<double>();
    plane.keptVariance_ = total > 0 ? variance.slice(0, 0, 2).sum().item<double>() / total : 1.0;
    return plane;
}

torch::Tensor LatentProjection::project(const torch::Tensor& codes) const {
    TORCH_CHECK(codes.dim() == 2 && codes.size(1) == codeSize_,
                "LatentProjection::project: expected [M, ", codeSize_, "] codes, got ",
                codes.sizes());
    const Fp32Scope fp32;
    const torch::Tensor values = codes.detach().to(torch::kCPU, torch::kFloat32);
    if (codeSize_ == 2) return values.contiguous();
    if (codeSize_ == 1) return torch::cat({values, torch::zeros_like(values)}, 1);
    return (values - mean_).matmul(basis_).contiguous();
}

torch::Tensor LatentProjection::lift(const torch::Tensor& points) const {
    TORCH_CHECK(points.dim() == 2 && points.size(1) == 2,
                "LatentProjection::lift: expected [M, 2] points, got ", points.sizes());
    const Fp32Scope fp32;
    const torch::Tensor values = points.detach().to(torch::kCPU, torch::kFloat32);
    if (codeSize_ == 2) return values.contiguous();
    if (codeSize_ == 1) return values.slice(1, 0, 1).contiguous();
    return (values.matmul(basis_.transpose(0, 1)) + mean_).contiguous();
}

std::string LatentProjection::describe() const {
    if (codeSize_ <= 2) return "the " + std::to_string(codeSize_) + "-d codes themselves";
    return "PCA of the " + std::to_string(codeSize_) +
           "-d codes: " + std::to_string(static_cast<int>(std::lround(100.0 * keptVariance_))) +
           "% of the variance";
}

}  // namespace learn2add::infer
