#pragma once

#include <QFileDialog>
#include <QString>
#include <QStringList>

class QWidget;

namespace metis::ui {

/// The workstation's file dialogs. Qt's own dialog opens every file of the folder it lists to
/// guess its type for the icon and the "Type" column; on Linux closing such a descriptor drops
/// all POSIX locks the process holds on that file, which for the patient database (metis.db,
/// -wal, -shm) lets another process think the database unused. These dialogs type files by name
/// only and never open them.
void configureFileDialog(QFileDialog& dialog);

QString chooseSaveFile(QWidget* parent, const QString& caption, const QString& suggested,
                       const QString& filter);
QString chooseOpenFile(QWidget* parent, const QString& caption, const QString& filter);
QStringList chooseOpenFiles(QWidget* parent, const QString& caption);
QString chooseFolder(QWidget* parent, const QString& caption);

} // namespace metis::ui
