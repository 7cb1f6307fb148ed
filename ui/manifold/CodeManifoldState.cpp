// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "manifold/CodeManifoldState.h"

#include <torch/torch.h>

#include "report/GreyImages.h"

namespace learn2add::ui {

ManifoldPicture CodeManifoldState::draw(models::Autoencoder& model, const ManifoldRequest& request) {
    if (!plane_ || planeImages_ != request.validation) {
        plane_ = infer::fitCodePlane(model, *request.validation);
        planeImages_ = request.validation;
    }
    const infer::PlaneRange range = infer::manifoldRange(*plane_, request.range);
    const infer::CodeManifold manifold =
        infer::decodeManifold(model, plane_->projection, range, request.steps);
    ManifoldPicture picture;
    picture.sequence = request.sequence;
    picture.chart = manifoldChart(*plane_, manifold);
    picture.variational = plane_->variational;
    picture.codeSize = static_cast<int>(plane_->projection.codeSize());
    return picture;
}

PlanePoint CodeManifoldState::decode(models::Autoencoder& model, quint64 sequence, QPointF point,
                                     models::DigitJudge* judge) const {
    PlanePoint result{sequence, point, {}, -1};
    if (!plane_) return result;
    const infer::PlanePointImage decoded =
        infer::decodePlanePoint(model, plane_->projection, point.x(), point.y(), judge);
    result.image = toQImage(decoded.image);
    result.read = decoded.read;
    return result;
}

void CodeManifoldState::reset() {
    plane_.reset();
    planeImages_.reset();
}

}  // namespace learn2add::ui
