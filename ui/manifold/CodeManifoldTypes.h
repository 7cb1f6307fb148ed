#pragma once
// The plain values of the code manifold views (infer/CodeManifold.h) exchanged with the inference
// thread: a request for the manifold of a model's E and D, its picture, and one decoded point of
// its plane. The plane is fitted on the request's images once per model; the tiles are decoded for
// each request. No tensors.

#include <QImage>
#include <QMetaType>
#include <QPointF>
#include <memory>

#include "data/DigitSet.h"
#include "infer/PlaneRange.h"
#include "report/ManifoldChart.h"

namespace learn2add::ui {

struct ManifoldRequest {
    quint64 sequence = 0;
    std::shared_ptr<const data::DigitSet> validation;  // the images whose codes fit the plane
    int steps = 15;
    infer::ManifoldRange range = infer::ManifoldRange::Codes;
};

struct ManifoldPicture {
    quint64 sequence = 0;
    ManifoldChart chart;       // tiles, codes, axis names and what the plane is
    bool variational = false;  // the prior's range can be asked for
    int codeSize = 0;
};

// One point of the plane decoded (hover or click), with the judge's reading.
struct PlanePoint {
    quint64 sequence = 0;
    QPointF point;
    QImage image;   // the model's size; null when the model has no plane yet
    int read = -1;  // -1 without judge
};

}  // namespace learn2add::ui

Q_DECLARE_METATYPE(learn2add::ui::ManifoldPicture)
Q_DECLARE_METATYPE(learn2add::ui::PlanePoint)
