<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Exit as soon as the window is on screen with the first page of patients listed (start-up timing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metis brain metastasis workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as this user without asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the main window as PNG once it is idle, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the patient database:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active user named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>metis::ui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient, series or structure set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action (prefix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries, no tampering found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>metis::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: patient id, diagnosis date, EGFR status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current series...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder, files or a clinical CSV first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled. Series imported before the cancel are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERROR: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 series (%2 images), %3 structure sets and %4 clinical rows imported; %5 already present; %6 problem(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERROR  %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note   %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>metis::ui::LoginDialog</name>
    <message>
        <source>Metis - sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research use only. Not for clinical decisions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>metis::ui::MainWindow</name>
    <message>
        <source>&amp;Models...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve contour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the open series' manual GTV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock contour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the open series' manual GTV against any change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1: manual GTV %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metis %1 - brain metastasis workstation (research use only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import studies...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retrain model...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physicists retrain MTSA-Net on the local cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit log...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time Metis starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientBrowser</name>
    <message>
        <source>Manual GTV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search patient ID or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any EGFR status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mutant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wild-type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientListModel</name>
    <message>
        <source>Mutant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wild-type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EGFR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual GTV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::SliceView</name>
    <message>
        <source>No image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>metis::ui::ContourReview</name>
    <message>
        <source>The series has no manual GTV to review.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>metis::ui::ModelsDialog</name>
    <message>
        <source>&amp;Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register package...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metis - models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only physicists and administrators register models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only physicists and administrators activate models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot register %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered model %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registered model with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot activate model %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 is now the active model.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
