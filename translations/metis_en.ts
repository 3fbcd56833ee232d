<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>PatientReport</name>
    <message>
        <source>Metis brain metastasis report</source>
        <translation>Metis brain metastasis report</translation>
    </message>
    <message>
        <source>Patient and study</source>
        <translation>Patient and study</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Study date</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>AI result</source>
        <translation>AI result</translation>
    </message>
    <message>
        <source>EGFR call</source>
        <translation>EGFR call</translation>
    </message>
    <message>
        <source>EGFR mutation probability</source>
        <translation>EGFR mutation probability</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>Model version</translation>
    </message>
    <message>
        <source>Inference run</source>
        <translation>Inference run</translation>
    </message>
    <message>
        <source>no AI result: the model has not been run on this series</source>
        <translation>no AI result: the model has not been run on this series</translation>
    </message>
    <message>
        <source>Dice, manual vs AI GTV</source>
        <translation>Dice, manual vs AI GTV</translation>
    </message>
    <message>
        <source>HD95, manual vs AI GTV (mm)</source>
        <translation>HD95, manual vs AI GTV (mm)</translation>
    </message>
    <message>
        <source>GTV volumes per lesion</source>
        <translation>GTV volumes per lesion</translation>
    </message>
    <message>
        <source>No GTV lesions.</source>
        <translation>No GTV lesions.</translation>
    </message>
    <message>
        <source>Lesion</source>
        <translation>Lesion</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Manual GTV (ml)</source>
        <translation>Manual GTV (ml)</translation>
    </message>
    <message>
        <source>AI GTV (ml)</source>
        <translation>AI GTV (ml)</translation>
    </message>
    <message>
        <source>Max diameter (mm)</source>
        <translation>Max diameter (mm)</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>Key images</translation>
    </message>
    <message>
        <source>Manual GTV yellow, AI GTV green.</source>
        <translation>Manual GTV yellow, AI GTV green.</translation>
    </message>
    <message>
        <source>Created %1 by %2 with Metis.</source>
        <translation>Created %1 by %2 with Metis.</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>unknown user</translation>
    </message>
    <message>
        <source>SYNTHETIC PHANTOM / research use only, not for clinical decisions.</source>
        <translation>SYNTHETIC PHANTOM / research use only, not for clinical decisions.</translation>
    </message>
    <message>
        <source>EGFR mutant</source>
        <translation>EGFR mutant</translation>
    </message>
    <message>
        <source>EGFR wild type</source>
        <translation>EGFR wild type</translation>
    </message>
    <message>
        <source>undetermined</source>
        <translation>undetermined</translation>
    </message>
    <message>
        <source>cannot write the report %1: %2</source>
        <translation>cannot write the report %1: %2</translation>
    </message>
    <message>
        <source>Metis report %1</source>
        <translation>Metis report %1</translation>
    </message>
    <message>
        <source>AI lesion %1</source>
        <translation>AI lesion %1</translation>
    </message>
    <message>
        <source>Lesion %1</source>
        <translation>Lesion %1</translation>
    </message>
    <message>
        <source>manual GTV only</source>
        <translation>manual GTV only</translation>
    </message>
    <message>
        <source>AI GTV only</source>
        <translation>AI GTV only</translation>
    </message>
    <message>
        <source>%1, axial slice at z = %2 mm</source>
        <translation>%1, axial slice at z = %2 mm</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Exit as soon as the window is on screen with the first page of patients listed (start-up timing).</source>
        <translation>Exit as soon as the window is on screen with the first page of patients listed (start-up timing).</translation>
    </message>
    <message>
        <source>Metis brain metastasis workstation</source>
        <translation>Metis brain metastasis workstation</translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation>Database file.</translation>
    </message>
    <message>
        <source>Sign in as this user without asking.</source>
        <translation>Sign in as this user without asking.</translation>
    </message>
    <message>
        <source>Open this patient.</source>
        <translation>Open this patient.</translation>
    </message>
    <message>
        <source>Save the main window as PNG once it is idle, then exit.</source>
        <translation>Save the main window as PNG once it is idle, then exit.</translation>
    </message>
    <message>
        <source>Metis</source>
        <translation>Metis</translation>
    </message>
    <message>
        <source>Cannot open the patient database:
%1</source>
        <translation>Cannot open the patient database:
%1</translation>
    </message>
    <message>
        <source>No active user named &apos;%1&apos;.</source>
        <translation>No active user named &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Side panel to show with the --open patient: inference (runs the model first when the patient has no AI result), comparison (manual against AI GTV) or browser.</source>
        <translation>Side panel to show with the --open patient: inference (runs the model first when the patient has no AI result), comparison (manual against AI GTV) or browser.</translation>
    </message>
    <message>
        <source>Model package folder for inference (default: the active registered model).</source>
        <translation>Model package folder for inference (default: the active registered model).</translation>
    </message>
    <message>
        <source>Write the PDF report of the --open patient to this file, then exit.</source>
        <translation>Write the PDF report of the --open patient to this file, then exit.</translation>
    </message>
</context>
<context>
    <name>metis::ui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>patient, series or structure set</source>
        <translation>patient, series or structure set</translation>
    </message>
    <message>
        <source>action (prefix)</source>
        <translation>action (prefix)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries, no tampering found.</source>
        <translation>Audit chain verified: %1 entries, no tampering found.</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>WARNING: %1</translation>
    </message>
</context>
<context>
    <name>metis::ui::ComparisonPanel</name>
    <message>
        <source>matched</source>
        <translation>matched</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>false positive</source>
        <translation>false positive</translation>
    </message>
    <message>
        <source>Open a patient with a manual and an AI GTV to compare them.</source>
        <translation>Open a patient with a manual and an AI GTV to compare them.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>HD95 (mm)</source>
        <translation>HD95 (mm)</translation>
    </message>
    <message>
        <source>Manual (ml)</source>
        <translation>Manual (ml)</translation>
    </message>
    <message>
        <source>AI (ml)</source>
        <translation>AI (ml)</translation>
    </message>
    <message>
        <source>AI - manual (ml)</source>
        <translation>AI - manual (ml)</translation>
    </message>
    <message>
        <source>Max diameter (mm)</source>
        <translation>Max diameter (mm)</translation>
    </message>
    <message>
        <source>Click a lesion to centre the viewer on it.</source>
        <translation>Click a lesion to centre the viewer on it.</translation>
    </message>
    <message>
        <source>Lesion diameter</source>
        <translation>Lesion diameter</translation>
    </message>
    <message>
        <source>Detected / lesions</source>
        <translation>Detected / lesions</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <source>Sensitivity by lesion size (manual max diameter)</source>
        <translation>Sensitivity by lesion size (manual max diameter)</translation>
    </message>
    <message>
        <source>This patient has neither a manual nor an AI GTV.</source>
        <translation>This patient has neither a manual nor an AI GTV.</translation>
    </message>
    <message>
        <source>This patient has no manual GTV to compare with.</source>
        <translation>This patient has no manual GTV to compare with.</translation>
    </message>
    <message>
        <source>This patient has no AI result yet: run the model in the inference panel first.</source>
        <translation>This patient has no AI result yet: run the model in the inference panel first.</translation>
    </message>
    <message>
        <source>Comparing the manual and the AI GTV...</source>
        <translation>Comparing the manual and the AI GTV...</translation>
    </message>
    <message>
        <source>Manual versus AI GTV</source>
        <translation>Manual versus AI GTV</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>The comparison failed: %1</translation>
    </message>
    <message>
        <source>The comparison was cancelled.</source>
        <translation>The comparison was cancelled.</translation>
    </message>
    <message>
        <source>Manual GTV (yellow) against the AI GTV (green).</source>
        <translation>Manual GTV (yellow) against the AI GTV (green).</translation>
    </message>
    <message>
        <source>Patient: Dice %1, HD95 %2 mm, precision %3, recall %4
Volume: manual %5 ml, AI %6 ml
Lesions: %7 matched, %8 missed, %9 false positive</source>
        <translation>Patient: Dice %1, HD95 %2 mm, precision %3, recall %4
Volume: manual %5 ml, AI %6 ml
Lesions: %7 matched, %8 missed, %9 false positive</translation>
    </message>
    <message>
        <source>Lesion %1</source>
        <translation>Lesion %1</translation>
    </message>
    <message>
        <source>AI lesion %1</source>
        <translation>AI lesion %1</translation>
    </message>
    <message>
        <source>&lt; 5 mm</source>
        <translation>&lt; 5 mm</translation>
    </message>
    <message>
        <source>5-10 mm</source>
        <translation>5-10 mm</translation>
    </message>
    <message>
        <source>&gt; 10 mm</source>
        <translation>&gt; 10 mm</translation>
    </message>
</context>
<context>
    <name>metis::ui::ContourReview</name>
    <message>
        <source>The series has no manual GTV to review.</source>
        <translation>The series has no manual GTV to review.</translation>
    </message>
</context>
<context>
    <name>metis::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>Import studies</source>
        <translation>Import studies</translation>
    </message>
    <message>
        <source>Add folder...</source>
        <translation>Add folder...</translation>
    </message>
    <message>
        <source>Add files...</source>
        <translation>Add files...</translation>
    </message>
    <message>
        <source>Clinical CSV...</source>
        <translation>Clinical CSV...</translation>
    </message>
    <message>
        <source>optional: patient id, diagnosis date, EGFR status</source>
        <translation>optional: patient id, diagnosis date, EGFR status</translation>
    </message>
    <message>
        <source>DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:</source>
        <translation>DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:</translation>
    </message>
    <message>
        <source>Cancelling after the current series...</source>
        <translation>Cancelling after the current series...</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>Add a folder</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Add files</translation>
    </message>
    <message>
        <source>Clinical CSV</source>
        <translation>Clinical CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Add a folder, files or a clinical CSV first.</source>
        <translation>Add a folder, files or a clinical CSV first.</translation>
    </message>
    <message>
        <source>Import cancelled. Series imported before the cancel are kept.</source>
        <translation>Import cancelled. Series imported before the cancel are kept.</translation>
    </message>
    <message>
        <source>Import stopped: %1</source>
        <translation>Import stopped: %1</translation>
    </message>
    <message>
        <source>ERROR: %1</source>
        <translation>ERROR: %1</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importing...</translation>
    </message>
    <message>
        <source>%1 series (%2 images), %3 structure sets and %4 clinical rows imported; %5 already present; %6 problem(s).</source>
        <translation>%1 series (%2 images), %3 structure sets and %4 clinical rows imported; %5 already present; %6 problem(s).</translation>
    </message>
    <message>
        <source>ERROR  %1: %2</source>
        <translation>ERROR  %1: %2</translation>
    </message>
    <message>
        <source>note   %1: %2</source>
        <translation>note   %1: %2</translation>
    </message>
</context>
<context>
    <name>metis::ui::InferencePanel</name>
    <message>
        <source>Research use only: untrained model with random weights; these figures mean nothing.</source>
        <translation>Research use only: untrained model with random weights; these figures mean nothing.</translation>
    </message>
    <message>
        <source>Research use only: phantom-trained model, not validated on patients. Not for clinical decisions.</source>
        <translation>Research use only: phantom-trained model, not validated on patients. Not for clinical decisions.</translation>
    </message>
    <message>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>Research use only. Not for clinical decisions.</translation>
    </message>
    <message>
        <source>&amp;Run MTSA-Net</source>
        <translation>&amp;Run MTSA-Net</translation>
    </message>
    <message>
        <source>Segment the metastases and predict the EGFR status of the open series; the result is stored in the database</source>
        <translation>Segment the metastases and predict the EGFR status of the open series; the result is stored in the database</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Per slice</source>
        <translation>Per slice</translation>
    </message>
    <message>
        <source>In the call (top 50 % by GTV area)</source>
        <translation>In the call (top 50 % by GTV area)</translation>
    </message>
    <message>
        <source>Model slice (inferior to superior)</source>
        <translation>Model slice (inferior to superior)</translation>
    </message>
    <message>
        <source>Mutant probability</source>
        <translation>Mutant probability</translation>
    </message>
    <message>
        <source>Lesion</source>
        <translation>Lesion</translation>
    </message>
    <message>
        <source>Volume
(ml)</source>
        <translation>Volume
(ml)</translation>
    </message>
    <message>
        <source>Max diameter
(mm)</source>
        <translation>Max diameter
(mm)</translation>
    </message>
    <message>
        <source>Mean GTV
probability</source>
        <translation>Mean GTV
probability</translation>
    </message>
    <message>
        <source>Click a lesion to centre the viewer on it</source>
        <translation>Click a lesion to centre the viewer on it</translation>
    </message>
    <message>
        <source>No model: activate a registered model or set a model package.</source>
        <translation>No model: activate a registered model or set a model package.</translation>
    </message>
    <message>
        <source>Model %1
%2</source>
        <translation>Model %1
%2</translation>
    </message>
    <message>
        <source>Your role may not run the model</source>
        <translation>Your role may not run the model</translation>
    </message>
    <message>
        <source>Stored result of %1 UTC, model %2.</source>
        <translation>Stored result of %1 UTC, model %2.</translation>
    </message>
    <message>
        <source>No AI result for this series yet.</source>
        <translation>No AI result for this series yet.</translation>
    </message>
    <message>
        <source>No patient open.</source>
        <translation>No patient open.</translation>
    </message>
    <message>
        <source>No model package is configured.</source>
        <translation>No model package is configured.</translation>
    </message>
    <message>
        <source>Running %1...</source>
        <translation>Running %1...</translation>
    </message>
    <message>
        <source>MTSA-Net on %1</source>
        <translation>MTSA-Net on %1</translation>
    </message>
    <message>
        <source>Result stored: model %1, %2 lesions.</source>
        <translation>Result stored: model %1, %2 lesions.</translation>
    </message>
    <message>
        <source>Inference failed, nothing was stored:
%1</source>
        <translation>Inference failed, nothing was stored:
%1</translation>
    </message>
    <message>
        <source>Inference cancelled, nothing was stored.</source>
        <translation>Inference cancelled, nothing was stored.</translation>
    </message>
    <message>
        <source>EGFR mutant</source>
        <translation>EGFR mutant</translation>
    </message>
    <message>
        <source>EGFR wild type</source>
        <translation>EGFR wild type</translation>
    </message>
    <message>
        <source>%1 (mutation probability %2)</source>
        <translation>%1 (mutation probability %2)</translation>
    </message>
    <message>
        <source>No EGFR prediction: the model has no EGFR head.</source>
        <translation>No EGFR prediction: the model has no EGFR head.</translation>
    </message>
    <message>
        <source>No metastasis was segmented: the call averages every slice.</source>
        <translation>No metastasis was segmented: the call averages every slice.</translation>
    </message>
</context>
<context>
    <name>metis::ui::LoginDialog</name>
    <message>
        <source>Metis - sign in</source>
        <translation>Metis - sign in</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>Research use only. Not for clinical decisions.</translation>
    </message>
</context>
<context>
    <name>metis::ui::MainWindow</name>
    <message>
        <source>&amp;Models...</source>
        <translation>&amp;Models...</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>&amp;Approve contour</source>
        <translation>&amp;Approve contour</translation>
    </message>
    <message>
        <source>Approve the open series&apos; manual GTV</source>
        <translation>Approve the open series&apos; manual GTV</translation>
    </message>
    <message>
        <source>&amp;Lock contour</source>
        <translation>&amp;Lock contour</translation>
    </message>
    <message>
        <source>Lock the open series&apos; manual GTV against any change</source>
        <translation>Lock the open series&apos; manual GTV against any change</translation>
    </message>
    <message>
        <source>No patient is open.</source>
        <translation>No patient is open.</translation>
    </message>
    <message>
        <source>Patient %1: manual GTV %2</source>
        <translation>Patient %1: manual GTV %2</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>Review refused: %1</source>
        <translation>Review refused: %1</translation>
    </message>
    <message>
        <source>Metis %1 - brain metastasis workstation (research use only)</source>
        <translation>Metis %1 - brain metastasis workstation (research use only)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Signed in: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Import studies...</source>
        <translation>&amp;Import studies...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Retrain model...</source>
        <translation>&amp;Retrain model...</translation>
    </message>
    <message>
        <source>Physicists retrain MTSA-Net on the local cohort</source>
        <translation>Physicists retrain MTSA-Net on the local cohort</translation>
    </message>
    <message>
        <source>&amp;Audit log...</source>
        <translation>&amp;Audit log...</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The language changes the next time Metis starts.</source>
        <translation>The language changes the next time Metis starts.</translation>
    </message>
    <message>
        <source>AI inference</source>
        <translation>AI inference</translation>
    </message>
    <message>
        <source>Manual vs AI</source>
        <translation>Manual vs AI</translation>
    </message>
    <message>
        <source>&amp;Export report...</source>
        <translation>&amp;Export report...</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Opening %1</translation>
    </message>
    <message>
        <source>Patient %1: %2</source>
        <translation>Patient %1: %2</translation>
    </message>
    <message>
        <source>Cannot open patient %1: %2</source>
        <translation>Cannot open patient %1: %2</translation>
    </message>
    <message>
        <source>Open patient</source>
        <translation>Open patient</translation>
    </message>
    <message>
        <source>Cannot open patient %1:
%2</source>
        <translation>Cannot open patient %1:
%2</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot write the report %1:
%2</source>
        <translation>Cannot write the report %1:
%2</translation>
    </message>
    <message>
        <source>no patient is open</source>
        <translation>no patient is open</translation>
    </message>
    <message>
        <source>Report for %1</source>
        <translation>Report for %1</translation>
    </message>
    <message>
        <source>Report not written: %1</source>
        <translation>Report not written: %1</translation>
    </message>
    <message>
        <source>Report written: %1</source>
        <translation>Report written: %1</translation>
    </message>
</context>
<context>
    <name>metis::ui::ModelsDialog</name>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activate</translation>
    </message>
    <message>
        <source>&amp;Register package...</source>
        <translation>&amp;Register package...</translation>
    </message>
    <message>
        <source>Metis - models</source>
        <translation>Metis - models</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Only physicists and administrators register models</source>
        <translation>Only physicists and administrators register models</translation>
    </message>
    <message>
        <source>Only physicists and administrators activate models</source>
        <translation>Only physicists and administrators activate models</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Model package folder</source>
        <translation>Model package folder</translation>
    </message>
    <message>
        <source>Cannot register %1: %2</source>
        <translation>Cannot register %1: %2</translation>
    </message>
    <message>
        <source>Registered model %1 from %2.</source>
        <translation>Registered model %1 from %2.</translation>
    </message>
    <message>
        <source>No registered model with id %1.</source>
        <translation>No registered model with id %1.</translation>
    </message>
    <message>
        <source>Cannot activate model %1: %2</source>
        <translation>Cannot activate model %1: %2</translation>
    </message>
    <message>
        <source>Model %1 is now the active model.</source>
        <translation>Model %1 is now the active model.</translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientBrowser</name>
    <message>
        <source>Manual GTV</source>
        <translation>Manual GTV</translation>
    </message>
    <message>
        <source>AI result</source>
        <translation>AI result</translation>
    </message>
    <message>
        <source>Diagnosed</source>
        <translation>Diagnosed</translation>
    </message>
    <message>
        <source>Search patient ID or name</source>
        <translation>Search patient ID or name</translation>
    </message>
    <message>
        <source>Any EGFR status</source>
        <translation>Any EGFR status</translation>
    </message>
    <message>
        <source>Mutant</source>
        <translation>Mutant</translation>
    </message>
    <message>
        <source>Wild-type</source>
        <translation>Wild-type</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation>Any review status</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
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
        <translation>Mutant</translation>
    </message>
    <message>
        <source>Wild-type</source>
        <translation>Wild-type</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>EGFR</source>
        <translation>EGFR</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Manual GTV</source>
        <translation>Manual GTV</translation>
    </message>
    <message>
        <source>AI result</source>
        <translation>AI result</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::SliceView</name>
    <message>
        <source>No image</source>
        <translation>No image</translation>
    </message>
</context>
</TS>
