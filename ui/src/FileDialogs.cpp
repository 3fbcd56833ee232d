#include "metis/ui/FileDialogs.h"

#include <QAbstractFileIconProvider>
#include <QApplication>
#include <QStyle>

namespace metis::ui {
namespace {

// Icons and type names from the file's name and kind (a stat), never from its content.
class NameOnlyIconProvider : public QAbstractFileIconProvider {
public:
    QIcon icon(IconType type) const override {
        return QApplication::style()->standardIcon(type == Folder ? QStyle::SP_DirIcon
                                                                  : QStyle::SP_FileIcon);
    }
    QIcon icon(const QFileInfo& info) const override { return icon(info.isDir() ? Folder : File); }
    QString type(const QFileInfo& info) const override {
        if (info.isDir()) {
            return QFileDialog::tr("Folder");
        }
        const QString suffix = info.suffix();
        return suffix.isEmpty() ? QFileDialog::tr("File")
                                : QFileDialog::tr("%1 file").arg(suffix.toUpper());
    }
};

QString firstSelection(QFileDialog& dialog) {
    return dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty()
               ? dialog.selectedFiles().constFirst()
               : QString();
}

} // namespace

void configureFileDialog(QFileDialog& dialog) {
    static NameOnlyIconProvider provider; // outlives every dialog
    // A platform (native) dialog would bring its own file model: keep Qt's, with this provider.
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setOption(QFileDialog::DontUseCustomDirectoryIcons);
    dialog.setIconProvider(&provider);
}

QString chooseSaveFile(QWidget* parent, const QString& caption, const QString& suggested,
                       const QString& filter) {
    QFileDialog dialog(parent, caption, suggested, filter);
    configureFileDialog(dialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    return firstSelection(dialog);
}

QString chooseOpenFile(QWidget* parent, const QString& caption, const QString& filter) {
    QFileDialog dialog(parent, caption, QString(), filter);
    configureFileDialog(dialog);
    dialog.setFileMode(QFileDialog::ExistingFile);
    return firstSelection(dialog);
}

QStringList chooseOpenFiles(QWidget* parent, const QString& caption) {
    QFileDialog dialog(parent, caption);
    configureFileDialog(dialog);
    dialog.setFileMode(QFileDialog::ExistingFiles);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles() : QStringList();
}

QString chooseFolder(QWidget* parent, const QString& caption) {
    QFileDialog dialog(parent, caption);
    configureFileDialog(dialog);
    dialog.setFileMode(QFileDialog::Directory);
    dialog.setOption(QFileDialog::ShowDirsOnly);
    return firstSelection(dialog);
}

} // namespace metis::ui
