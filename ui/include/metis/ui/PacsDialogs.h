#pragma once
// The workstation's DICOM networking: the nodes it talks to, querying and retrieving from the
// PACS, and sending a structure set version back. The work is done by metis_workflow, as for
// metis-cli pacs; these dialogs only ask and show.

#include "metis/database/PatientDatabase.h"

#include <QDialog>
#include <QStringList>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace metis::ui {

class Job;

/// Tools > DICOM nodes: the PACS and other nodes, and this workstation's AE title, port and
/// concurrent associations. Admins change them (audited); everyone may test a node (C-ECHO).
class DicomNodesDialog : public QDialog {
    Q_OBJECT
public:
    DicomNodesDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                     QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    QPushButton* saveButton() const { return saveButton_; }
    QPushButton* testButton() const { return testButton_; }
    QString message() const;

    /// Adds the node or changes the one of that name; returns the problem in words, empty on
    /// success (also shown in the dialog).
    QString saveNode(const QString& name, const QString& aeTitle, const QString& host, int port);
    QString removeNode(const QString& name);
    QString saveLocal(const QString& aeTitle, int port, int maxAssociations);
    /// C-ECHO in the background; tested() follows.
    void testNode(const QString& name);
    void reload();

Q_SIGNALS:
    void configurationChanged();
    void tested(const QString& name, bool answered, const QString& message);

private:
    void showSelected();
    void report(const QString& text, bool isError);

    std::shared_ptr<db::PatientDatabase> database_;
    db::User user_;
    QLineEdit* localAe_;
    QSpinBox* localPort_;
    QSpinBox* localAssociations_;
    QPushButton* applyLocalButton_;
    QTableWidget* table_;
    QLineEdit* name_;
    QLineEdit* aeTitle_;
    QLineEdit* host_;
    QSpinBox* port_;
    QPushButton* saveButton_;
    QPushButton* removeButton_;
    QPushButton* testButton_;
    QLabel* message_;
    Job* echoJob_ = nullptr;
};

/// File > Query PACS: C-FIND for studies by patient, name, dates and modality, the series of the
/// chosen study, and their retrieval (C-MOVE to this workstation) into the database, in the
/// background with progress and cancel.
class PacsQueryDialog : public QDialog {
    Q_OBJECT
public:
    PacsQueryDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                    QWidget* parent = nullptr);

    QLineEdit* patientIdField() const { return patientId_; }
    QTableWidget* studies() const { return studies_; }
    QTableWidget* series() const { return series_; }
    QPushButton* retrieveButton() const { return retrieveButton_; }
    QString status() const;
    bool isBusy() const;

    /// Runs the study query in the background; studiesFound() follows.
    void search();
    /// Lists the series of the study in row `row` in the background; seriesFound() follows.
    void showSeriesOfStudy(int row);
    /// Retrieves the ticked series of the chosen study; retrieved() follows.
    void retrieve();

Q_SIGNALS:
    void studiesFound(int count);
    void seriesFound(int count);
    /// Before a retrieval: the local port must be free for it (the workstation's own listener
    /// stops until retrievalEnded).
    void retrievalStarting();
    void retrievalEnded();
    void retrieved(int seriesImported, int problems);
    void failed(const QString& message);

private:
    void runJob(Job* job);
    void setBusy(bool busy);

    std::shared_ptr<db::PatientDatabase> database_;
    db::User user_;
    QComboBox* node_;
    QLineEdit* patientId_;
    QLineEdit* patientName_;
    QLineEdit* dateFrom_;
    QLineEdit* dateTo_;
    QLineEdit* modality_;
    QPushButton* searchButton_;
    QTableWidget* studies_;
    QTableWidget* series_;
    QPushButton* retrieveButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QLabel* status_;
    Job* job_ = nullptr;
    QString shownStudyUid_;
};

/// Sends the open series' saved structure set version to a node as RTSTRUCT, optionally with
/// its images and de-identified, in the background; the result per file is shown.
class SendToPacsDialog : public QDialog {
    Q_OBJECT
public:
    SendToPacsDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                     std::int64_t structureSetId, QWidget* parent = nullptr);

    QComboBox* node() const { return node_; }
    QCheckBox* withImages() const { return withImages_; }
    QCheckBox* deidentify() const { return deidentify_; }
    QString status() const;
    void send();

Q_SIGNALS:
    void sent(int stored, int files);
    void failed(const QString& message);

private:
    std::shared_ptr<db::PatientDatabase> database_;
    db::User user_;
    std::int64_t structureSetId_;
    QComboBox* node_;
    QCheckBox* withImages_;
    QCheckBox* deidentify_;
    QLineEdit* pseudonym_;
    QPushButton* sendButton_;
    QProgressBar* progress_;
    QLabel* status_;
    Job* job_ = nullptr;
};

} // namespace metis::ui
