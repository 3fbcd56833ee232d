#include "metis/viewer_widgets/LayerLegend.h"

#include <QAction>
#include <QCheckBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QWidgetAction>
#include <algorithm>

namespace metis::viewer_widgets {
namespace {

const char* const kManual = "Manual GTV";
const char* const kPredicted = "Predicted GTV";
const char* const kPaletteSetting = "viewer/colourBlindSafe";

// The layer's name as the reader reads it; layers the viewer does not know keep their own.
QString displayName(const std::string& name) {
    if (name == kManual) {
        return LayerLegend::tr("Manual GTV");
    }
    if (name == kPredicted) {
        return LayerLegend::tr("Predicted GTV");
    }
    return QString::fromStdString(name);
}

// A short line in the layer's colour and dash, as the views draw it.
QPixmap swatch(const RgbColour& colour, bool dashed) {
    QPixmap pixmap(28, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    QPen pen(QColor(colour[0], colour[1], colour[2]), 2.5);
    if (dashed) {
        pen.setDashPattern({3.0, 2.0});
    }
    painter.setPen(pen);
    painter.drawLine(QPointF(1, 6), QPointF(27, 6));
    return pixmap;
}

} // namespace

RgbColour layerColour(const std::string& layerName, LayerPalette palette, RgbColour fallback) {
    const bool safe = palette == LayerPalette::ColourBlindSafe;
    if (layerName == kManual) {
        return safe ? RgbColour{230, 159, 0} : RgbColour{255, 255, 0};
    }
    if (layerName == kPredicted) {
        return safe ? RgbColour{204, 121, 167} : RgbColour{0, 255, 0};
    }
    return fallback;
}

LayerLegend::LayerLegend(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("LayerLegend"));
    // The legend never widens the window: at 1024 px the views come first, the legend clips.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    // It sits on the viewer's dark frame in every theme: light text, as the views' annotations.
    QPalette onDark = palette();
    for (const auto role : {QPalette::WindowText, QPalette::ButtonText, QPalette::Text}) {
        onDark.setColor(role, QColor(235, 235, 235));
    }
    setPalette(onDark);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 1, 4, 1);
    layout->setSpacing(12);
    entries_ = new QHBoxLayout;
    entries_->setSpacing(12);
    layout->addLayout(entries_);
    layout->addStretch(1);
    coloursButton_ = new QToolButton(this);
    coloursButton_->setText(tr("Colours"));
    coloursButton_->setPopupMode(QToolButton::InstantPopup);
    coloursButton_->setAutoRaise(true);
    auto* menu = new QMenu(coloursButton_);
    paletteAction_ = menu->addAction(tr("Colour-blind safe colours"));
    paletteAction_->setCheckable(true);
    paletteAction_->setToolTip(tr("Orange and purple instead of yellow and green: told apart "
                                  "with red-green colour blindness"));
    menu->setToolTipsVisible(true);
    coloursButton_->setMenu(menu);
    layout->addWidget(coloursButton_);
    if (QSettings().value(kPaletteSetting).toBool()) {
        setLayerPalette(LayerPalette::ColourBlindSafe);
    }
    connect(paletteAction_, &QAction::toggled, this, [this](bool safe) {
        QSettings().setValue(kPaletteSetting, safe);
        setLayerPalette(safe ? LayerPalette::ColourBlindSafe : LayerPalette::Paper);
    });
}

void LayerLegend::setLayerPalette(LayerPalette palette) {
    if (palette == palette_) {
        return;
    }
    palette_ = palette;
    const QSignalBlocker blocker(paletteAction_);
    paletteAction_->setChecked(palette == LayerPalette::ColourBlindSafe);
    apply();
    list(); // the swatches
    Q_EMIT layersChanged();
}

void LayerLegend::setScene(const std::shared_ptr<viewer::ViewerScene>& scene) {
    scene_ = scene;
    apply();
    list();
}

void LayerLegend::sceneChanged() {
    if (scene_) {
        for (const viewer::OverlayLayer& layer : scene_->overlays) {
            display_[layer.name] = {layer.visible, layer.style, layer.opacity};
        }
    }
    apply();
    list();
}

void LayerLegend::list() {
    std::vector<std::string> names;
    if (scene_) {
        for (const viewer::OverlayLayer& layer : scene_->overlays) {
            if (layer.labels) {
                names.push_back(layer.name);
            }
        }
    }
    if (names != listed_) {
        listed_ = std::move(names);
        rebuild();
    }
    // The entries show the layers as they are now.
    for (const std::string& name : listed_) {
        const LayerDisplay& display = display_[name];
        auto* entry = findChild<QWidget*>(QString::fromStdString(name));
        const auto layer = std::find_if(scene_->overlays.begin(), scene_->overlays.end(),
                                        [&](const auto& l) { return l.name == name; });
        const QSignalBlocker blockShown(visibilityBox(name));
        visibilityBox(name)->setChecked(display.visible);
        visibilityBox(name)->setIcon(QIcon(swatch(layer->colour, layer->dashed)));
        const QSignalBlocker blockFill(fillAction(name));
        fillAction(name)->setChecked(display.style == viewer::OverlayStyle::Fill);
        auto* opacity = entry->findChild<QSlider*>(QStringLiteral("opacity"));
        const QSignalBlocker blockOpacity(opacity);
        opacity->setValue(static_cast<int>(display.opacity * 100.0 + 0.5));
    }
}

void LayerLegend::apply() {
    if (!scene_) {
        return;
    }
    for (viewer::OverlayLayer& layer : scene_->overlays) {
        // A layer seen for the first time keeps how it was made to look.
        const auto entry =
            display_
                .try_emplace(layer.name, LayerDisplay{layer.visible, layer.style, layer.opacity})
                .first;
        layer.visible = entry->second.visible;
        layer.style = entry->second.style;
        layer.opacity = entry->second.opacity;
        layer.colour = layerColour(layer.name, palette_, layer.colour);
    }
}

void LayerLegend::rebuild() {
    while (QLayoutItem* item = entries_->takeAt(0)) {
        if (QWidget* widget = item->widget()) {
            widget->hide();
            widget->setParent(nullptr); // out of findChild's reach at once
            widget->deleteLater();
        }
        delete item;
    }
    // The widgets only: list() gives them the layers' state.
    for (const std::string& name : listed_) {
        auto* entry = new QWidget(this);
        entry->setObjectName(QString::fromStdString(name));
        auto* row = new QHBoxLayout(entry);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        auto* shown = new QCheckBox(displayName(name), entry);
        shown->setObjectName(QStringLiteral("visible"));
        shown->setIconSize(QSize(28, 12));
        shown->setToolTip(tr("Show or hide this layer in every view"));
        // Outline or fill and opacity in the entry's menu: the legend stays one short row.
        auto* options = new QToolButton(entry);
        options->setObjectName(QStringLiteral("options"));
        options->setPopupMode(QToolButton::InstantPopup);
        options->setAutoRaise(true);
        options->setToolTip(tr("Outline or fill, opacity"));
        auto* menu = new QMenu(options);
        QAction* fill = menu->addAction(tr("Fill"));
        fill->setObjectName(QStringLiteral("fill"));
        fill->setCheckable(true);
        fill->setToolTip(tr("Fill the layer's voxels instead of outlining them"));
        auto* opacityRow = new QWidget(menu);
        auto* opacityLayout = new QHBoxLayout(opacityRow);
        opacityLayout->setContentsMargins(8, 2, 8, 2);
        opacityLayout->addWidget(new QLabel(tr("Opacity"), opacityRow));
        auto* opacity = new QSlider(Qt::Horizontal, opacityRow);
        opacity->setObjectName(QStringLiteral("opacity"));
        opacity->setRange(10, 100);
        opacity->setMinimumWidth(100);
        opacityLayout->addWidget(opacity);
        auto* opacityAction = new QWidgetAction(menu);
        opacityAction->setDefaultWidget(opacityRow);
        menu->addAction(opacityAction);
        options->setMenu(menu);
        row->addWidget(shown);
        row->addWidget(options);
        entries_->addWidget(entry);
        const auto changed = [this, name](auto&& update) {
            update(display_[name]);
            apply();
            Q_EMIT layersChanged();
        };
        connect(shown, &QCheckBox::toggled, this,
                [changed](bool on) { changed([on](LayerDisplay& d) { d.visible = on; }); });
        connect(fill, &QAction::toggled, this, [changed](bool on) {
            changed([on](LayerDisplay& d) {
                d.style = on ? viewer::OverlayStyle::Fill : viewer::OverlayStyle::Outline;
            });
        });
        connect(opacity, &QSlider::valueChanged, this, [changed](int value) {
            changed([value](LayerDisplay& d) { d.opacity = value / 100.0; });
        });
    }
    fitNames();
}

void LayerLegend::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitNames();
}

void LayerLegend::fitNames() {
    const QMargins margins = layout()->contentsMargins();
    int needed = margins.left() + margins.right() + coloursButton_->sizeHint().width();
    for (const std::string& name : listed_) {
        if (QCheckBox* box = visibilityBox(name)) {
            const QFontMetrics metrics(box->font());
            needed +=
                12 + box->iconSize().width() + 40 + metrics.horizontalAdvance(displayName(name));
        }
    }
    const bool named = width() >= needed;
    for (const std::string& name : listed_) {
        if (QCheckBox* box = visibilityBox(name)) {
            box->setText(named ? displayName(name) : QString());
            box->setToolTip(named ? tr("Show or hide this layer in every view")
                                  : displayName(name) + QStringLiteral(": ") +
                                        tr("Show or hide this layer in every view"));
        }
    }
}

QCheckBox* LayerLegend::visibilityBox(const std::string& layerName) const {
    const auto* entry = findChild<QWidget*>(QString::fromStdString(layerName));
    return entry ? entry->findChild<QCheckBox*>(QStringLiteral("visible")) : nullptr;
}

QAction* LayerLegend::fillAction(const std::string& layerName) const {
    const auto* entry = findChild<QWidget*>(QString::fromStdString(layerName));
    return entry ? entry->findChild<QAction*>(QStringLiteral("fill")) : nullptr;
}

} // namespace metis::viewer_widgets
