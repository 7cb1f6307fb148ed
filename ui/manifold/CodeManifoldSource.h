#pragma once
// What a code manifold panel (manifold/CodeManifoldPanel.h) asks its model's inference for: the
// manifold of the model's E and D over a plane of its codes, and single points of that plane
// decoded. The Addition page's inference (an addition model's autoencoder) and the Autoencoder
// page's (a Part II autoencoder) are both sources; each answers on the app's one inference thread
// with the one computation (manifold/CodeManifoldState.h) and emits the results on the GUI thread.
//
//   class MyInference : public CodeManifoldSource { ... };
//   connect(source, &CodeManifoldSource::manifoldReady, panel, ...);
//
// Threads: GUI thread only.

#include <QObject>

#include "manifold/CodeManifoldTypes.h"

namespace learn2add::ui {

class CodeManifoldSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual bool hasModel() const = 0;
    // The manifold of the model (a study, latest wins); its plane is fitted on request.validation
    // once per model. Returns the request's sequence, carried by manifoldReady().
    virtual quint64 requestManifold(ManifoldRequest request) = 0;
    // One point of the latest manifold's plane decoded and judged (interactive). Hovered points
    // replace each other; a chosen (clicked) one waits under its own name, so hovering on does not
    // drop it.
    virtual quint64 requestPlanePoint(QPointF point, bool chosen = false) = 0;

Q_SIGNALS:
    void manifoldReady(learn2add::ui::ManifoldPicture picture);
    void planePointReady(learn2add::ui::PlanePoint point);
};

}  // namespace learn2add::ui
