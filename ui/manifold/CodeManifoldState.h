#pragma once
// The code manifold's computation for one model, kept on the inference thread by a manifold source
// (manifold/CodeManifoldSource.h): the plane fitted on the first request's images (again when the
// images change, or after reset() for a new model), the tiles decoded per request, single points
// decoded on the plane. Includes LibTorch: only .cpp files compiled with QT_NO_KEYWORDS include it.
//
//   CodeManifoldState state;                      // in the source's models, on the worker
//   ManifoldPicture picture = state.draw(model->autoencoder(), request);
//   PlanePoint point = state.decode(model->autoencoder(), sequence, QPointF(0.5, 1.0), judge);
//   state.reset();                                // the model was replaced

#include <memory>
#include <optional>

#include "infer/CodeManifold.h"
#include "manifold/CodeManifoldTypes.h"
#include "models/Autoencoder.h"
#include "models/DigitJudge.h"

namespace learn2add::ui {

class CodeManifoldState {
public:
    ManifoldPicture draw(models::Autoencoder& model, const ManifoldRequest& request);
    // A null image when no plane was fitted for the model yet.
    PlanePoint decode(models::Autoencoder& model, quint64 sequence, QPointF point,
                      models::DigitJudge* judge) const;
    void reset();

private:
    std::optional<infer::CodePlane> plane_;
    std::shared_ptr<const data::DigitSet> planeImages_;  // what the plane was fitted on (compared)
};

}  // namespace learn2add::ui
