#pragma once

#include "metis/viewer/SliceRenderer.h"

#include <QWidget>
#include <map>
#include <memory>
#include <string>

class QAction;
class QCheckBox;
class QHBoxLayout;
class QToolButton;

namespace metis::viewer_widgets {

/// How the reader wants a layer drawn; kept by layer name, so that it holds from one patient to
/// the next.
struct LayerDisplay {
    bool visible = true;
    viewer::OverlayStyle style = viewer::OverlayStyle::Outline;
    double opacity = 1.0;
};

/// The colours of the GTV layers: the paper's (manual yellow, predicted green) or a palette that
/// readers with red-green colour blindness tell apart (Okabe-Ito orange and reddish purple; blue is
/// the crosshair's).
enum class LayerPalette { Paper, ColourBlindSafe };

/// The viewer's legend: one entry per overlay layer of the scene with its colour and line (the
/// predicted GTV is dashed, so that it stays apart from a manual outline on the same edge), a
/// show/hide box and a menu for outline or fill and opacity; and a Colours menu with the palette.
/// Changes are written into the scene's layers and announced with layersChanged().
class LayerLegend : public QWidget {
    Q_OBJECT
public:
    explicit LayerLegend(QWidget* parent = nullptr);

    /// A new scene (another patient): the reader's choices so far, by layer name, and the
    /// palette are applied to its layers, which the legend then lists.
    void setScene(const std::shared_ptr<viewer::ViewerScene>& scene);
    /// The scene's layers were changed by the program (added, replaced, shown): the legend takes
    /// their state as it is, gives them the palette's colours and lists them.
    void sceneChanged();

    void setLayerPalette(LayerPalette palette);
    LayerPalette layerPalette() const { return palette_; }
    /// The entry of a layer (by its name in the scene), for tests: its show/hide box.
    QCheckBox* visibilityBox(const std::string& layerName) const;
    /// Its Fill item (outline when unchecked), in the entry's menu.
    QAction* fillAction(const std::string& layerName) const;
    /// The palette item of the Colours menu.
    QAction* paletteAction() const { return paletteAction_; }

Q_SIGNALS:
    void layersChanged();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Layer names beside their swatches when the row has room for them, else in tooltips.
    void fitNames();
    /// One entry's widgets per listed layer.
    void rebuild();
    /// Writes display_ and the palette into the scene's layers.
    void apply();
    /// Lists the scene's layers (rebuilding the entries when they changed) with their state.
    void list();

    std::shared_ptr<viewer::ViewerScene> scene_;
    std::map<std::string, LayerDisplay> display_;
    LayerPalette palette_ = LayerPalette::Paper;
    QHBoxLayout* entries_ = nullptr;
    QAction* paletteAction_ = nullptr;
    std::vector<std::string> listed_; ///< the layer names the entries show, in scene order
    QToolButton* coloursButton_ = nullptr;
};

/// The colour of a GTV layer (by name) in `palette`; other layers keep `fallback`.
RgbColour layerColour(const std::string& layerName, LayerPalette palette, RgbColour fallback);

} // namespace metis::viewer_widgets
