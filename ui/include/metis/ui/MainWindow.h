#pragma once

#include <QMainWindow>
#include <memory>

namespace metis::viewer {
class OffscreenSceneRenderer;
}
namespace metis::viewer_widgets {
class SceneView3D;
}

namespace metis::ui {

/// The workstation's main window.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    viewer_widgets::SceneView3D* sceneView() const { return sceneView_; }

private:
    std::unique_ptr<viewer::OffscreenSceneRenderer> sceneRenderer_;
    viewer_widgets::SceneView3D* sceneView_ = nullptr;
};

} // namespace metis::ui
