#pragma once

class QApplication;

namespace metis::ui {

/// A calm dark theme for reading rooms: low-luminance greys, one muted accent, no pure white.
void applyReadingRoomTheme(QApplication& app);

} // namespace metis::ui
