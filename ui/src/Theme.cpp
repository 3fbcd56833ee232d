#include "metis/ui/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace metis::ui {

void applyReadingRoomTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QColor window(0x1e, 0x20, 0x24);
    const QColor base(0x16, 0x18, 0x1b);
    const QColor alternate(0x1c, 0x1f, 0x23);
    const QColor text(0xd6, 0xd8, 0xdb);
    const QColor dimText(0x7d, 0x82, 0x89);
    const QColor accent(0x4f, 0x8a, 0xc9);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, alternate);
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x2a, 0x2d, 0x32));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Highlight, accent);
    palette.setColor(QPalette::HighlightedText, QColor(0xf2, 0xf3, 0xf4));
    palette.setColor(QPalette::Link, accent);
    palette.setColor(QPalette::PlaceholderText, dimText);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        palette.setColor(QPalette::Disabled, role, dimText);
    }
    app.setPalette(palette);
}

} // namespace metis::ui
