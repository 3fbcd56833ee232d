<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>PatientReport</name>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="58"/>
        <location filename="../ui/src/PatientReport.cpp" line="324"/>
        <source>Metis brain metastasis report</source>
        <translation>Metis brain metastasis report</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="62"/>
        <source>Patient and study</source>
        <translation>Patient and study</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="63"/>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="64"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="65"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="66"/>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="67"/>
        <source>Study date</source>
        <translation>Study date</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="68"/>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="69"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="90"/>
        <source>AI result</source>
        <translation>AI result</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="93"/>
        <location filename="../ui/src/PatientReport.cpp" line="129"/>
        <source>EGFR call</source>
        <translation>EGFR call</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="94"/>
        <source>EGFR mutation probability</source>
        <translation>EGFR mutation probability</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="97"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="101"/>
        <source>Model version</source>
        <translation>Model version</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="107"/>
        <source>Inference run</source>
        <translation>Inference run</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="109"/>
        <source>Post-processing</source>
        <translation>Post-processing</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="111"/>
        <source>threshold %1, smallest lesion %2 mm³, chosen by the reader</source>
        <translation>threshold %1, smallest lesion %2 mm³, chosen by the reader</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="113"/>
        <source>threshold %1, smallest lesion %2 mm³, the model package&apos;s</source>
        <translation>threshold %1, smallest lesion %2 mm³, the model package&apos;s</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="124"/>
        <source>Doubts</source>
        <translation>Doubts</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="130"/>
        <source>no AI result: the model has not been run on this series</source>
        <translation>no AI result: the model has not been run on this series</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="133"/>
        <source>Recorded EGFR status</source>
        <translation>Recorded EGFR status</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="136"/>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="139"/>
        <source>Dice, manual vs AI GTV</source>
        <translation>Dice, manual vs AI GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="143"/>
        <source>HD95, manual vs AI GTV (mm)</source>
        <translation>HD95, manual vs AI GTV (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="73"/>
        <source>Manual GTV</source>
        <translation>Manual GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="75"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="79"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="81"/>
        <source>%1 by %2 at %3</source>
        <translation>%1 by %2 at %3</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="169"/>
        <source>GTV volumes per lesion</source>
        <translation>GTV volumes per lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="172"/>
        <source>No GTV lesions.</source>
        <translation>No GTV lesions.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="177"/>
        <source>Lesion</source>
        <translation>Lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="177"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="178"/>
        <source>Manual GTV (ml)</source>
        <translation>Manual GTV (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="178"/>
        <source>AI GTV (ml)</source>
        <translation>AI GTV (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="180"/>
        <source>AI review</source>
        <translation>AI review</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="188"/>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="189"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PatientReport.cpp" line="212"/>
        <source>%n AI lesion(s) rejected at review are not listed.</source>
        <translation>
            <numerusform>%n AI lesion rejected at review is not listed.</numerusform>
            <numerusform>%n AI lesions rejected at review are not listed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="152"/>
        <source>Key images</source>
        <translation>Key images</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="179"/>
        <source>Axial diameter (mm)</source>
        <translation>Axial diameter (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="179"/>
        <source>3D extent (mm)</source>
        <translation>3D extent (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="204"/>
        <source>Axial diameter: RANO-BM, the longest diameter within one axial slice, edge to edge. 3D extent: the largest distance between two voxel centres, which thick slices inflate.</source>
        <translation>Axial diameter: RANO-BM, the longest diameter within one axial slice, edge to edge. 3D extent: the largest distance between two voxel centres, which thick slices inflate.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="222"/>
        <source>Created %1 by %2 with Metis.</source>
        <translation>Created %1 by %2 with Metis.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="224"/>
        <source>unknown user</source>
        <translation>unknown user</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="275"/>
        <source>SYNTHETIC PHANTOM / research use only, not for clinical decisions.</source>
        <translation>SYNTHETIC PHANTOM / research use only, not for clinical decisions.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="280"/>
        <source>EGFR mutant</source>
        <translation>EGFR mutant</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="283"/>
        <source>EGFR wild type</source>
        <translation>EGFR wild type</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="285"/>
        <source>undetermined</source>
        <translation>undetermined</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="313"/>
        <location filename="../ui/src/PatientReport.cpp" line="336"/>
        <source>cannot write the report %1: %2</source>
        <translation>cannot write the report %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="153"/>
        <source>Manual GTV yellow (solid), AI GTV green (dashed); radiological view (R on the left), 10 mm bar.</source>
        <translation>Manual GTV yellow (solid), AI GTV green (dashed); radiological view (R on the left), 10 mm bar.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="303"/>
        <source>manual GTV only</source>
        <translation>manual GTV only</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="307"/>
        <source>AI GTV only</source>
        <translation>AI GTV only</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="424"/>
        <source>%1, axial slice at z = %2 mm</source>
        <translation>%1, axial slice at z = %2 mm</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../ui/src/FileDialogs.cpp" line="20"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../ui/src/FileDialogs.cpp" line="23"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../ui/src/FileDialogs.cpp" line="24"/>
        <source>%1 file</source>
        <translation>%1 file</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/main.cpp" line="127"/>
        <source>Exit as soon as the window is on screen with the first page of patients listed (start-up timing).</source>
        <translation>Exit as soon as the window is on screen with the first page of patients listed (start-up timing).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="136"/>
        <source>Metis brain metastasis workstation</source>
        <translation>Metis brain metastasis workstation</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="104"/>
        <source>Database file.</source>
        <translation>Database file.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="107"/>
        <source>Sign in as this user without asking.</source>
        <translation>Sign in as this user without asking.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="109"/>
        <source>Open this patient.</source>
        <translation>Open this patient.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="113"/>
        <source>Save the main window as PNG once it is idle, then exit.</source>
        <translation>Save the main window as PNG once it is idle, then exit.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="117"/>
        <source>Side panel to show with the --open patient: inference (runs the model first when the patient has no AI result), comparison (manual against AI GTV), editing (the contour editor) or browser.</source>
        <translation>Side panel to show with the --open patient: inference (runs the model first when the patient has no AI result), comparison (manual against AI GTV), editing (the contour editor) or browser.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="227"/>
        <source>Metis</source>
        <translation>Metis</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="245"/>
        <source>Cannot open the patient database:
%1</source>
        <translation>Cannot open the patient database:
%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="255"/>
        <source>Not signed in: %1</source>
        <translation>Not signed in: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="123"/>
        <source>Model package folder for inference (default: the active registered model).</source>
        <translation>Model package folder for inference (default: the active registered model).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="131"/>
        <source>Write the PDF report of the --open patient to this file, then exit.</source>
        <translation>Write the PDF report of the --open patient to this file, then exit.</translation>
    </message>
</context>
<context>
    <name>metis::ui::AuditLogDialog</name>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="277"/>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="279"/>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="280"/>
        <source>patient, series or structure set</source>
        <translation>patient, series or structure set</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="281"/>
        <source>action (prefix)</source>
        <translation>action (prefix)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Entity</source>
        <translation>Entity</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="302"/>
        <source>Audit chain verified: %1 entries, no tampering found.</source>
        <translation>Audit chain verified: %1 entries, no tampering found.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="304"/>
        <source>WARNING: %1</source>
        <translation>WARNING: %1</translation>
    </message>
</context>
<context>
    <name>metis::ui::ComparisonPanel</name>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="56"/>
        <source>matched</source>
        <translation>matched</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="58"/>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="60"/>
        <source>false positive</source>
        <translation>false positive</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="68"/>
        <source>Open a patient with a manual and an AI GTV to compare them.</source>
        <translation>Open a patient with a manual and an AI GTV to compare them.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="76"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="76"/>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="76"/>
        <source>HD95 (mm)</source>
        <translation>HD95 (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="76"/>
        <source>Manual (ml)</source>
        <translation>Manual (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>AI (ml)</source>
        <translation>AI (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>AI - manual (ml)</source>
        <translation>AI - manual (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>Axial diameter (mm)</source>
        <translation>Axial diameter (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>3D extent (mm)</source>
        <translation>3D extent (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="76"/>
        <source>AI review</source>
        <translation>AI review</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="22"/>
        <source>HD95: the 95th percentile of the surface distances of both directions pooled (manual to AI and AI to manual), in 3D on the series grid, in mm. Per lesion: the lesion&apos;s manual surface against the union of the AI components that overlap it.</source>
        <translation>HD95: the 95th percentile of the surface distances of both directions pooled (manual to AI and AI to manual), in 3D on the series grid, in mm. Per lesion: the lesion&apos;s manual surface against the union of the AI components that overlap it.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="79"/>
        <source>A reader&apos;s decision on the AI lesion: confirmed or rejected</source>
        <translation>A reader&apos;s decision on the AI lesion: confirmed or rejected</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="82"/>
        <source>RANO-BM: the longest diameter within one axial slice, edge to edge</source>
        <translation>RANO-BM: the longest diameter within one axial slice, edge to edge</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="84"/>
        <source>Largest distance between two voxel centres of the lesion in 3D; thick slices inflate it</source>
        <translation>Largest distance between two voxel centres of the lesion in 3D; thick slices inflate it</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="90"/>
        <source>Click a lesion to centre the viewer on it.</source>
        <translation>Click a lesion to centre the viewer on it.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="96"/>
        <source>Accept AI lesion</source>
        <translation>Accept AI lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="99"/>
        <source>Confirm the selected row&apos;s AI lesion; one without a manual contour is copied into the manual contours</source>
        <translation>Confirm the selected row&apos;s AI lesion; one without a manual contour is copied into the manual contours</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="101"/>
        <source>Reject AI lesion</source>
        <translation>Reject AI lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="103"/>
        <source>Record the selected row&apos;s AI lesion as not a metastasis; the report leaves a rejected false positive out</source>
        <translation>Record the selected row&apos;s AI lesion as not a metastasis; the report leaves a rejected false positive out</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="122"/>
        <source>Lesion diameter</source>
        <translation>Lesion diameter</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="122"/>
        <source>Detected / lesions</source>
        <translation>Detected / lesions</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="122"/>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="133"/>
        <source>Sensitivity by lesion size (manual axial diameter, RANO-BM)</source>
        <translation>Sensitivity by lesion size (manual axial diameter, RANO-BM)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="176"/>
        <source>This patient has neither a manual nor an AI GTV.</source>
        <translation>This patient has neither a manual nor an AI GTV.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="177"/>
        <source>This patient has no manual GTV to compare with.</source>
        <translation>This patient has no manual GTV to compare with.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="178"/>
        <source>This patient has no AI result yet: run the model in the inference panel first.</source>
        <translation>This patient has no AI result yet: run the model in the inference panel first.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="182"/>
        <source>Comparing the manual and the AI GTV...</source>
        <translation>Comparing the manual and the AI GTV...</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="185"/>
        <source>Manual versus AI GTV</source>
        <translation>Manual versus AI GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="198"/>
        <source>The comparison failed: %1</source>
        <translation>The comparison failed: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="203"/>
        <source>The comparison was cancelled.</source>
        <translation>The comparison was cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="222"/>
        <source>Manual GTV (yellow) against the AI GTV (green, dashed).</source>
        <translation>Manual GTV (yellow) against the AI GTV (green, dashed).</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="225"/>
        <source>Patient: Dice %1, HD95 %2 mm, precision %3, recall %4
Volume: manual %5 ml, AI %6 ml
Lesions: %7 matched, %8 missed, %9 false positive</source>
        <translation>Patient: Dice %1, HD95 %2 mm, precision %3, recall %4
Volume: manual %5 ml, AI %6 ml
Lesions: %7 matched, %8 missed, %9 false positive</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="259"/>
        <source>&lt; 5 mm</source>
        <translation>&lt; 5 mm</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="259"/>
        <source>5-10 mm</source>
        <translation>5-10 mm</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="259"/>
        <source>&gt; 10 mm</source>
        <translation>&gt; 10 mm</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="297"/>
        <source>confirmed (%1)</source>
        <translation>confirmed (%1)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="298"/>
        <source>rejected (%1)</source>
        <translation>rejected (%1)</translation>
    </message>
</context>
<context>
    <name>metis::ui::ContourEditPanel</name>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="54"/>
        <source>axial</source>
        <translation>axial</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="56"/>
        <source>coronal</source>
        <translation>coronal</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="58"/>
        <source>sagittal</source>
        <translation>sagittal</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="92"/>
        <source>Keep recovered edits</source>
        <translation>Keep recovered edits</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="93"/>
        <source>Discard them</source>
        <translation>Discard them</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="107"/>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="111"/>
        <source>Navigate (N)</source>
        <translation>Navigate (N)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="112"/>
        <source>Brush (B)</source>
        <translation>Brush (B)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="113"/>
        <source>Eraser (E)</source>
        <translation>Eraser (E)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="114"/>
        <source>Contour (C)</source>
        <translation>Contour (C)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="115"/>
        <source>Split line (S)</source>
        <translation>Split line (S)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="128"/>
        <source>Drag a line across a lesion to cut it in two: the part on one side becomes a new lesion (the cut runs through every slice)</source>
        <translation>Drag a line across a lesion to cut it in two: the part on one side becomes a new lesion (the cut runs through every slice)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="135"/>
        <source>Brush and lesion</source>
        <translation>Brush and lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="141"/>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="143"/>
        <source>Brush diameter ([ smaller, ] larger)</source>
        <translation>Brush diameter ([ smaller, ] larger)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="148"/>
        <source>3D ball</source>
        <translation>3D ball</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="149"/>
        <source>Paint a ball through neighbouring slices instead of a disc</source>
        <translation>Paint a ball through neighbouring slices instead of a disc</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="158"/>
        <source>New lesion</source>
        <translation>New lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="160"/>
        <source>Diameter</source>
        <translation>Diameter</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="163"/>
        <source>Lesion</source>
        <translation>Lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="166"/>
        <source>Only intensities</source>
        <translation>Only intensities</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="167"/>
        <source>Threshold-assisted paint: only voxels within the range change</source>
        <translation>Threshold-assisted paint: only voxels within the range change</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="182"/>
        <source>From cursor</source>
        <translation>From cursor</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="183"/>
        <source>Range around the intensity under the crosshair (plus or minus 20 %)</source>
        <translation>Range around the intensity under the crosshair (plus or minus 20 %)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="204"/>
        <source>Lesion operations</source>
        <translation>Lesion operations</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="210"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="614"/>
        <source>Fill holes</source>
        <translation>Fill holes</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="211"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="621"/>
        <source>Remove islands</source>
        <translation>Remove islands</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="212"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="627"/>
        <source>Smooth</source>
        <translation>Smooth</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="213"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="633"/>
        <source>Interpolate slices</source>
        <translation>Interpolate slices</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="214"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="647"/>
        <source>Copy to next slice</source>
        <translation>Copy to next slice</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="215"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="647"/>
        <source>Copy to previous slice</source>
        <translation>Copy to previous slice</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="216"/>
        <source>Split into pieces</source>
        <translation>Split into pieces</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="217"/>
        <source>Merge lesion at cursor into this one</source>
        <translation>Merge lesion at cursor into this one</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="218"/>
        <source>Delete lesion</source>
        <translation>Delete lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="219"/>
        <source>Accept AI lesion at cursor</source>
        <translation>Accept AI lesion at cursor</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="220"/>
        <source>Reject AI lesion at cursor</source>
        <translation>Reject AI lesion at cursor</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="234"/>
        <source>Save version...</source>
        <translation>Save version...</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="235"/>
        <source>Discard edits</source>
        <translation>Discard edits</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="243"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="270"/>
        <source>Save contours</source>
        <translation>Save contours</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="244"/>
        <source>Note for this version (optional):</source>
        <translation>Note for this version (optional):</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="265"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="790"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="267"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="793"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="280"/>
        <source>Undo the last edit (%1)</source>
        <translation>Undo the last edit (%1)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="281"/>
        <source>Redo the edit undone last (%1)</source>
        <translation>Redo the edit undone last (%1)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="282"/>
        <source>Save the edits as a new version (%1)</source>
        <translation>Save the edits as a new version (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/ContourEditPanel.cpp" line="337"/>
        <source>%n unsaved edit step(s) of this series from an earlier session were recovered and are shown.</source>
        <translation>
            <numerusform>%n unsaved edit step of this series from an earlier session was recovered and is shown.</numerusform>
            <numerusform>%n unsaved edit steps of this series from an earlier session were recovered and are shown.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="385"/>
        <source>Contours cannot be edited: %1</source>
        <translation>Contours cannot be edited: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="506"/>
        <source>The edit was not kept (%1); the contours are as before it.</source>
        <translation>The edit was not kept (%1); the contours are as before it.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="518"/>
        <source>Undo failed: %1</source>
        <translation>Undo failed: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="522"/>
        <source>Redo failed: %1</source>
        <translation>Redo failed: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="549"/>
        <source>Nothing to save.</source>
        <translation>Nothing to save.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="561"/>
        <source>Saved as version %1.</source>
        <translation>Saved as version %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="566"/>
        <source>Not saved: %1. The edits are kept and journalled.</source>
        <translation>Not saved: %1. The edits are kept and journalled.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="637"/>
        <source>Interpolate slices %1-%2</source>
        <translation>Interpolate slices %1-%2</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="666"/>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="671"/>
        <source>Split %1</source>
        <translation>Split %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="681"/>
        <source>Place the crosshair on another lesion to merge it into %1.</source>
        <translation>Place the crosshair on another lesion to merge it into %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="686"/>
        <source>Merge %1 into %2</source>
        <translation>Merge %1 into %2</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="696"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="718"/>
        <source>There is no AI result to review.</source>
        <translation>There is no AI result to review.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="701"/>
        <source>Place the crosshair on an AI lesion.</source>
        <translation>Place the crosshair on an AI lesion.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="725"/>
        <source>%1 was not reviewed: %2</source>
        <translation>%1 was not reviewed: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="730"/>
        <source>%1 rejected.</source>
        <translation>%1 rejected.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="735"/>
        <source>Accept %1</source>
        <translation>Accept %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="741"/>
        <source>%1 confirmed and copied into the manual contours as %2.</source>
        <translation>%1 confirmed and copied into the manual contours as %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="743"/>
        <source>%1 confirmed; the manual contours already cover it.</source>
        <translation>%1 confirmed; the manual contours already cover it.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="767"/>
        <source>Open a patient to edit its contours.</source>
        <translation>Open a patient to edit its contours.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="770"/>
        <source>Manual GTV: version %1 (%2). Choose a tool to edit it.</source>
        <translation>Manual GTV: version %1 (%2). Choose a tool to edit it.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="773"/>
        <source>No manual GTV yet. Choose a tool to draw one.</source>
        <translation>No manual GTV yet. Choose a tool to draw one.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="776"/>
        <source>Editing version %1</source>
        <translation>Editing version %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="776"/>
        <source>Editing a new contour set</source>
        <translation>Editing a new contour set</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="778"/>
        <source> (locked: saving makes a new version)</source>
        <translation> (locked: saving makes a new version)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="780"/>
        <source>: unsaved edits, journalled</source>
        <translation>: unsaved edits, journalled</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="781"/>
        <source>: no unsaved edits</source>
        <translation>: no unsaved edits</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="784"/>
        <source>Slice operations act along the framed view: %1.</source>
        <translation>Slice operations act along the framed view: %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="789"/>
        <source>Undo %1</source>
        <translation>Undo %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="792"/>
        <source>Redo %1</source>
        <translation>Redo %1</translation>
    </message>
</context>
<context>
    <name>metis::ui::ContourReview</name>
    <message>
        <location filename="../ui/src/ContourReview.cpp" line="20"/>
        <source>The series has no manual GTV to review.</source>
        <translation>The series has no manual GTV to review.</translation>
    </message>
</context>
<context>
    <name>metis::ui::DemoCohortDialog</name>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="17"/>
        <source>Demo cohort</source>
        <translation>Demo cohort</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="20"/>
        <source>&lt;p&gt;The patient database is empty.&lt;/p&gt;&lt;p&gt;Metis can create a &lt;b&gt;demo cohort&lt;/b&gt; of %1 synthetic patients (MR series, manual contours and EGFR labels generated on the Colin27 brain; SYNTHETIC, not patient data), import it and activate the demo model shipped with Metis (trained on phantom data, research use only). This takes about two minutes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The patient database is empty.&lt;/p&gt;&lt;p&gt;Metis can create a &lt;b&gt;demo cohort&lt;/b&gt; of %1 synthetic patients (MR series, manual contours and EGFR labels generated on the Colin27 brain; SYNTHETIC, not patient data), import it and activate the demo model shipped with Metis (trained on phantom data, research use only). This takes about two minutes.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="29"/>
        <source>Cohort folder: %1</source>
        <translation>Cohort folder: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="42"/>
        <source>Create the demo cohort</source>
        <translation>Create the demo cohort</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="43"/>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="74"/>
        <source>The folder %1 exists already and is not empty; move it away or import it with File &gt; Import studies.</source>
        <translation>The folder %1 exists already and is not empty; move it away or import it with File &gt; Import studies.</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="85"/>
        <source>Cannot start %1: %2</source>
        <translation>Cannot start %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="91"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="94"/>
        <source>Generating the demo cohort...</source>
        <translation>Generating the demo cohort...</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="113"/>
        <source>Generating the demo cohort: patient %1 of %2</source>
        <translation>Generating the demo cohort: patient %1 of %2</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="133"/>
        <source>The demo cohort could not be generated (%1).</source>
        <translation>The demo cohort could not be generated (%1).</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="134"/>
        <source>the generator ended with status %1</source>
        <translation>the generator ended with status %1</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="144"/>
        <source>Cancelling...</source>
        <translation>Cancelling...</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="152"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>metis::ui::DicomNodesDialog</name>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="67"/>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="68"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="93"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="68"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="87"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="94"/>
        <source>AE title</source>
        <translation>AE title</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="68"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="95"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="68"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="96"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="70"/>
        <source>Save node</source>
        <translation>Save node</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="71"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="72"/>
        <source>Test (C-ECHO)</source>
        <translation>Test (C-ECHO)</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="73"/>
        <source>DICOM nodes</source>
        <translation>DICOM nodes</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="85"/>
        <source>This workstation</source>
        <translation>This workstation</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="88"/>
        <source>Listening port</source>
        <translation>Listening port</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="89"/>
        <source>Associations at once</source>
        <translation>Associations at once</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="105"/>
        <source>Nodes (the listener accepts these AE titles only):</source>
        <translation>Nodes (the listener accepts these AE titles only):</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="118"/>
        <source>Only an administrator configures DICOM nodes</source>
        <translation>Only an administrator configures DICOM nodes</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="176"/>
        <source>Saved %1: %2. The listener accepts it from now on.</source>
        <translation>Saved %1: %2. The listener accepts it from now on.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="182"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="208"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="191"/>
        <source>Removed %1.</source>
        <translation>Removed %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="195"/>
        <source>Not removed: %1</source>
        <translation>Not removed: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="204"/>
        <source>This workstation is now %1 on port %2.</source>
        <translation>This workstation is now %1 on port %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="219"/>
        <source>Choose a saved node to test.</source>
        <translation>Choose a saved node to test.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="229"/>
        <source>C-ECHO</source>
        <translation>C-ECHO</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="236"/>
        <source>Testing %1...</source>
        <translation>Testing %1...</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="240"/>
        <source>%1 answered C-ECHO in %2 ms.</source>
        <translation>%1 answered C-ECHO in %2 ms.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="246"/>
        <source>%1 did not answer: %2</source>
        <translation>%1 did not answer: %2</translation>
    </message>
</context>
<context>
    <name>metis::ui::ImportDialog</name>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="112"/>
        <location filename="../ui/src/Dialogs.cpp" line="212"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="113"/>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="114"/>
        <source>Import studies</source>
        <translation>Import studies</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="116"/>
        <source>Add folder...</source>
        <translation>Add folder...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="117"/>
        <source>Add files...</source>
        <translation>Add files...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="118"/>
        <source>Clinical CSV...</source>
        <translation>Clinical CSV...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="119"/>
        <source>optional: patient id, diagnosis date, EGFR status</source>
        <translation>optional: patient id, diagnosis date, EGFR status</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="138"/>
        <source>DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:</source>
        <translation>DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="153"/>
        <source>Cancelling after the current series...</source>
        <translation>Cancelling after the current series...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="159"/>
        <source>Add a folder</source>
        <translation>Add a folder</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="166"/>
        <source>Add files</source>
        <translation>Add files</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="173"/>
        <source>Clinical CSV</source>
        <translation>Clinical CSV</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="173"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="199"/>
        <source>Add a folder, files or a clinical CSV first.</source>
        <translation>Add a folder, files or a clinical CSV first.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="229"/>
        <source>Import cancelled. Series imported before the cancel are kept.</source>
        <translation>Import cancelled. Series imported before the cancel are kept.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="233"/>
        <source>Import stopped: %1</source>
        <translation>Import stopped: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="234"/>
        <source>ERROR: %1</source>
        <translation>ERROR: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="247"/>
        <source>Importing...</source>
        <translation>Importing...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="253"/>
        <source>%1 series (%2 images), %3 structure sets and %4 clinical rows imported; %5 already present; %6 problem(s).</source>
        <translation>%1 series (%2 images), %3 structure sets and %4 clinical rows imported; %5 already present; %6 problem(s).</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="263"/>
        <source>ERROR  %1: %2</source>
        <translation>ERROR  %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="268"/>
        <source>note   %1: %2</source>
        <translation>note   %1: %2</translation>
    </message>
</context>
<context>
    <name>metis::ui::InferencePanel</name>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="38"/>
        <source>Research use only: untrained model with random weights; these figures mean nothing.</source>
        <translation>Research use only: untrained model with random weights; these figures mean nothing.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="41"/>
        <source>Research use only: phantom-trained model, not validated on patients. Not for clinical decisions.</source>
        <translation>Research use only: phantom-trained model, not validated on patients. Not for clinical decisions.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="46"/>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>Research use only. Not for clinical decisions.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="55"/>
        <source>Implausible: %1 lesions (more than %2).</source>
        <translation>Implausible: %1 lesions (more than %2).</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="59"/>
        <source>Implausible: total GTV %1 ml (more than %2 ml).</source>
        <translation>Implausible: total GTV %1 ml (more than %2 ml).</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="62"/>
        <source>Implausible: %1 % of the GTV lies in the scalp or outside the head (more than %2 %).</source>
        <translation>Implausible: %1 % of the GTV lies in the scalp or outside the head (more than %2 %).</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="67"/>
        <source>Uncertain EGFR call: probability %1, close to 0.5.</source>
        <translation>Uncertain EGFR call: probability %1, close to 0.5.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="70"/>
        <source>The AI EGFR call disagrees with the recorded EGFR status.</source>
        <translation>The AI EGFR call disagrees with the recorded EGFR status.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="86"/>
        <source>&amp;Run MTSA-Net</source>
        <translation>&amp;Run MTSA-Net</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="87"/>
        <source>Segment the metastases and predict the EGFR status of the open series; the result is stored in the database</source>
        <translation>Segment the metastases and predict the EGFR status of the open series; the result is stored in the database</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="89"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="105"/>
        <source>GTV probability at or above which a voxel is tumour; the model package&apos;s value was chosen on its validation patients</source>
        <translation>GTV probability at or above which a voxel is tumour; the model package&apos;s value was chosen on its validation patients</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="113"/>
        <source>Predicted lesions smaller than this are dropped</source>
        <translation>Predicted lesions smaller than this are dropped</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="114"/>
        <source>Package defaults</source>
        <translation>Package defaults</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="115"/>
        <source>Back to the model package&apos;s threshold and smallest lesion</source>
        <translation>Back to the model package&apos;s threshold and smallest lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="124"/>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="125"/>
        <source>Smallest lesion</source>
        <translation>Smallest lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="160"/>
        <source>Per slice</source>
        <translation>Per slice</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="162"/>
        <source>In the call (top 50 % by GTV area)</source>
        <translation>In the call (top 50 % by GTV area)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="167"/>
        <source>Model slice (inferior to superior)</source>
        <translation>Model slice (inferior to superior)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="170"/>
        <source>Mutant probability</source>
        <translation>Mutant probability</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Lesion</source>
        <translation>Lesion</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Volume
(ml)</source>
        <translation>Volume
(ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Axial
(mm)</source>
        <translation>Axial
(mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>3D
(mm)</source>
        <translation>3D
(mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Mean
prob.</source>
        <translation>Mean
prob.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="197"/>
        <source>Mean GTV probability over the lesion&apos;s voxels</source>
        <translation>Mean GTV probability over the lesion&apos;s voxels</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="199"/>
        <source>Axial diameter (RANO-BM): the longest diameter within one axial slice, edge to edge</source>
        <translation>Axial diameter (RANO-BM): the longest diameter within one axial slice, edge to edge</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="201"/>
        <source>3D extent: the largest distance between two voxel centres of the lesion; thick slices inflate it</source>
        <translation>3D extent: the largest distance between two voxel centres of the lesion; thick slices inflate it</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="208"/>
        <source>Click a lesion to centre the viewer on it</source>
        <translation>Click a lesion to centre the viewer on it</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="250"/>
        <source>No model: activate a registered model or set a model package.</source>
        <translation>No model: activate a registered model or set a model package.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="251"/>
        <source>Model %1
%2</source>
        <translation>Model %1
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="256"/>
        <source>Your role may not run the model</source>
        <translation>Your role may not run the model</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="305"/>
        <source>Stored result of %1 UTC, model %2.</source>
        <translation>Stored result of %1 UTC, model %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="316"/>
        <source>No AI result for this series yet.</source>
        <translation>No AI result for this series yet.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="316"/>
        <source>No patient open.</source>
        <translation>No patient open.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="336"/>
        <source>No model package is configured.</source>
        <translation>No model package is configured.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="340"/>
        <source>Running %1...</source>
        <translation>Running %1...</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="354"/>
        <source>MTSA-Net on %1</source>
        <translation>MTSA-Net on %1</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="376"/>
        <source>Result stored: model %1, %2 lesions.</source>
        <translation>Result stored: model %1, %2 lesions.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="391"/>
        <source>Inference failed, nothing was stored:
%1</source>
        <translation>Inference failed, nothing was stored:
%1</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="397"/>
        <source>Inference cancelled, nothing was stored.</source>
        <translation>Inference cancelled, nothing was stored.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="440"/>
        <source>Check this result before use: the segmentation is implausible.</source>
        <translation>Check this result before use: the segmentation is implausible.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="445"/>
        <location filename="../ui/src/InferencePanel.cpp" line="452"/>
        <source>EGFR mutant</source>
        <translation>EGFR mutant</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="445"/>
        <location filename="../ui/src/InferencePanel.cpp" line="452"/>
        <source>EGFR wild type</source>
        <translation>EGFR wild type</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="446"/>
        <source>%1 (mutation probability %2)</source>
        <translation>%1 (mutation probability %2)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="451"/>
        <source>Recorded: %1</source>
        <translation>Recorded: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="456"/>
        <source>No EGFR prediction: the model has no EGFR head.</source>
        <translation>No EGFR prediction: the model has no EGFR head.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="463"/>
        <source>Threshold %1, smallest lesion %2 mm³: chosen by the reader, not the package&apos;s defaults.</source>
        <translation>Threshold %1, smallest lesion %2 mm³: chosen by the reader, not the package&apos;s defaults.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="465"/>
        <source>Threshold %1, smallest lesion %2 mm³ (the package&apos;s defaults).</source>
        <translation>Threshold %1, smallest lesion %2 mm³ (the package&apos;s defaults).</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="471"/>
        <source>No metastasis was segmented: the call averages every slice.</source>
        <translation>No metastasis was segmented: the call averages every slice.</translation>
    </message>
</context>
<context>
    <name>metis::ui::LoginDialog</name>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="26"/>
        <source>Metis - sign in</source>
        <translation>Metis - sign in</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="34"/>
        <source>empty: signed in as this computer&apos;s account</source>
        <translation>empty: signed in as this computer&apos;s account</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="39"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="40"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="42"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="46"/>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>Research use only. Not for clinical decisions.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="64"/>
        <source>too many failed sign-ins for &apos;%1&apos;: try again in %2 minutes</source>
        <translation>too many failed sign-ins for '%1': try again in %2 minutes</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="68"/>
        <source>no active user &apos;%1&apos;</source>
        <translation>no active user '%1'</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="70"/>
        <source>&apos;%1&apos; has no password and no OS account to sign in with; an administrator sets one</source>
        <translation>'%1' has no password and no OS account to sign in with; an administrator sets one</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="74"/>
        <source>&apos;%1&apos; needs a password (this program runs as the OS account &apos;%2&apos;, not one bound to that user)</source>
        <translation>'%1' needs a password (this program runs as the OS account '%2', not one bound to that user)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="78"/>
        <source>wrong password for &apos;%1&apos;</source>
        <translation>wrong password for '%1'</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="80"/>
        <source>wrong password for &apos;%1&apos; (checked as the OS account &apos;%2&apos;)</source>
        <translation>wrong password for '%1' (checked as the OS account '%2')</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="98"/>
        <source>Not signed in: %1. Type the password.</source>
        <translation>Not signed in: %1. Type the password.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="99"/>
        <source>Not signed in: %1.</source>
        <translation>Not signed in: %1.</translation>
    </message>
</context>
<context>
    <name>metis::ui::MainWindow</name>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="304"/>
        <source>&amp;Models...</source>
        <translation>&amp;Models...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="312"/>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="318"/>
        <source>&amp;Approve contour</source>
        <translation>&amp;Approve contour</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="319"/>
        <source>Approve the open series&apos; manual GTV</source>
        <translation>Approve the open series&apos; manual GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="321"/>
        <source>&amp;Lock contour</source>
        <translation>&amp;Lock contour</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="322"/>
        <source>Lock the open series&apos; manual GTV against any change</source>
        <translation>Lock the open series&apos; manual GTV against any change</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="426"/>
        <source>No patient is open.</source>
        <translation>No patient is open.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="432"/>
        <source>Patient %1: manual GTV %2</source>
        <translation>Patient %1: manual GTV %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="433"/>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="434"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="438"/>
        <source>Review refused: %1</source>
        <translation>Review refused: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="66"/>
        <source>Metis %1 - brain metastasis workstation (research use only)</source>
        <translation>Metis %1 - brain metastasis workstation (research use only)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="126"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="74"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="122"/>
        <source>Signed in: %1 (%2)</source>
        <translation>Signed in: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="276"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="277"/>
        <source>&amp;Import studies...</source>
        <translation>&amp;Import studies...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="291"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="300"/>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="301"/>
        <source>&amp;Retrain model...</source>
        <translation>&amp;Retrain model...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="302"/>
        <source>Physicists retrain MTSA-Net on the local cohort</source>
        <translation>Physicists retrain MTSA-Net on the local cohort</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="303"/>
        <source>&amp;Audit log...</source>
        <translation>&amp;Audit log...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="339"/>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="340"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="354"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="355"/>
        <source>The language changes the next time Metis starts.</source>
        <translation>The language changes the next time Metis starts.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="82"/>
        <source>AI inference</source>
        <translation>AI inference</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="88"/>
        <source>Manual vs AI</source>
        <translation>Manual vs AI</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="95"/>
        <source>Contour editing</source>
        <translation>Contour editing</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="133"/>
        <source>Series of the open patient</source>
        <translation>Series of the open patient</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="167"/>
        <location filename="../ui/src/MainWindow.cpp" line="212"/>
        <source>DICOM: off</source>
        <translation>DICOM: off</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="173"/>
        <source>No DICOM nodes are configured (Tools &gt; DICOM nodes)</source>
        <translation>No DICOM nodes are configured (Tools &gt; DICOM nodes)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/MainWindow.cpp" line="193"/>
        <source>Received %n file(s) from %1: %2 series imported, %3 problem(s)</source>
        <translation>
            <numerusform>Received %n file from %1: %2 series imported, %3 problem(s)</numerusform>
            <numerusform>Received %n files from %1: %2 series imported, %3 problem(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/MainWindow.cpp" line="204"/>
        <source>%n structure set(s) waiting for their images</source>
        <translation>
            <numerusform>%n structure set waiting for its images</numerusform>
            <numerusform>%n structure sets waiting for their images</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="198"/>
        <source>Received files from %1 not imported yet: %2</source>
        <translation>Received files from %1 not imported yet: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="209"/>
        <source>DICOM: %1 on port %2</source>
        <translation>DICOM: %1 on port %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="210"/>
        <source>Receiving studies from the configured DICOM nodes</source>
        <translation>Receiving studies from the configured DICOM nodes</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="214"/>
        <source>The DICOM listener could not start: %1</source>
        <translation>The DICOM listener could not start: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="242"/>
        <location filename="../ui/src/MainWindow.cpp" line="247"/>
        <source>Send contours to PACS</source>
        <translation>Send contours to PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="243"/>
        <source>The open series has no saved contours to send.</source>
        <translation>The open series has no saved contours to send.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="248"/>
        <source>The contours have unsaved edits. Save them as a version first: this sends the saved version %1.</source>
        <translation>The contours have unsaved edits. Save them as a version first: this sends the saved version %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="280"/>
        <source>&amp;Export report...</source>
        <translation>&amp;Export report...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="282"/>
        <source>Export &amp;contours (RTSTRUCT)...</source>
        <translation>Export &amp;contours (RTSTRUCT)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="286"/>
        <source>&amp;Query PACS...</source>
        <translation>&amp;Query PACS...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="288"/>
        <source>&amp;Send contours to PACS...</source>
        <translation>&amp;Send contours to PACS...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="294"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="305"/>
        <source>&amp;DICOM nodes...</source>
        <translation>&amp;DICOM nodes...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="306"/>
        <source>&amp;Users...</source>
        <translation>&amp;Users...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="313"/>
        <source>Mark contour &amp;corrected</source>
        <translation>Mark contour &amp;corrected</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="316"/>
        <source>Mark the open series&apos; saved manual GTV as corrected, ready for approval</source>
        <translation>Mark the open series&apos; saved manual GTV as corrected, ready for approval</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="325"/>
        <source>Contour &amp;versions...</source>
        <translation>Contour &amp;versions...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="335"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="336"/>
        <source>&amp;Keyboard and mouse...</source>
        <translation>&amp;Keyboard and mouse...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="337"/>
        <source>&amp;About Metis</source>
        <translation>&amp;About Metis</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="362"/>
        <source>Left click / drag</source>
        <translation>Left click / drag</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="362"/>
        <source>Place the crosshair (all views follow)</source>
        <translation>Place the crosshair (all views follow)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="363"/>
        <source>Right drag</source>
        <translation>Right drag</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="363"/>
        <source>Window (left-right) and level (up-down)</source>
        <translation>Window (left-right) and level (up-down)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="364"/>
        <source>Middle drag, Shift + left drag</source>
        <translation>Middle drag, Shift + left drag</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="364"/>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="365"/>
        <source>Wheel, Up / Down</source>
        <translation>Wheel, Up / Down</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="365"/>
        <source>Next / previous slice</source>
        <translation>Next / previous slice</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="366"/>
        <source>Page Up / Page Down</source>
        <translation>Page Up / Page Down</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="366"/>
        <source>Ten slices</source>
        <translation>Ten slices</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="367"/>
        <source>Ctrl + wheel, + / -</source>
        <translation>Ctrl + wheel, + / -</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="367"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="368"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="368"/>
        <source>Reset zoom and pan</source>
        <translation>Reset zoom and pan</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="369"/>
        <source>1, 2, 3</source>
        <translation>1, 2, 3</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="369"/>
        <source>Window presets</source>
        <translation>Window presets</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="370"/>
        <source>Double-click</source>
        <translation>Double-click</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="370"/>
        <source>Maximise the view / back to the layout</source>
        <translation>Maximise the view / back to the layout</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="371"/>
        <source>B, E, C</source>
        <translation>B, E, C</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="371"/>
        <source>Brush, eraser, contour fill (Contour editing panel)</source>
        <translation>Brush, eraser, contour fill (Contour editing panel)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="372"/>
        <source>N, Esc</source>
        <translation>N, Esc</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="372"/>
        <source>Back to navigation</source>
        <translation>Back to navigation</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="373"/>
        <source>[ and ]</source>
        <translation>[ and ]</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="373"/>
        <source>Brush smaller / larger</source>
        <translation>Brush smaller / larger</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="374"/>
        <source>Ctrl + left drag</source>
        <translation>Ctrl + left drag</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="374"/>
        <source>Erase with the brush, subtract with the contour</source>
        <translation>Erase with the brush, subtract with the contour</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="375"/>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="375"/>
        <source>Undo the last edit step</source>
        <translation>Undo the last edit step</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="376"/>
        <source>Ctrl+Shift+Z, Ctrl+Y</source>
        <translation>Ctrl+Shift+Z, Ctrl+Y</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="376"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="377"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="377"/>
        <source>Save the contours as a new version</source>
        <translation>Save the contours as a new version</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="378"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="378"/>
        <source>Import studies</source>
        <translation>Import studies</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="389"/>
        <source>Keyboard and mouse</source>
        <translation>Keyboard and mouse</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="400"/>
        <source>About Metis</source>
        <translation>About Metis</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="401"/>
        <source>&lt;p&gt;&lt;b&gt;Metis&lt;/b&gt;: brain metastasis workstation (GTV segmentation and EGFR prediction with MTSA-Net).&lt;/p&gt;&lt;p&gt;Research and demonstration software, not for clinical use.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Metis&lt;/b&gt;: brain metastasis workstation (GTV segmentation and EGFR prediction with MTSA-Net).&lt;/p&gt;&lt;p&gt;Research and demonstration software, not for clinical use.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="435"/>
        <source>corrected</source>
        <translation>corrected</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="449"/>
        <source>%1 (%2 images, %3)</source>
        <translation>%1 (%2 images, %3)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="473"/>
        <source>Opening %1</source>
        <translation>Opening %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="494"/>
        <source>Patient %1: %2</source>
        <translation>Patient %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="502"/>
        <source>Cannot open patient %1: %2</source>
        <translation>Cannot open patient %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="504"/>
        <source>Open patient</source>
        <translation>Open patient</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="505"/>
        <source>Cannot open patient %1:
%2</source>
        <translation>Cannot open patient %1:
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="512"/>
        <location filename="../ui/src/MainWindow.cpp" line="517"/>
        <location filename="../ui/src/MainWindow.cpp" line="527"/>
        <location filename="../ui/src/MainWindow.cpp" line="535"/>
        <location filename="../ui/src/MainWindow.cpp" line="537"/>
        <source>Export contours</source>
        <translation>Export contours</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="513"/>
        <source>The open series has no saved contours to export.</source>
        <translation>The open series has no saved contours to export.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="518"/>
        <source>The contours have unsaved edits. Save them as a version first: the export writes the saved version %1.</source>
        <translation>The contours have unsaved edits. Save them as a version first: the export writes the saved version %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="527"/>
        <source>DICOM files (*.dcm)</source>
        <translation>DICOM files (*.dcm)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="549"/>
        <source>Cannot export the contours to %1:
%2</source>
        <translation>Cannot export the contours to %1:
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="555"/>
        <source>%1: %2 mm, Dice %3 against the saved version
</source>
        <translation>%1: %2 mm, Dice %3 against the saved version
</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="563"/>
        <source>Contours exported: %1</source>
        <translation>Contours exported: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="566"/>
        <source>The file %1 was written, but a lesion of 5 mm or more reads back with Dice below 0.98:
%2</source>
        <translation>The file %1 was written, but a lesion of 5 mm or more reads back with Dice below 0.98:
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="571"/>
        <source>Written and read back: %1

%2</source>
        <translation>Written and read back: %1

%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="585"/>
        <location filename="../ui/src/MainWindow.cpp" line="596"/>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="585"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="597"/>
        <source>Cannot write the report %1:
%2</source>
        <translation>Cannot write the report %1:
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="606"/>
        <source>no patient is open</source>
        <translation>no patient is open</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="620"/>
        <source>Report for %1</source>
        <translation>Report for %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="633"/>
        <location filename="../ui/src/MainWindow.cpp" line="644"/>
        <source>Report not written: %1</source>
        <translation>Report not written: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="639"/>
        <source>Report written: %1</source>
        <translation>Report written: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="699"/>
        <source>Demo cohort imported. No demo model is installed beside Metis: register a model under Tools &gt; Models.</source>
        <translation>Demo cohort imported. No demo model is installed beside Metis: register a model under Tools &gt; Models.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="705"/>
        <source>Demo cohort imported; the demo model (trained on phantom data, research use only) is active.</source>
        <translation>Demo cohort imported; the demo model (trained on phantom data, research use only) is active.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="708"/>
        <source>Demo cohort imported; the active model stays active.</source>
        <translation>Demo cohort imported; the active model stays active.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="711"/>
        <source>Demo cohort imported; the demo model was not activated: %1</source>
        <translation>Demo cohort imported; the demo model was not activated: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="788"/>
        <location filename="../ui/src/MainWindow.cpp" line="800"/>
        <source>Unsaved contour edits</source>
        <translation>Unsaved contour edits</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="789"/>
        <source>The contours of the open series have unsaved edits.

Save them as a new version now, or close and keep them in the edit journal (they are offered again the next time this series is opened)?</source>
        <translation>The contours of the open series have unsaved edits.

Save them as a new version now, or close and keep them in the edit journal (they are offered again the next time this series is opened)?</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="798"/>
        <source>saved on closing the workstation</source>
        <translation>saved on closing the workstation</translation>
    </message>
</context>
<context>
    <name>metis::ui::ModelsDialog</name>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="40"/>
        <source>&amp;Activate</source>
        <translation>&amp;Activate</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="41"/>
        <source>&amp;Register package...</source>
        <translation>&amp;Register package...</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="43"/>
        <source>Metis - models</source>
        <translation>Metis - models</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="57"/>
        <source>Only physicists and administrators register models</source>
        <translation>Only physicists and administrators register models</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="60"/>
        <source>Only physicists and administrators activate models</source>
        <translation>Only physicists and administrators activate models</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="91"/>
        <source>Unsigned package</source>
        <translation>Unsigned package</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="92"/>
        <source>Package signed by %1</source>
        <translation>Package signed by %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="102"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="132"/>
        <source>Model package folder</source>
        <translation>Model package folder</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="143"/>
        <source>Cannot register %1: %2</source>
        <translation>Cannot register %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="149"/>
        <source>Registered model %1 from %2.</source>
        <translation>Registered model %1 from %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="167"/>
        <source>Cannot activate model %1: %2</source>
        <translation>Cannot activate model %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="172"/>
        <source>Model %1 is now the active model.</source>
        <translation>Model %1 is now the active model.</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="188"/>
        <location filename="../ui/src/ModelsDialog.cpp" line="200"/>
        <source>Activate model</source>
        <translation>Activate model</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="189"/>
        <source>Model %1 will be used for every new AI result.
Reason (recorded in the audit log):</source>
        <translation>Model %1 will be used for every new AI result.
Reason (recorded in the audit log):</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="201"/>
        <source>Model %1 names no training cohort: its weights are untrained and its results would be meaningless. Activate it anyway (for a pipeline test only)?</source>
        <translation>Model %1 names no training cohort: its weights are untrained and its results would be meaningless. Activate it anyway (for a pipeline test only)?</translation>
    </message>
</context>
<context>
    <name>metis::ui::PacsQueryDialog</name>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="261"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="287"/>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <source>Modalities</source>
        <translation>Modalities</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="294"/>
        <source>Modality</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="265"/>
        <source>Retrieve</source>
        <translation>Retrieve</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="266"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="268"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="387"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="425"/>
        <source>Query PACS</source>
        <translation>Query PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="271"/>
        <source>* and ? as wildcards</source>
        <translation>* and ? as wildcards</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="272"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="273"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="280"/>
        <source>No DICOM nodes are configured: an administrator adds the PACS under Tools &gt; DICOM nodes.</source>
        <translation>No DICOM nodes are configured: an administrator adds the PACS under Tools &gt; DICOM nodes.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="286"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="288"/>
        <source>Patient name</source>
        <translation>Patient name</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="291"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="293"/>
        <source>Study date</source>
        <translation>Study date</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="307"/>
        <source>Series of the chosen study (ticked ones are retrieved):</source>
        <translation>Series of the chosen study (ticked ones are retrieved):</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="313"/>
        <source>Retrieve by C-MOVE to this workstation; the PACS must know its AE title and port</source>
        <translation>Retrieve by C-MOVE to this workstation; the PACS must know its AE title and port</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="326"/>
        <source>Cancelling after the current series; what arrived is kept...</source>
        <translation>Cancelling after the current series; what arrived is kept...</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="357"/>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PacsDialogs.cpp" line="405"/>
        <source>%n study(ies) found.</source>
        <translation>
            <numerusform>%n study found.</numerusform>
            <numerusform>%n studies found.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="408"/>
        <source>Searching...</source>
        <translation>Searching...</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PacsDialogs.cpp" line="444"/>
        <source>%n series in this study.</source>
        <translation>
            <numerusform>%n series in this study.</numerusform>
            <numerusform>%n series in this study.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="461"/>
        <source>Tick at least one series.</source>
        <translation>Tick at least one series.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="467"/>
        <source>Retrieve from PACS</source>
        <translation>Retrieve from PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="480"/>
        <source>%1 series (%2 images) and %3 structure sets imported, %4 already present; %5 problem(s).</source>
        <translation>%1 series (%2 images) and %3 structure sets imported, %4 already present; %5 problem(s).</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="490"/>
        <source>Retrieval cancelled; what arrived before is imported.</source>
        <translation>Retrieval cancelled; what arrived before is imported.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="496"/>
        <source>Retrieving...</source>
        <translation>Retrieving...</translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientBrowser</name>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="82"/>
        <source>Manual GTV</source>
        <translation>Manual GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="83"/>
        <source>AI result</source>
        <translation>AI result</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="84"/>
        <source>Diagnosed</source>
        <translation>Diagnosed</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="86"/>
        <source>Search patient ID or name</source>
        <translation>Search patient ID or name</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="88"/>
        <source>Any EGFR status</source>
        <translation>Any EGFR status</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="89"/>
        <source>Mutant</source>
        <translation>Mutant</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="90"/>
        <source>Wild-type</source>
        <translation>Wild-type</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="91"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="92"/>
        <source>Any review status</source>
        <translation>Any review status</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="94"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="94"/>
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="95"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="95"/>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PatientBrowser.cpp" line="163"/>
        <location filename="../ui/src/PatientBrowser.cpp" line="165"/>
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
        <location filename="../ui/src/PatientListModel.cpp" line="11"/>
        <source>Mutant</source>
        <translation>Mutant</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="14"/>
        <source>Wild-type</source>
        <translation>Wild-type</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="16"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="21"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="24"/>
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="27"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="30"/>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="86"/>
        <location filename="../ui/src/PatientListModel.cpp" line="88"/>
        <location filename="../ui/src/PatientListModel.cpp" line="104"/>
        <location filename="../ui/src/PatientListModel.cpp" line="106"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="97"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="98"/>
        <source>%1 %2
Diagnosis: %3
EGFR: %4
Series: %5
Manual GTV: %6 (review: %7)
AI result: %8</source>
        <translation>%1 %2
Diagnosis: %3
EGFR: %4
Series: %5
Manual GTV: %6 (review: %7)
AI result: %8</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="104"/>
        <location filename="../ui/src/PatientListModel.cpp" line="106"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="123"/>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="125"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="127"/>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="129"/>
        <source>EGFR</source>
        <translation>EGFR</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="131"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="133"/>
        <source>Manual GTV</source>
        <translation>Manual GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="135"/>
        <source>AI result</source>
        <translation>AI result</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="137"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>metis::ui::SendToPacsDialog</name>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="506"/>
        <source>With its images</source>
        <translation>With its images</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="507"/>
        <source>De-identified (research, PS3.15 Basic Profile)</source>
        <translation>De-identified (research, PS3.15 Basic Profile)</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="509"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="511"/>
        <source>Send contours to PACS</source>
        <translation>Send contours to PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="518"/>
        <source>Names, identifiers and UIDs replaced; dates and sex, age and weight kept. Needs the images, which it de-identifies too.</source>
        <translation>Names, identifiers and UIDs replaced; dates and sex, age and weight kept. Needs the images, which it de-identifies too.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="521"/>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="522"/>
        <source>Contours</source>
        <translation>Contours</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="522"/>
        <source>saved version %1</source>
        <translation>saved version %1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="525"/>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="535"/>
        <source>No DICOM nodes are configured: an administrator adds the PACS under Tools &gt; DICOM nodes.</source>
        <translation>No DICOM nodes are configured: an administrator adds the PACS under Tools &gt; DICOM nodes.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="566"/>
        <source>Send to PACS</source>
        <translation>Send to PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="583"/>
        <source>%1 of %2 files stored at %3.</source>
        <translation>%1 of %2 files stored at %3.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="598"/>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="603"/>
        <source>Sending...</source>
        <translation>Sending...</translation>
    </message>
</context>
<context>
    <name>metis::ui::TrainingWizard</name>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="53"/>
        <source>no image series</source>
        <translation>no image series</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="55"/>
        <source>no manual GTV</source>
        <translation>no manual GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="58"/>
        <source>GTV is %1, not approved</source>
        <translation>GTV is %1, not approved</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="60"/>
        <source>GTV is %1, not corrected or approved</source>
        <translation>GTV is %1, not corrected or approved</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="63"/>
        <source>no known EGFR status</source>
        <translation>no known EGFR status</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="65"/>
        <source>no diagnosis date</source>
        <translation>no diagnosis date</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="71"/>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="94"/>
        <source>Retrain MTSA-Net on this site&apos;s patients</source>
        <translation>Retrain MTSA-Net on this site&apos;s patients</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="115"/>
        <source>An earlier run of this package stopped after epoch %1. Start continues from there.</source>
        <translation>An earlier run of this package stopped after epoch %1. Start continues from there.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="129"/>
        <source>New model package: %1
%2 epochs; best validation Dice %3 (epoch %4).</source>
        <translation>New model package: %1
%2 epochs; best validation Dice %3 (epoch %4).</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="153"/>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="154"/>
        <source>Patients with a reviewed manual GTV, a known EGFR status and a diagnosis date train the model.</source>
        <translation>Patients with a reviewed manual GTV, a known EGFR status and a diagnosis date train the model.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="157"/>
        <source>Approved or locked GTVs</source>
        <translation>Approved or locked GTVs</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="159"/>
        <source>Corrected, approved or locked GTVs</source>
        <translation>Corrected, approved or locked GTVs</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="162"/>
        <source>Every site</source>
        <translation>Every site</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="167"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="167"/>
        <source>Why it cannot train</source>
        <translation>Why it cannot train</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="172"/>
        <source>GTV review</source>
        <translation>GTV review</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="173"/>
        <source>Scanner site</source>
        <translation>Scanner site</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="177"/>
        <source>Left out:</source>
        <translation>Left out:</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="186"/>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="187"/>
        <source>The paper&apos;s temporal split: patients diagnosed after the cutoff test the model, random earlier ones validate it, the others train it.</source>
        <translation>The paper&apos;s temporal split: patients diagnosed after the cutoff test the model, random earlier ones validate it, the others train it.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="199"/>
        <source>Test: diagnosed after</source>
        <translation>Test: diagnosed after</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="200"/>
        <source>Validation patients</source>
        <translation>Validation patients</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="201"/>
        <source>Seed of the validation draw</source>
        <translation>Seed of the validation draw</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="202"/>
        <source>Site held out as external test</source>
        <translation>Site held out as external test</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="213"/>
        <source>Recipe</source>
        <translation>Recipe</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="214"/>
        <source>The network&apos;s size and the training budget. The CPU recipe is the one measured on a 2-core workstation; the paper&apos;s configuration needs a GPU.</source>
        <translation>The network&apos;s size and the training budget. The CPU recipe is the one measured on a 2-core workstation; the paper&apos;s configuration needs a GPU.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="219"/>
        <source>CPU recipe (%1 px, width %2)</source>
        <translation>CPU recipe (%1 px, width %2)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="220"/>
        <source>Paper configuration (%1 px, width %2; GPU)</source>
        <translation>Paper configuration (%1 px, width %2; GPU)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="234"/>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="237"/>
        <location filename="../ui/src/TrainingWizard.cpp" line="613"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="239"/>
        <source>Automatic (the GPU when usable)</source>
        <translation>Automatic (the GPU when usable)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="240"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="241"/>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="243"/>
        <source>every core</source>
        <translation>every core</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="250"/>
        <source>From scratch</source>
        <translation>From scratch</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="253"/>
        <source>Fine-tune the active model (%1)</source>
        <translation>Fine-tune the active model (%1)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="260"/>
        <source>Lesion-weighted Dice + cross-entropy (CPU recipe)</source>
        <translation>Lesion-weighted Dice + cross-entropy (CPU recipe)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="262"/>
        <source>Batch Dice + cross-entropy</source>
        <translation>Batch Dice + cross-entropy</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="263"/>
        <source>The paper&apos;s Dice + focal loss (alpha 0.8, gamma 2)</source>
        <translation>The paper&apos;s Dice + focal loss (alpha 0.8, gamma 2)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="287"/>
        <source>Start from</source>
        <translation>Start from</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="289"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="290"/>
        <source>Input size (px)</source>
        <translation>Input size (px)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="291"/>
        <source>Base width</source>
        <translation>Base width</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="292"/>
        <source>Transformer width</source>
        <translation>Transformer width</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="293"/>
        <source>Attention heads</source>
        <translation>Attention heads</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="294"/>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="295"/>
        <source>Segmentation loss</source>
        <translation>Segmentation loss</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="296"/>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="297"/>
        <source>Epochs at most</source>
        <translation>Epochs at most</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="298"/>
        <source>Stop after epochs without a better validation Dice</source>
        <translation>Stop after epochs without a better validation Dice</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="299"/>
        <source>Slices per epoch</source>
        <translation>Slices per epoch</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="300"/>
        <source>Time budget (minutes)</source>
        <translation>Time budget (minutes)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="301"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="302"/>
        <source>CPU threads</source>
        <translation>CPU threads</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="303"/>
        <source>New model package</source>
        <translation>New model package</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="304"/>
        <source>Measure the time per epoch</source>
        <translation>Measure the time per epoch</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="314"/>
        <location filename="../ui/src/TrainingWizard.cpp" line="650"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="315"/>
        <source>Training runs in a separate process: the workstation stays usable. Stop keeps the last finished epoch; Start continues from it.</source>
        <translation>Training runs in a separate process: the workstation stays usable. Stop keeps the last finished epoch; Start continues from it.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="317"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="318"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="322"/>
        <source>Not started.</source>
        <translation>Not started.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="328"/>
        <source>Training loss</source>
        <translation>Training loss</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="330"/>
        <source>Validation loss</source>
        <translation>Validation loss</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="332"/>
        <source>Validation Dice</source>
        <translation>Validation Dice</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="338"/>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="367"/>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="368"/>
        <source>The new model and the active one on the same test patients, scored by the code of metis-cli evaluate; 95 % bootstrap intervals in brackets.</source>
        <translation>The new model and the active one on the same test patients, scored by the code of metis-cli evaluate; 95 % bootstrap intervals in brackets.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="378"/>
        <source>Evaluate again</source>
        <translation>Evaluate again</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="415"/>
        <source>The evaluation %1 could not be started.</source>
        <translation>The evaluation %1 could not be started.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="424"/>
        <source>Evaluating the new model and the active model %1 on the test patients...</source>
        <translation>Evaluating the new model and the active model %1 on the test patients...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="427"/>
        <source>Evaluating the new model on the test patients (no model is active to compare with)...</source>
        <translation>Evaluating the new model on the test patients (no model is active to compare with)...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="442"/>
        <source>Evaluated on the test patients of the split.</source>
        <translation>Evaluated on the test patients of the split.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="444"/>
        <source>The evaluation failed (exit code %1): %2</source>
        <translation>The evaluation failed (exit code %1): %2</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="460"/>
        <source>internal test</source>
        <translation>internal test</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="461"/>
        <source>external test</source>
        <translation>external test</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="462"/>
        <source>all test patients</source>
        <translation>all test patients</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="464"/>
        <source>New model</source>
        <translation>New model</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="466"/>
        <source>Active model %1</source>
        <translation>Active model %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="491"/>
        <source>Dice, %1 (%n patients)</source>
        <translation>
            <numerusform>Dice, %1 (%n patient)</numerusform>
            <numerusform>Dice, %1 (%n patients)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="493"/>
        <source>HD95 (mm), %1</source>
        <translation>HD95 (mm), %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="495"/>
        <source>False lesions per patient, %1</source>
        <translation>False lesions per patient, %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="497"/>
        <source>Lesions found &lt; 5 / 5-10 / &gt; 10 mm, %1</source>
        <translation>Lesions found &lt; 5 / 5-10 / &gt; 10 mm, %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="505"/>
        <source>EGFR ROC AUC, %1</source>
        <translation>EGFR ROC AUC, %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="508"/>
        <source>EGFR accuracy, %1</source>
        <translation>EGFR accuracy, %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="510"/>
        <source>EGFR calibration error (ECE), %1</source>
        <translation>EGFR calibration error (ECE), %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="517"/>
        <source>Dice on the %1: the new model is better.</source>
        <translation>Dice on the %1: the new model is better.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="519"/>
        <source>Dice on the %1: the active model is better.</source>
        <translation>Dice on the %1: the active model is better.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="521"/>
        <source>Dice on the %1: no difference beyond the intervals.</source>
        <translation>Dice on the %1: no difference beyond the intervals.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="527"/>
        <source>False lesions on the %1: the new model marks fewer.</source>
        <translation>False lesions on the %1: the new model marks fewer.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="529"/>
        <source>False lesions on the %1: the active model marks fewer.</source>
        <translation>False lesions on the %1: the active model marks fewer.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="530"/>
        <source>False lesions on the %1: no difference beyond the intervals.</source>
        <translation>False lesions on the %1: no difference beyond the intervals.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="534"/>
        <source>EGFR AUC on the %1: the new model is better.</source>
        <translation>EGFR AUC on the %1: the new model is better.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="536"/>
        <source>EGFR AUC on the %1: the active model is better.</source>
        <translation>EGFR AUC on the %1: the active model is better.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="537"/>
        <source>EGFR AUC on the %1: no difference beyond the intervals.</source>
        <translation>EGFR AUC on the %1: no difference beyond the intervals.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="541"/>
        <source>No active model to compare with: the figures are the new model&apos;s alone.</source>
        <translation>No active model to compare with: the figures are the new model&apos;s alone.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="548"/>
        <source>Register and activate</source>
        <translation>Register and activate</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="550"/>
        <source>Registering makes the new model available; activating it makes it run on every new AI result (a clinical decision, recorded with its reason).</source>
        <translation>Registering makes the new model available; activating it makes it run on every new AI result (a clinical decision, recorded with its reason).</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="554"/>
        <source>Register the new model</source>
        <translation>Register the new model</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="556"/>
        <source>Why this model should run on patients (audited)</source>
        <translation>Why this model should run on patients (audited)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="557"/>
        <source>Activate...</source>
        <translation>Activate...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="559"/>
        <source>Roll back to the previous model</source>
        <translation>Roll back to the previous model</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="566"/>
        <source>Reason for activating it:</source>
        <translation>Reason for activating it:</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="588"/>
        <source>The patients cannot be read: %1</source>
        <translation>The patients cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="595"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="604"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="608"/>
        <source>%1 eligible patients: %2 EGFR mutant, %3 wild type.
Sites: %4.
Lesions by axial diameter (RANO-BM): under 5 mm %5, 5-10 mm %6, 10-20 mm %7, over 20 mm %8.</source>
        <translation>%1 eligible patients: %2 EGFR mutant, %3 wild type.
Sites: %4.
Lesions by axial diameter (RANO-BM): under 5 mm %5, 5-10 mm %6, 10-20 mm %7, over 20 mm %8.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="619"/>
        <source>(Not counted: the lesions of %n patient(s) whose GTV was imported without lesion sizes.)</source>
        <translation>
            <numerusform>(Not counted: the lesions of %n patient whose GTV was imported without lesion sizes.)</numerusform>
            <numerusform>(Not counted: the lesions of %n patients whose GTV was imported without lesion sizes.)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="645"/>
        <source>%1: %2 patients (%3 EGFR mutant)</source>
        <translation>%1: %2 patients (%3 EGFR mutant)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="651"/>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="652"/>
        <source>Internal test</source>
        <translation>Internal test</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="653"/>
        <source>External test</source>
        <translation>External test</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="658"/>
        <source>This split cannot be used: %1</source>
        <translation>This split cannot be used: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="678"/>
        <source>The new model keeps this model&apos;s network (%1 px, width %2) and starts from its weights, at a tenth of the learning rate; its post-processing is carried over until the new model is recalibrated.</source>
        <translation>The new model keeps this model&apos;s network (%1 px, width %2) and starts from its weights, at a tenth of the learning rate; its post-processing is carried over until the new model is recalibrated.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="685"/>
        <source>This model cannot be fine-tuned: %1</source>
        <translation>This model cannot be fine-tuned: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="761"/>
        <source>Fine-tune %1</source>
        <translation>Fine-tune %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="827"/>
        <source>The measurement failed: %1</source>
        <translation>The measurement failed: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="836"/>
        <source>About %1 s per epoch of %2 slices on the %3, %4 min for %5 epochs (training steps measured now; slice preparation and validation come on top).</source>
        <translation>About %1 s per epoch of %2 slices on the %3, %4 min for %5 epochs (training steps measured now; slice preparation and validation come on top).</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="844"/>
        <source>%1 slices per second on the %2 (training steps measured now).</source>
        <translation>%1 slices per second on the %2 (training steps measured now).</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="851"/>
        <source>Measuring a few training steps...</source>
        <translation>Measuring a few training steps...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="879"/>
        <source>The trainer %1 could not be started.</source>
        <translation>The trainer %1 could not be started.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="890"/>
        <source>Preparing the slices of the training and validation patients...</source>
        <translation>Preparing the slices of the training and validation patients...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="923"/>
        <source>%1 (at most about %2 s left)</source>
        <translation>%1 (at most about %2 s left)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="927"/>
        <source>%1 (at most about %n minute(s) left)</source>
        <translation>
            <numerusform>%1 (at most about %n minute left)</numerusform>
            <numerusform>%1 (at most about %n minutes left)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="972"/>
        <source>Training finished: model package %1.</source>
        <translation>Training finished: model package %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="974"/>
        <source>Training stopped. Start continues from the last finished epoch.</source>
        <translation>Training stopped. Start continues from the last finished epoch.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="979"/>
        <source>The trainer ended unexpectedly (killed or crashed) after %n finished epoch(s); the log below shows its last lines. Start continues from the last finished epoch.</source>
        <translation>
            <numerusform>The trainer ended unexpectedly (killed or crashed) after %n finished epoch; the log below shows its last lines. Start continues from the last finished epoch.</numerusform>
            <numerusform>The trainer ended unexpectedly (killed or crashed) after %n finished epochs; the log below shows its last lines. Start continues from the last finished epoch.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="984"/>
        <source>Training failed (exit code %1); the log below says why. Start tries again from the last finished epoch.</source>
        <translation>Training failed (exit code %1); the log below says why. Start tries again from the last finished epoch.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1001"/>
        <source>Registered as model %1.</source>
        <translation>Registered as model %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1004"/>
        <source>Not registered: %1</source>
        <translation>Not registered: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1014"/>
        <source>Give the reason for activating the model first.</source>
        <translation>Give the reason for activating the model first.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1018"/>
        <source>Activate the new model</source>
        <translation>Activate the new model</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1019"/>
        <source>The new model will produce every new AI result from now on. Activate it?</source>
        <translation>The new model will produce every new AI result from now on. Activate it?</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1028"/>
        <source>Not activated: %1</source>
        <translation>Not activated: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1033"/>
        <source>The new model is now the active model.</source>
        <translation>The new model is now the active model.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1045"/>
        <source>Not rolled back: %1</source>
        <translation>Not rolled back: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1050"/>
        <source>The previous model is the active model again.</source>
        <translation>The previous model is the active model again.</translation>
    </message>
</context>
<context>
    <name>metis::ui::UsersDialog</name>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="24"/>
        <source>oncologist</source>
        <translation>oncologist</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="26"/>
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="28"/>
        <source>physicist</source>
        <translation>physicist</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="30"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="51"/>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="52"/>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="53"/>
        <source>Set password...</source>
        <translation>Set password...</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="54"/>
        <source>OS account...</source>
        <translation>OS account...</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="55"/>
        <location filename="../ui/src/UsersDialog.cpp" line="193"/>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="56"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <location filename="../ui/src/UsersDialog.cpp" line="83"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>Signs in with</source>
        <translation>Signs in with</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="66"/>
        <source>at least 8 characters, or empty</source>
        <translation>at least 8 characters, or empty</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="67"/>
        <source>optional: the OS account that signs in as this user</source>
        <translation>optional: the OS account that signs in as this user</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="79"/>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="81"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="82"/>
        <source>Name shown</source>
        <translation>Name shown</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="84"/>
        <location filename="../ui/src/UsersDialog.cpp" line="129"/>
        <source>OS account</source>
        <translation>OS account</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="85"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="97"/>
        <source>Only an administrator manages users; you may set your own password.</source>
        <translation>Only an administrator manages users; you may set your own password.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="118"/>
        <source>Set password</source>
        <translation>Set password</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="119"/>
        <source>New password for %1 (at least 8 characters; empty removes it):</source>
        <translation>New password for %1 (at least 8 characters; empty removes it):</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="130"/>
        <source>OS account that signs in as %1 (empty: none):</source>
        <translation>OS account that signs in as %1 (empty: none):</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="152"/>
        <source>OS account %1</source>
        <translation>OS account %1</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="155"/>
        <source>password</source>
        <translation>password</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="160"/>
        <source>nothing: cannot sign in</source>
        <translation>nothing: cannot sign in</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="161"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="161"/>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="194"/>
        <source>Reactivate</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="210"/>
        <source>Not changed: %1</source>
        <translation>Not changed: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="231"/>
        <source>Added %1.</source>
        <translation>Added %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="237"/>
        <source>Password of %1 removed.</source>
        <translation>Password of %1 removed.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="238"/>
        <source>Password of %1 set.</source>
        <translation>Password of %1 set.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="244"/>
        <source>%1 is bound to no OS account.</source>
        <translation>%1 is bound to no OS account.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="245"/>
        <source>%1 signs in as the OS account %2.</source>
        <translation>%1 signs in as the OS account %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="250"/>
        <source>%1 is now %2.</source>
        <translation>%1 is now %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="255"/>
        <source>%1 may sign in again.</source>
        <translation>%1 may sign in again.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="256"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 can no longer sign in.</translation>
    </message>
</context>
<context>
    <name>metis::ui::VersionsDialog</name>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="16"/>
        <source>Contour versions</source>
        <translation>Contour versions</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Saved (UTC)</source>
        <translation>Saved (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="21"/>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="21"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="21"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="43"/>
        <source>Compare the two selected versions</source>
        <translation>Compare the two selected versions</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="45"/>
        <source>Select two versions to compare them.</source>
        <translation>Select two versions to compare them.</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="52"/>
        <source>Select exactly two versions.</source>
        <translation>Select exactly two versions.</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="67"/>
        <source>Version %1 against version %2: Dice %3, HD95 %4 mm (95th percentile of the surface distances of both directions pooled), volumes %5 ml and %6 ml, lesions %7 matched, %8 only in %1, %9 only in %2.</source>
        <translation>Version %1 against version %2: Dice %3, HD95 %4 mm (95th percentile of the surface distances of both directions pooled), volumes %5 ml and %6 ml, lesions %7 matched, %8 only in %1, %9 only in %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="80"/>
        <source>Cannot compare versions %1 and %2: %3</source>
        <translation>Cannot compare versions %1 and %2: %3</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::LayerLegend</name>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="29"/>
        <source>Manual GTV</source>
        <translation>Manual GTV</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="32"/>
        <source>Predicted GTV</source>
        <translation>Predicted GTV</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="82"/>
        <source>Colours</source>
        <translation>Colours</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="86"/>
        <source>Colour-blind safe colours</source>
        <translation>Colour-blind safe colours</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="88"/>
        <source>Orange and purple instead of yellow and green: told apart with red-green colour blindness</source>
        <translation>Orange and purple instead of yellow and green: told apart with red-green colour blindness</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="196"/>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="262"/>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="264"/>
        <source>Show or hide this layer in every view</source>
        <translation>Show or hide this layer in every view</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="202"/>
        <source>Outline or fill, opacity</source>
        <translation>Outline or fill, opacity</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="204"/>
        <source>Fill</source>
        <translation>Fill</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="207"/>
        <source>Fill the layer&apos;s voxels instead of outlining them</source>
        <translation>Fill the layer&apos;s voxels instead of outlining them</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="211"/>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::SceneView3D</name>
    <message>
        <location filename="../viewer/widgets/src/SceneView3D.cpp" line="29"/>
        <source>3D, seen from the front (A)</source>
        <translation>3D, seen from the front (A)</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SceneView3D.cpp" line="46"/>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::SliceView</name>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="31"/>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="33"/>
        <source>Coronal</source>
        <translation>Coronal</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="35"/>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="45"/>
        <source>LPS (%1, %2, %3) mm</source>
        <translation>LPS (%1, %2, %3) mm</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="48"/>
        <source>outside the volume</source>
        <translation>outside the volume</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="51"/>
        <source>voxel [%1, %2, %3]  %4</source>
        <translation>voxel [%1, %2, %3]  %4</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="240"/>
        <source>No image</source>
        <translation>No image</translation>
    </message>
</context>
</TS>
