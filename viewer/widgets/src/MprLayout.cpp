#include "metis/viewer_widgets/MprLayout.h"

#include "metis/viewer/OffscreenSceneRenderer.h"
#include "metis/viewer_widgets/LayerLegend.h"
#include "metis/viewer_widgets/SceneView3D.h"
#include "metis/viewer_widgets/SliceView.h"

#include <QEvent>
#include <QGridLayout>
#include <QVBoxLayout>
#include <algorithm>
#include <vector>

namespace metis::viewer_widgets {

MprLayout::MprLayout(QWidget* parent)
    : QWidget(parent), renderer_(std::make_unique<viewer::OffscreenSceneRenderer>()) {
    renderer_->setBackground({0.05, 0.05, 0.08});
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    legend_ = new LayerLegend(this);
    outer->addWidget(legend_);
    grid_ = new QGridLayout;
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setSpacing(2);
    outer->addLayout(grid_, 1);
    connect(legend_, &LayerLegend::layersChanged, this, &MprLayout::redraw);
    // Dark gaps between the views; a palette, not a style sheet, so children keep their looks.
    QPalette dark = palette();
    dark.setColor(QPalette::Window, QColor(32, 32, 32));
    setPalette(dark);
    setAutoFillBackground(true);
    const std::array<viewer::ViewOrientation, 3> orientations{viewer::ViewOrientation::Axial,
                                                              viewer::ViewOrientation::Coronal,
                                                              viewer::ViewOrientation::Sagittal};
    for (std::size_t n = 0; n < orientations.size(); ++n) {
        auto* view = new SliceView(orientations[n], this);
        sliceViews_[n] = view;
        connect(view, &SliceView::cursorMoved, this, &MprLayout::setCursorMm);
        connect(view, &SliceView::windowLevelChanged, this,
                [this](const viewer::WindowLevel& windowLevel) {
                    for (SliceView* other : sliceViews_) {
                        other->setWindowLevel(windowLevel);
                    }
                });
        connect(view, &SliceView::maximiseRequested, this, [this, view] { toggleMaximised(view); });
        view->installEventFilter(this);
    }
    sliceViews_[0]->setActiveView(true);
    sceneView_ = new SceneView3D(*renderer_, this);
    sceneView_->setMinimumSize(120, 120);
    sceneView_->installEventFilter(this);
    relayout();
}

MprLayout::~MprLayout() = default;

void MprLayout::setScene(std::shared_ptr<viewer::ViewerScene> scene) {
    scene_ = std::move(scene);
    legend_->setScene(scene_);
    for (SliceView* view : sliceViews_) {
        view->setScene(scene_);
    }
    rebuildSurfaces();
}

void MprLayout::sceneChanged() {
    legend_->sceneChanged();
    redraw();
}

void MprLayout::redraw() {
    for (SliceView* view : sliceViews_) {
        view->sceneChanged();
    }
    rebuildSurfaces();
}

void MprLayout::labelsEdited(const LabelMap& labels, const viewer::LabelBounds& changed) {
    for (SliceView* view : sliceViews_) {
        view->labelsEdited(labels, changed);
    }
}

void MprLayout::rebuildSurfaces() {
    renderer_->clear();
    if (scene_) {
        std::vector<const viewer::OverlayLayer*> shown;
        for (const viewer::OverlayLayer& layer : scene_->overlays) {
            if (layer.visible && layer.labels) {
                shown.push_back(&layer);
            }
        }
        // Overlapping layers (manual and predicted GTV of one lesion) must both stay visible.
        const double maxOpacity = shown.size() > 1 ? 0.55 : 1.0;
        for (const viewer::OverlayLayer* layer : shown) {
            renderer_->addLabelSurfaces(
                *layer->labels,
                {layer->colour[0] / 255.0, layer->colour[1] / 255.0, layer->colour[2] / 255.0},
                std::min(layer->opacity, maxOpacity));
        }
    }
    if (scene_ && scene_->headOutline) {
        // The head, faint, so the lesions are seen where they are. Added last: translucent
        // surfaces are drawn in order, and one drawn before the lesions would hide them.
        renderer_->addLabelSurfaces(*scene_->headOutline, {0.8, 0.75, 0.7}, 0.12);
    }
    if (sceneView_->isVisible()) {
        sceneView_->renderScene();
    }
}

void MprLayout::setLayoutMode(MprLayoutMode mode) {
    mode_ = mode;
    maximised_ = nullptr;
    if (mode == MprLayoutMode::Single) {
        setActiveOrientation(viewer::ViewOrientation::Axial); // the one view shown
    }
    relayout();
}

void MprLayout::toggleMaximised(QWidget* view) {
    maximised_ = maximised_ == view ? nullptr : view;
    for (SliceView* slice : sliceViews_) {
        if (slice == maximised_) {
            setActiveOrientation(slice->state().orientation);
        }
    }
    relayout();
}

SliceView* MprLayout::sliceView(viewer::ViewOrientation orientation) const {
    return sliceViews_[static_cast<std::size_t>(orientation)];
}

void MprLayout::relayout() {
    std::array<QWidget*, 4> views{sliceViews_[0], sliceViews_[1], sliceViews_[2], sceneView_};
    for (QWidget* view : views) {
        grid_->removeWidget(view);
        view->hide();
    }
    for (int n = 0; n < 2; ++n) {
        grid_->setRowStretch(n, 0);
        grid_->setColumnStretch(n, 0);
    }
    grid_->setColumnStretch(2, 0);
    auto place = [this](QWidget* view, int row, int column) {
        grid_->addWidget(view, row, column);
        grid_->setRowStretch(row, 1);
        grid_->setColumnStretch(column, 1);
        view->show();
    };
    if (maximised_) {
        place(maximised_, 0, 0);
        return;
    }
    switch (mode_) {
    case MprLayoutMode::Single:
        place(sliceViews_[0], 0, 0);
        break;
    case MprLayoutMode::OneByThree:
        for (int n = 0; n < 3; ++n) {
            place(sliceViews_[static_cast<std::size_t>(n)], 0, n);
        }
        break;
    case MprLayoutMode::TwoByTwo:
        place(sliceViews_[0], 0, 0);
        place(sliceViews_[1], 0, 1);
        place(sliceViews_[2], 1, 0);
        place(sceneView_, 1, 1);
        break;
    }
}

void MprLayout::setCursorMm(const Vec3& cursorMm) {
    for (SliceView* view : sliceViews_) {
        view->setCursorMm(cursorMm);
    }
    Q_EMIT cursorMoved(cursorMm);
}

void MprLayout::centreOn(const Vec3& pointMm) {
    for (SliceView* view : sliceViews_) {
        view->centreOn(pointMm);
    }
    Q_EMIT cursorMoved(pointMm);
}

bool MprLayout::exportPng(const QString& path) {
    return grab().save(path, "PNG");
}

void MprLayout::setActiveOrientation(viewer::ViewOrientation orientation) {
    if (orientation == active_) {
        return;
    }
    active_ = orientation;
    for (SliceView* view : sliceViews_) {
        view->setActiveView(view->state().orientation == orientation);
    }
    Q_EMIT activeOrientationChanged(orientation);
}

bool MprLayout::eventFilter(QObject* watched, QEvent* event) {
    if (watched == sceneView_ && event->type() == QEvent::MouseButtonDblClick) {
        toggleMaximised(sceneView_);
        return true;
    }
    const auto type = event->type();
    if (type == QEvent::MouseButtonPress || type == QEvent::Wheel || type == QEvent::FocusIn) {
        for (SliceView* view : sliceViews_) {
            if (watched == view) {
                setActiveOrientation(view->state().orientation);
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace metis::viewer_widgets
