#include "metis/ui/MainWindow.h"

#include "metis/core/Version.h"
#include "metis/viewer/OffscreenSceneRenderer.h"
#include "metis/viewer_widgets/SceneView3D.h"

#include <QLabel>
#include <QStatusBar>

namespace metis::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), sceneRenderer_(std::make_unique<viewer::OffscreenSceneRenderer>()) {
    setWindowTitle(tr("Metis %1 - brain metastasis workstation (research use only)")
                       .arg(QString::fromStdString(metisVersion())));
    sceneRenderer_->setBackground({0.08, 0.09, 0.11});
    sceneRenderer_->addSphere({0, 0, 0}, 10.0, {0.85, 0.75, 0.20});
    sceneView_ = new viewer_widgets::SceneView3D(*sceneRenderer_, this);
    setCentralWidget(sceneView_);
    statusBar()->addWidget(new QLabel(tr("Ready"), this));
    resize(1200, 800);
}

MainWindow::~MainWindow() = default;

} // namespace metis::ui
