<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>PatientReport</name>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="58"/>
        <location filename="../ui/src/PatientReport.cpp" line="324"/>
        <source>Metis brain metastasis report</source>
        <translation>Metis-Befundbericht Hirnmetastasen</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="62"/>
        <source>Patient and study</source>
        <translation>Patient und Studie</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="63"/>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="64"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="65"/>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="66"/>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="67"/>
        <source>Study date</source>
        <translation>Studiendatum</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="68"/>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="69"/>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="90"/>
        <source>AI result</source>
        <translation>KI-Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="93"/>
        <location filename="../ui/src/PatientReport.cpp" line="129"/>
        <source>EGFR call</source>
        <translation>EGFR-Einstufung</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="94"/>
        <source>EGFR mutation probability</source>
        <translation>EGFR-Mutationswahrscheinlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="97"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="101"/>
        <source>Model version</source>
        <translation>Modellversion</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="107"/>
        <source>Inference run</source>
        <translation>Inferenzlauf</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="109"/>
        <source>Post-processing</source>
        <translation>Nachverarbeitung</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="111"/>
        <source>threshold %1, smallest lesion %2 mm³, chosen by the reader</source>
        <translation>Schwellenwert %1, kleinste Läsion %2 mm³, vom Befunder gewählt</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="113"/>
        <source>threshold %1, smallest lesion %2 mm³, the model package&apos;s</source>
        <translation>Schwellenwert %1, kleinste Läsion %2 mm³, Vorgaben des Modellpakets</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="124"/>
        <source>Doubts</source>
        <translation>Zweifel</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="130"/>
        <source>no AI result: the model has not been run on this series</source>
        <translation>kein KI-Ergebnis: Das Modell wurde auf dieser Serie noch nicht ausgeführt</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="133"/>
        <source>Recorded EGFR status</source>
        <translation>Dokumentierter EGFR-Status</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="136"/>
        <source>not recorded</source>
        <translation>nicht dokumentiert</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="139"/>
        <source>Dice, manual vs AI GTV</source>
        <translation>Dice, manuelles vs. KI-GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="143"/>
        <source>HD95, manual vs AI GTV (mm)</source>
        <translation>HD95, manuelles vs. KI-GTV (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="73"/>
        <source>Manual GTV</source>
        <translation>Manuelles GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="75"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="79"/>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="81"/>
        <source>%1 by %2 at %3</source>
        <translation>%1 von %2 am %3</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="169"/>
        <source>GTV volumes per lesion</source>
        <translation>GTV-Volumina je Läsion</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="172"/>
        <source>No GTV lesions.</source>
        <translation>Keine GTV-Läsionen.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="177"/>
        <source>Lesion</source>
        <translation>Läsion</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="177"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="178"/>
        <source>Manual GTV (ml)</source>
        <translation>Manuelles GTV (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="178"/>
        <source>AI GTV (ml)</source>
        <translation>KI-GTV (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="180"/>
        <source>AI review</source>
        <translation>KI-Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="188"/>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="189"/>
        <source>rejected</source>
        <translation>verworfen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PatientReport.cpp" line="212"/>
        <source>%n AI lesion(s) rejected at review are not listed.</source>
        <translation>
            <numerusform>%n bei der Prüfung verworfene KI-Läsion ist nicht aufgeführt.</numerusform>
            <numerusform>%n bei der Prüfung verworfene KI-Läsionen sind nicht aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="152"/>
        <source>Key images</source>
        <translation>Schlüsselbilder</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="179"/>
        <source>Axial diameter (mm)</source>
        <translation>Axialer Durchmesser (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="179"/>
        <source>3D extent (mm)</source>
        <translation>3D-Ausdehnung (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="204"/>
        <source>Axial diameter: RANO-BM, the longest diameter within one axial slice, edge to edge. 3D extent: the largest distance between two voxel centres, which thick slices inflate.</source>
        <translation>Axialer Durchmesser: RANO-BM, der längste Durchmesser innerhalb einer axialen Schicht, von Rand zu Rand. 3D-Ausdehnung: der größte Abstand zweier Voxelmittelpunkte, den dicke Schichten vergrößern.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="222"/>
        <source>Created %1 by %2 with Metis.</source>
        <translation>Erstellt am %1 von %2 mit Metis.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="224"/>
        <source>unknown user</source>
        <translation>unbekannter Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="275"/>
        <source>SYNTHETIC PHANTOM / research use only, not for clinical decisions.</source>
        <translation>SYNTHETISCHES PHANTOM / nur für Forschungszwecke, nicht für klinische Entscheidungen.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="280"/>
        <source>EGFR mutant</source>
        <translation>EGFR mutiert</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="283"/>
        <source>EGFR wild type</source>
        <translation>EGFR Wildtyp</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="285"/>
        <source>undetermined</source>
        <translation>nicht bestimmt</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="313"/>
        <location filename="../ui/src/PatientReport.cpp" line="336"/>
        <source>cannot write the report %1: %2</source>
        <translation>Der Bericht %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="153"/>
        <source>Manual GTV yellow (solid), AI GTV green (dashed); radiological view (R on the left), 10 mm bar.</source>
        <translation>Manuelles GTV gelb (durchgezogen), KI-GTV grün (gestrichelt); radiologische Ansicht (R links), Balken 10 mm.</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="303"/>
        <source>manual GTV only</source>
        <translation>nur manuelles GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="307"/>
        <source>AI GTV only</source>
        <translation>nur KI-GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="424"/>
        <source>%1, axial slice at z = %2 mm</source>
        <translation>%1, axiale Schicht bei z = %2 mm</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../ui/src/FileDialogs.cpp" line="20"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/src/FileDialogs.cpp" line="23"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/src/FileDialogs.cpp" line="24"/>
        <source>%1 file</source>
        <translation>%1-Datei</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/main.cpp" line="127"/>
        <source>Exit as soon as the window is on screen with the first page of patients listed (start-up timing).</source>
        <translation>Beenden, sobald das Fenster mit der ersten Seite der Patientenliste angezeigt wird (Startzeitmessung).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="136"/>
        <source>Metis brain metastasis workstation</source>
        <translation>Metis-Arbeitsplatz für Hirnmetastasen</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="104"/>
        <source>Database file.</source>
        <translation>Datenbankdatei.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="107"/>
        <source>Sign in as this user without asking.</source>
        <translation>Ohne Nachfrage als dieser Benutzer anmelden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="109"/>
        <source>Open this patient.</source>
        <translation>Diesen Patienten öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="113"/>
        <source>Save the main window as PNG once it is idle, then exit.</source>
        <translation>Hauptfenster als PNG speichern, sobald es bereit ist, dann beenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="117"/>
        <source>Side panel to show with the --open patient: inference (runs the model first when the patient has no AI result), comparison (manual against AI GTV), editing (the contour editor) or browser.</source>
        <translation>Seitenleiste für den mit --open geöffneten Patienten: inference (führt das Modell zuerst aus, wenn der Patient kein KI-Ergebnis hat), comparison (manuelles gegen KI-GTV), editing (der Kontureditor) oder browser.</translation>
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
        <translation>Die Patientendatenbank kann nicht geöffnet werden:
%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="255"/>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="123"/>
        <source>Model package folder for inference (default: the active registered model).</source>
        <translation>Ordner des Modellpakets für die Inferenz (Standard: das aktive registrierte Modell).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="131"/>
        <source>Write the PDF report of the --open patient to this file, then exit.</source>
        <translation>Den PDF-Bericht des mit --open geöffneten Patienten in diese Datei schreiben, dann beenden.</translation>
    </message>
</context>
<context>
    <name>metis::ui::AuditLogDialog</name>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="277"/>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="279"/>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="280"/>
        <source>patient, series or structure set</source>
        <translation>Patient, Serie oder Strukturdatensatz</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="281"/>
        <source>action (prefix)</source>
        <translation>Aktion (Anfang)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Entity</source>
        <translation>Objekt</translation>
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
        <translation>Audit-Kette geprüft: %1 Einträge, keine Manipulation gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="304"/>
        <source>WARNING: %1</source>
        <translation>WARNUNG: %1</translation>
    </message>
</context>
<context>
    <name>metis::ui::ComparisonPanel</name>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="56"/>
        <source>matched</source>
        <translation>zugeordnet</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="58"/>
        <source>missed</source>
        <translation>verfehlt</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="60"/>
        <source>false positive</source>
        <translation>falsch positiv</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="68"/>
        <source>Open a patient with a manual and an AI GTV to compare them.</source>
        <translation>Öffnen Sie einen Patienten mit manuellem und KI-GTV, um sie zu vergleichen.</translation>
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
        <translation>Manuell (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>AI (ml)</source>
        <translation>KI (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>AI - manual (ml)</source>
        <translation>KI - manuell (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>Axial diameter (mm)</source>
        <translation>Axialer Durchmesser (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>3D extent (mm)</source>
        <translation>3D-Ausdehnung (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="76"/>
        <source>AI review</source>
        <translation>KI-Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="22"/>
        <source>HD95: the 95th percentile of the surface distances of both directions pooled (manual to AI and AI to manual), in 3D on the series grid, in mm. Per lesion: the lesion&apos;s manual surface against the union of the AI components that overlap it.</source>
        <translation>HD95: das 95. Perzentil der Oberflächenabstände beider Richtungen zusammen (manuell zu KI und KI zu manuell), in 3D auf dem Raster der Serie, in mm. Je Läsion: die manuelle Oberfläche der Läsion gegen die Vereinigung der KI-Komponenten, die sie überlappen.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="79"/>
        <source>A reader&apos;s decision on the AI lesion: confirmed or rejected</source>
        <translation>Entscheidung eines Befunders zur KI-Läsion: bestätigt oder verworfen</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="82"/>
        <source>RANO-BM: the longest diameter within one axial slice, edge to edge</source>
        <translation>RANO-BM: der längste Durchmesser innerhalb einer axialen Schicht, von Rand zu Rand</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="84"/>
        <source>Largest distance between two voxel centres of the lesion in 3D; thick slices inflate it</source>
        <translation>Größter Abstand zweier Voxelmittelpunkte der Läsion in 3D; dicke Schichten vergrößern ihn</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="90"/>
        <source>Click a lesion to centre the viewer on it.</source>
        <translation>Klicken Sie auf eine Läsion, um die Ansicht darauf zu zentrieren.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="96"/>
        <source>Accept AI lesion</source>
        <translation>KI-Läsion übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="99"/>
        <source>Confirm the selected row&apos;s AI lesion; one without a manual contour is copied into the manual contours</source>
        <translation>Die KI-Läsion der gewählten Zeile bestätigen; eine ohne manuelle Kontur wird in die manuellen Konturen kopiert</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="101"/>
        <source>Reject AI lesion</source>
        <translation>KI-Läsion verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="103"/>
        <source>Record the selected row&apos;s AI lesion as not a metastasis; the report leaves a rejected false positive out</source>
        <translation>Die KI-Läsion der gewählten Zeile als keine Metastase festhalten; der Bericht lässt ein verworfenes falsch Positives weg</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="122"/>
        <source>Lesion diameter</source>
        <translation>Läsionsdurchmesser</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="122"/>
        <source>Detected / lesions</source>
        <translation>Erkannt / Läsionen</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="122"/>
        <source>Sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="133"/>
        <source>Sensitivity by lesion size (manual axial diameter, RANO-BM)</source>
        <translation>Sensitivität nach Läsionsgröße (axialer Durchmesser manuell, RANO-BM)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="176"/>
        <source>This patient has neither a manual nor an AI GTV.</source>
        <translation>Dieser Patient hat weder ein manuelles noch ein KI-GTV.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="177"/>
        <source>This patient has no manual GTV to compare with.</source>
        <translation>Dieser Patient hat kein manuelles GTV zum Vergleich.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="178"/>
        <source>This patient has no AI result yet: run the model in the inference panel first.</source>
        <translation>Dieser Patient hat noch kein KI-Ergebnis: Führen Sie zuerst das Modell in der Inferenz-Leiste aus.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="182"/>
        <source>Comparing the manual and the AI GTV...</source>
        <translation>Manuelles und KI-GTV werden verglichen...</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="185"/>
        <source>Manual versus AI GTV</source>
        <translation>Manuelles gegen KI-GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="198"/>
        <source>The comparison failed: %1</source>
        <translation>Der Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="203"/>
        <source>The comparison was cancelled.</source>
        <translation>Der Vergleich wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="222"/>
        <source>Manual GTV (yellow) against the AI GTV (green, dashed).</source>
        <translation>Manuelles GTV (gelb) gegen das KI-GTV (grün, gestrichelt).</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="225"/>
        <source>Patient: Dice %1, HD95 %2 mm, precision %3, recall %4
Volume: manual %5 ml, AI %6 ml
Lesions: %7 matched, %8 missed, %9 false positive</source>
        <translation>Patient: Dice %1, HD95 %2 mm, Präzision %3, Sensitivität %4
Volumen: manuell %5 ml, KI %6 ml
Läsionen: %7 zugeordnet, %8 verfehlt, %9 falsch positiv</translation>
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
        <translation>bestätigt (%1)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="298"/>
        <source>rejected (%1)</source>
        <translation>verworfen (%1)</translation>
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
        <translation>koronar</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="58"/>
        <source>sagittal</source>
        <translation>sagittal</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="92"/>
        <source>Keep recovered edits</source>
        <translation>Wiederhergestellte Änderungen behalten</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="93"/>
        <source>Discard them</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="107"/>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="111"/>
        <source>Navigate (N)</source>
        <translation>Navigieren (N)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="112"/>
        <source>Brush (B)</source>
        <translation>Pinsel (B)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="113"/>
        <source>Eraser (E)</source>
        <translation>Radierer (E)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="114"/>
        <source>Contour (C)</source>
        <translation>Kontur (C)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="115"/>
        <source>Split line (S)</source>
        <translation>Trennlinie (S)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="128"/>
        <source>Drag a line across a lesion to cut it in two: the part on one side becomes a new lesion (the cut runs through every slice)</source>
        <translation>Eine Linie quer über eine Läsion ziehen, um sie zu teilen: der Teil auf einer Seite wird eine neue Läsion (der Schnitt geht durch alle Schichten)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="135"/>
        <source>Brush and lesion</source>
        <translation>Pinsel und Läsion</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="141"/>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="143"/>
        <source>Brush diameter ([ smaller, ] larger)</source>
        <translation>Pinseldurchmesser ([ kleiner, ] größer)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="148"/>
        <source>3D ball</source>
        <translation>3D-Kugel</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="149"/>
        <source>Paint a ball through neighbouring slices instead of a disc</source>
        <translation>Eine Kugel durch benachbarte Schichten malen statt einer Scheibe</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="158"/>
        <source>New lesion</source>
        <translation>Neue Läsion</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="160"/>
        <source>Diameter</source>
        <translation>Durchmesser</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="163"/>
        <source>Lesion</source>
        <translation>Läsion</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="166"/>
        <source>Only intensities</source>
        <translation>Nur Intensitäten</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="167"/>
        <source>Threshold-assisted paint: only voxels within the range change</source>
        <translation>Schwellenwert-gestütztes Malen: nur Voxel im Bereich ändern sich</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="182"/>
        <source>From cursor</source>
        <translation>Vom Cursor</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="183"/>
        <source>Range around the intensity under the crosshair (plus or minus 20 %)</source>
        <translation>Bereich um die Intensität unter dem Fadenkreuz (plus/minus 20 %)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="204"/>
        <source>Lesion operations</source>
        <translation>Läsionsoperationen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="210"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="614"/>
        <source>Fill holes</source>
        <translation>Löcher füllen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="211"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="621"/>
        <source>Remove islands</source>
        <translation>Inseln entfernen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="212"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="627"/>
        <source>Smooth</source>
        <translation>Glätten</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="213"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="633"/>
        <source>Interpolate slices</source>
        <translation>Schichten interpolieren</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="214"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="647"/>
        <source>Copy to next slice</source>
        <translation>In nächste Schicht kopieren</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="215"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="647"/>
        <source>Copy to previous slice</source>
        <translation>In vorige Schicht kopieren</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="216"/>
        <source>Split into pieces</source>
        <translation>In Teile aufteilen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="217"/>
        <source>Merge lesion at cursor into this one</source>
        <translation>Läsion am Cursor mit dieser vereinen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="218"/>
        <source>Delete lesion</source>
        <translation>Läsion löschen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="219"/>
        <source>Accept AI lesion at cursor</source>
        <translation>KI-Läsion am Cursor übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="220"/>
        <source>Reject AI lesion at cursor</source>
        <translation>KI-Läsion am Cursor verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="234"/>
        <source>Save version...</source>
        <translation>Version speichern...</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="235"/>
        <source>Discard edits</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="243"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="270"/>
        <source>Save contours</source>
        <translation>Konturen speichern</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="244"/>
        <source>Note for this version (optional):</source>
        <translation>Notiz zu dieser Version (optional):</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="265"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="790"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="267"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="793"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="280"/>
        <source>Undo the last edit (%1)</source>
        <translation>Letzte Bearbeitung rückgängig machen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="281"/>
        <source>Redo the edit undone last (%1)</source>
        <translation>Zuletzt rückgängig gemachte Bearbeitung wiederholen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="282"/>
        <source>Save the edits as a new version (%1)</source>
        <translation>Bearbeitungen als neue Version speichern (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/ContourEditPanel.cpp" line="337"/>
        <source>%n unsaved edit step(s) of this series from an earlier session were recovered and are shown.</source>
        <translation>
            <numerusform>%n ungespeicherter Bearbeitungsschritt dieser Serie aus einer früheren Sitzung wurde wiederhergestellt und wird angezeigt.</numerusform>
            <numerusform>%n ungespeicherte Bearbeitungsschritte dieser Serie aus einer früheren Sitzung wurden wiederhergestellt und werden angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="385"/>
        <source>Contours cannot be edited: %1</source>
        <translation>Konturen können nicht bearbeitet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="506"/>
        <source>The edit was not kept (%1); the contours are as before it.</source>
        <translation>Die Änderung wurde nicht übernommen (%1); die Konturen sind wie zuvor.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="518"/>
        <source>Undo failed: %1</source>
        <translation>Rückgängig fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="522"/>
        <source>Redo failed: %1</source>
        <translation>Wiederholen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="549"/>
        <source>Nothing to save.</source>
        <translation>Nichts zu speichern.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="561"/>
        <source>Saved as version %1.</source>
        <translation>Als Version %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="566"/>
        <source>Not saved: %1. The edits are kept and journalled.</source>
        <translation>Nicht gespeichert: %1. Die Änderungen bleiben erhalten und sind protokolliert.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="637"/>
        <source>Interpolate slices %1-%2</source>
        <translation>Schichten %1-%2 interpolieren</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="666"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="671"/>
        <source>Split %1</source>
        <translation>%1 aufteilen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="681"/>
        <source>Place the crosshair on another lesion to merge it into %1.</source>
        <translation>Setzen Sie das Fadenkreuz auf eine andere Läsion, um sie mit %1 zu vereinen.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="686"/>
        <source>Merge %1 into %2</source>
        <translation>%1 mit %2 vereinen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="696"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="718"/>
        <source>There is no AI result to review.</source>
        <translation>Es gibt kein KI-Ergebnis zu prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="701"/>
        <source>Place the crosshair on an AI lesion.</source>
        <translation>Das Fadenkreuz auf eine KI-Läsion setzen.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="725"/>
        <source>%1 was not reviewed: %2</source>
        <translation>%1 wurde nicht bewertet: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="730"/>
        <source>%1 rejected.</source>
        <translation>%1 verworfen.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="735"/>
        <source>Accept %1</source>
        <translation>%1 übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="741"/>
        <source>%1 confirmed and copied into the manual contours as %2.</source>
        <translation>%1 bestätigt und als %2 in die manuellen Konturen kopiert.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="743"/>
        <source>%1 confirmed; the manual contours already cover it.</source>
        <translation>%1 bestätigt; die manuellen Konturen decken sie bereits ab.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="767"/>
        <source>Open a patient to edit its contours.</source>
        <translation>Öffnen Sie einen Patienten, um seine Konturen zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="770"/>
        <source>Manual GTV: version %1 (%2). Choose a tool to edit it.</source>
        <translation>Manuelles GTV: Version %1 (%2). Wählen Sie ein Werkzeug zum Bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="773"/>
        <source>No manual GTV yet. Choose a tool to draw one.</source>
        <translation>Noch kein manuelles GTV. Wählen Sie ein Werkzeug zum Zeichnen.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="776"/>
        <source>Editing version %1</source>
        <translation>Bearbeitung von Version %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="776"/>
        <source>Editing a new contour set</source>
        <translation>Bearbeitung eines neuen Kontursatzes</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="778"/>
        <source> (locked: saving makes a new version)</source>
        <translation> (gesperrt: Speichern erzeugt eine neue Version)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="780"/>
        <source>: unsaved edits, journalled</source>
        <translation>: ungespeicherte Änderungen, protokolliert</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="781"/>
        <source>: no unsaved edits</source>
        <translation>: keine ungespeicherten Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="784"/>
        <source>Slice operations act along the framed view: %1.</source>
        <translation>Schichtoperationen wirken entlang der umrandeten Ansicht: %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="789"/>
        <source>Undo %1</source>
        <translation>%1 rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="792"/>
        <source>Redo %1</source>
        <translation>%1 wiederholen</translation>
    </message>
</context>
<context>
    <name>metis::ui::ContourReview</name>
    <message>
        <location filename="../ui/src/ContourReview.cpp" line="20"/>
        <source>The series has no manual GTV to review.</source>
        <translation>Die Serie hat kein manuelles GTV zum Prüfen.</translation>
    </message>
</context>
<context>
    <name>metis::ui::DemoCohortDialog</name>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="17"/>
        <source>Demo cohort</source>
        <translation>Demo-Kohorte</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="20"/>
        <source>&lt;p&gt;The patient database is empty.&lt;/p&gt;&lt;p&gt;Metis can create a &lt;b&gt;demo cohort&lt;/b&gt; of %1 synthetic patients (MR series, manual contours and EGFR labels generated on the Colin27 brain; SYNTHETIC, not patient data), import it and activate the demo model shipped with Metis (trained on phantom data, research use only). This takes about two minutes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Patientendatenbank ist leer.&lt;/p&gt;&lt;p&gt;Metis kann eine &lt;b&gt;Demo-Kohorte&lt;/b&gt; mit %1 synthetischen Patienten erzeugen (MR-Serien, manuelle Konturen und EGFR-Status, generiert auf dem Colin27-Gehirn; SYNTHETISCH, keine Patientendaten), sie importieren und das mit Metis gelieferte Demo-Modell aktivieren (auf Phantomdaten trainiert, nur für die Forschung). Das dauert etwa zwei Minuten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="29"/>
        <source>Cohort folder: %1</source>
        <translation>Kohortenordner: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="42"/>
        <source>Create the demo cohort</source>
        <translation>Demo-Kohorte erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="43"/>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="74"/>
        <source>The folder %1 exists already and is not empty; move it away or import it with File &gt; Import studies.</source>
        <translation>Der Ordner %1 existiert bereits und ist nicht leer; verschieben Sie ihn oder importieren Sie ihn mit Datei &gt; Studien importieren.</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="85"/>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="91"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="94"/>
        <source>Generating the demo cohort...</source>
        <translation>Demo-Kohorte wird erzeugt...</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="113"/>
        <source>Generating the demo cohort: patient %1 of %2</source>
        <translation>Demo-Kohorte wird erzeugt: Patient %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="133"/>
        <source>The demo cohort could not be generated (%1).</source>
        <translation>Die Demo-Kohorte konnte nicht erzeugt werden (%1).</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="134"/>
        <source>the generator ended with status %1</source>
        <translation>der Generator endete mit Status %1</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="144"/>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen...</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="152"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>metis::ui::DicomNodesDialog</name>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="67"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
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
        <translation>AE-Titel</translation>
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
        <translation>Knoten speichern</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="71"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="72"/>
        <source>Test (C-ECHO)</source>
        <translation>Testen (C-ECHO)</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="73"/>
        <source>DICOM nodes</source>
        <translation>DICOM-Knoten</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="85"/>
        <source>This workstation</source>
        <translation>Diese Arbeitsstation</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="88"/>
        <source>Listening port</source>
        <translation>Empfangsport</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="89"/>
        <source>Associations at once</source>
        <translation>Gleichzeitige Assoziationen</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="105"/>
        <source>Nodes (the listener accepts these AE titles only):</source>
        <translation>Knoten (der Empfang nimmt nur diese AE-Titel an):</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="118"/>
        <source>Only an administrator configures DICOM nodes</source>
        <translation>Nur ein Administrator konfiguriert DICOM-Knoten</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="176"/>
        <source>Saved %1: %2. The listener accepts it from now on.</source>
        <translation>%1 gespeichert: %2. Der Empfang nimmt ihn ab jetzt an.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="182"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="208"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="191"/>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="195"/>
        <source>Not removed: %1</source>
        <translation>Nicht entfernt: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="204"/>
        <source>This workstation is now %1 on port %2.</source>
        <translation>Diese Arbeitsstation ist jetzt %1 auf Port %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="219"/>
        <source>Choose a saved node to test.</source>
        <translation>Wählen Sie einen gespeicherten Knoten zum Testen.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="229"/>
        <source>C-ECHO</source>
        <translation>C-ECHO</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="236"/>
        <source>Testing %1...</source>
        <translation>%1 wird getestet...</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="240"/>
        <source>%1 answered C-ECHO in %2 ms.</source>
        <translation>%1 hat C-ECHO in %2 ms beantwortet.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="246"/>
        <source>%1 did not answer: %2</source>
        <translation>%1 hat nicht geantwortet: %2</translation>
    </message>
</context>
<context>
    <name>metis::ui::ImportDialog</name>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="112"/>
        <location filename="../ui/src/Dialogs.cpp" line="212"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="113"/>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="114"/>
        <source>Import studies</source>
        <translation>Studien importieren</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="116"/>
        <source>Add folder...</source>
        <translation>Ordner hinzufügen...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="117"/>
        <source>Add files...</source>
        <translation>Dateien hinzufügen...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="118"/>
        <source>Clinical CSV...</source>
        <translation>Klinische CSV...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="119"/>
        <source>optional: patient id, diagnosis date, EGFR status</source>
        <translation>optional: Patienten-ID, Diagnosedatum, EGFR-Status</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="138"/>
        <source>DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:</source>
        <translation>DICOM-Ordner oder -Dateien, RTSTRUCTs, NIfTI-Volumen und -Masken:</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="153"/>
        <source>Cancelling after the current series...</source>
        <translation>Abbruch nach der aktuellen Serie...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="159"/>
        <source>Add a folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="166"/>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="173"/>
        <source>Clinical CSV</source>
        <translation>Klinische CSV</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="173"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="199"/>
        <source>Add a folder, files or a clinical CSV first.</source>
        <translation>Bitte zuerst einen Ordner, Dateien oder eine klinische CSV hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="229"/>
        <source>Import cancelled. Series imported before the cancel are kept.</source>
        <translation>Import abgebrochen. Vor dem Abbruch importierte Serien bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="233"/>
        <source>Import stopped: %1</source>
        <translation>Import angehalten: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="234"/>
        <source>ERROR: %1</source>
        <translation>FEHLER: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="247"/>
        <source>Importing...</source>
        <translation>Importiere...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="253"/>
        <source>%1 series (%2 images), %3 structure sets and %4 clinical rows imported; %5 already present; %6 problem(s).</source>
        <translation>%1 Serien (%2 Bilder), %3 Strukturdatensätze und %4 klinische Zeilen importiert; %5 bereits vorhanden; %6 Problem(e).</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="263"/>
        <source>ERROR  %1: %2</source>
        <translation>FEHLER %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="268"/>
        <source>note   %1: %2</source>
        <translation>Hinweis %1: %2</translation>
    </message>
</context>
<context>
    <name>metis::ui::InferencePanel</name>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="38"/>
        <source>Research use only: untrained model with random weights; these figures mean nothing.</source>
        <translation>Nur für Forschungszwecke: untrainiertes Modell mit Zufallsgewichten; diese Werte sind bedeutungslos.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="41"/>
        <source>Research use only: phantom-trained model, not validated on patients. Not for clinical decisions.</source>
        <translation>Nur für Forschungszwecke: an Phantomen trainiertes Modell, nicht an Patienten validiert. Nicht für klinische Entscheidungen.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="46"/>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>Nur für Forschungszwecke. Nicht für klinische Entscheidungen.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="55"/>
        <source>Implausible: %1 lesions (more than %2).</source>
        <translation>Unplausibel: %1 Läsionen (mehr als %2).</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="59"/>
        <source>Implausible: total GTV %1 ml (more than %2 ml).</source>
        <translation>Unplausibel: GTV gesamt %1 ml (mehr als %2 ml).</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="62"/>
        <source>Implausible: %1 % of the GTV lies in the scalp or outside the head (more than %2 %).</source>
        <translation>Unplausibel: %1 % des GTV liegen in der Kopfhaut oder außerhalb des Kopfes (mehr als %2 %).</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="67"/>
        <source>Uncertain EGFR call: probability %1, close to 0.5.</source>
        <translation>Unsichere EGFR-Vorhersage: Wahrscheinlichkeit %1, nahe 0,5.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="70"/>
        <source>The AI EGFR call disagrees with the recorded EGFR status.</source>
        <translation>Die EGFR-Vorhersage der KI widerspricht dem dokumentierten EGFR-Status.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="86"/>
        <source>&amp;Run MTSA-Net</source>
        <translation>MTSA-Net &amp;ausführen</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="87"/>
        <source>Segment the metastases and predict the EGFR status of the open series; the result is stored in the database</source>
        <translation>Die Metastasen segmentieren und den EGFR-Status der geöffneten Serie vorhersagen; das Ergebnis wird in der Datenbank gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="89"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="105"/>
        <source>GTV probability at or above which a voxel is tumour; the model package&apos;s value was chosen on its validation patients</source>
        <translation>GTV-Wahrscheinlichkeit, ab der ein Voxel Tumor ist; der Wert des Modellpakets wurde an dessen Validierungspatienten gewählt</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="113"/>
        <source>Predicted lesions smaller than this are dropped</source>
        <translation>Vorhergesagte Läsionen, die kleiner sind, werden verworfen</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="114"/>
        <source>Package defaults</source>
        <translation>Vorgaben des Pakets</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="115"/>
        <source>Back to the model package&apos;s threshold and smallest lesion</source>
        <translation>Zurück zu Schwellenwert und kleinster Läsion des Modellpakets</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="124"/>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="125"/>
        <source>Smallest lesion</source>
        <translation>Kleinste Läsion</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="160"/>
        <source>Per slice</source>
        <translation>Je Schicht</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="162"/>
        <source>In the call (top 50 % by GTV area)</source>
        <translation>In der Einstufung (oberste 50 % nach GTV-Fläche)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="167"/>
        <source>Model slice (inferior to superior)</source>
        <translation>Modellschicht (inferior nach superior)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="170"/>
        <source>Mutant probability</source>
        <translation>Mutationswahrscheinlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Lesion</source>
        <translation>Läsion</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Volume
(ml)</source>
        <translation>Volumen
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
        <translation>Mittl.
Wahrsch.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="197"/>
        <source>Mean GTV probability over the lesion&apos;s voxels</source>
        <translation>Mittlere GTV-Wahrscheinlichkeit über die Voxel der Läsion</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="199"/>
        <source>Axial diameter (RANO-BM): the longest diameter within one axial slice, edge to edge</source>
        <translation>Axialer Durchmesser (RANO-BM): der längste Durchmesser innerhalb einer axialen Schicht, von Rand zu Rand</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="201"/>
        <source>3D extent: the largest distance between two voxel centres of the lesion; thick slices inflate it</source>
        <translation>3D-Ausdehnung: der größte Abstand zweier Voxelmittelpunkte der Läsion; dicke Schichten vergrößern ihn</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="208"/>
        <source>Click a lesion to centre the viewer on it</source>
        <translation>Klicken Sie auf eine Läsion, um die Ansicht darauf zu zentrieren</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="250"/>
        <source>No model: activate a registered model or set a model package.</source>
        <translation>Kein Modell: Aktivieren Sie ein registriertes Modell oder legen Sie ein Modellpaket fest.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="251"/>
        <source>Model %1
%2</source>
        <translation>Modell %1
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="256"/>
        <source>Your role may not run the model</source>
        <translation>Ihre Rolle darf das Modell nicht ausführen</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="305"/>
        <source>Stored result of %1 UTC, model %2.</source>
        <translation>Gespeichertes Ergebnis vom %1 UTC, Modell %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="316"/>
        <source>No AI result for this series yet.</source>
        <translation>Für diese Serie gibt es noch kein KI-Ergebnis.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="316"/>
        <source>No patient open.</source>
        <translation>Kein Patient geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="336"/>
        <source>No model package is configured.</source>
        <translation>Es ist kein Modellpaket eingerichtet.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="340"/>
        <source>Running %1...</source>
        <translation>%1 läuft...</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="354"/>
        <source>MTSA-Net on %1</source>
        <translation>MTSA-Net für %1</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="376"/>
        <source>Result stored: model %1, %2 lesions.</source>
        <translation>Ergebnis gespeichert: Modell %1, Läsionen: %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="391"/>
        <source>Inference failed, nothing was stored:
%1</source>
        <translation>Die Inferenz ist fehlgeschlagen, es wurde nichts gespeichert:
%1</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="397"/>
        <source>Inference cancelled, nothing was stored.</source>
        <translation>Inferenz abgebrochen, es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="440"/>
        <source>Check this result before use: the segmentation is implausible.</source>
        <translation>Dieses Ergebnis vor der Verwendung prüfen: die Segmentierung ist unplausibel.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="445"/>
        <location filename="../ui/src/InferencePanel.cpp" line="452"/>
        <source>EGFR mutant</source>
        <translation>EGFR mutiert</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="445"/>
        <location filename="../ui/src/InferencePanel.cpp" line="452"/>
        <source>EGFR wild type</source>
        <translation>EGFR Wildtyp</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="446"/>
        <source>%1 (mutation probability %2)</source>
        <translation>%1 (Mutationswahrscheinlichkeit %2)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="451"/>
        <source>Recorded: %1</source>
        <translation>Dokumentiert: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="456"/>
        <source>No EGFR prediction: the model has no EGFR head.</source>
        <translation>Keine EGFR-Vorhersage: Das Modell hat keinen EGFR-Kopf.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="463"/>
        <source>Threshold %1, smallest lesion %2 mm³: chosen by the reader, not the package&apos;s defaults.</source>
        <translation>Schwellenwert %1, kleinste Läsion %2 mm³: vom Befunder gewählt, nicht die Vorgaben des Pakets.</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="465"/>
        <source>Threshold %1, smallest lesion %2 mm³ (the package&apos;s defaults).</source>
        <translation>Schwellenwert %1, kleinste Läsion %2 mm³ (Vorgaben des Pakets).</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="471"/>
        <source>No metastasis was segmented: the call averages every slice.</source>
        <translation>Es wurde keine Metastase segmentiert: Die Einstufung mittelt über alle Schichten.</translation>
    </message>
</context>
<context>
    <name>metis::ui::LoginDialog</name>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="26"/>
        <source>Metis - sign in</source>
        <translation>Metis - Anmeldung</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="34"/>
        <source>empty: signed in as this computer&apos;s account</source>
        <translation>leer: angemeldet als das Konto dieses Computers</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="39"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="40"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="42"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="46"/>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>Nur für Forschungszwecke. Nicht für klinische Entscheidungen.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="64"/>
        <source>too many failed sign-ins for &apos;%1&apos;: try again in %2 minutes</source>
        <translation>zu viele fehlgeschlagene Anmeldungen für '%1': in %2 Minuten erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="68"/>
        <source>no active user &apos;%1&apos;</source>
        <translation>kein aktiver Benutzer '%1'</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="70"/>
        <source>&apos;%1&apos; has no password and no OS account to sign in with; an administrator sets one</source>
        <translation>'%1' hat weder ein Passwort noch ein Betriebssystemkonto zur Anmeldung; ein Administrator richtet eines ein</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="74"/>
        <source>&apos;%1&apos; needs a password (this program runs as the OS account &apos;%2&apos;, not one bound to that user)</source>
        <translation>'%1' braucht ein Passwort (dieses Programm läuft unter dem Betriebssystemkonto '%2', das nicht an diesen Benutzer gebunden ist)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="78"/>
        <source>wrong password for &apos;%1&apos;</source>
        <translation>falsches Passwort für '%1'</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="80"/>
        <source>wrong password for &apos;%1&apos; (checked as the OS account &apos;%2&apos;)</source>
        <translation>falsches Passwort für '%1' (geprüft als Betriebssystemkonto '%2')</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="98"/>
        <source>Not signed in: %1. Type the password.</source>
        <translation>Nicht angemeldet: %1. Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="99"/>
        <source>Not signed in: %1.</source>
        <translation>Nicht angemeldet: %1.</translation>
    </message>
</context>
<context>
    <name>metis::ui::MainWindow</name>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="304"/>
        <source>&amp;Models...</source>
        <translation>&amp;Modelle...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="312"/>
        <source>&amp;Review</source>
        <translation>&amp;Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="318"/>
        <source>&amp;Approve contour</source>
        <translation>Kontur &amp;freigeben</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="319"/>
        <source>Approve the open series&apos; manual GTV</source>
        <translation>Das manuelle GTV der geöffneten Serie freigeben</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="321"/>
        <source>&amp;Lock contour</source>
        <translation>Kontur &amp;sperren</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="322"/>
        <source>Lock the open series&apos; manual GTV against any change</source>
        <translation>Das manuelle GTV der geöffneten Serie gegen jede Änderung sperren</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="426"/>
        <source>No patient is open.</source>
        <translation>Kein Patient ist geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="432"/>
        <source>Patient %1: manual GTV %2</source>
        <translation>Patient %1: manuelles GTV %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="433"/>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="434"/>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="438"/>
        <source>Review refused: %1</source>
        <translation>Prüfung abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="66"/>
        <source>Metis %1 - brain metastasis workstation (research use only)</source>
        <translation>Metis %1 - Arbeitsplatz für Hirnmetastasen (nur für Forschungszwecke)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="126"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="74"/>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="122"/>
        <source>Signed in: %1 (%2)</source>
        <translation>Angemeldet: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="276"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="277"/>
        <source>&amp;Import studies...</source>
        <translation>Studien &amp;importieren...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="291"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="300"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="301"/>
        <source>&amp;Retrain model...</source>
        <translation>Modell &amp;nachtrainieren...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="302"/>
        <source>Physicists retrain MTSA-Net on the local cohort</source>
        <translation>Medizinphysiker trainieren MTSA-Net auf der lokalen Kohorte nach</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="303"/>
        <source>&amp;Audit log...</source>
        <translation>&amp;Audit-Protokoll...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="339"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="340"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="354"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="355"/>
        <source>The language changes the next time Metis starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Metis.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="82"/>
        <source>AI inference</source>
        <translation>KI-Inferenz</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="88"/>
        <source>Manual vs AI</source>
        <translation>Manuell vs. KI</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="95"/>
        <source>Contour editing</source>
        <translation>Konturbearbeitung</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="133"/>
        <source>Series of the open patient</source>
        <translation>Serien des geöffneten Patienten</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="167"/>
        <location filename="../ui/src/MainWindow.cpp" line="212"/>
        <source>DICOM: off</source>
        <translation>DICOM: aus</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="173"/>
        <source>No DICOM nodes are configured (Tools &gt; DICOM nodes)</source>
        <translation>Keine DICOM-Knoten konfiguriert (Werkzeuge &gt; DICOM-Knoten)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/MainWindow.cpp" line="193"/>
        <source>Received %n file(s) from %1: %2 series imported, %3 problem(s)</source>
        <translation>
            <numerusform>%n Datei von %1 empfangen: %2 Serien importiert, %3 Problem(e)</numerusform>
            <numerusform>%n Dateien von %1 empfangen: %2 Serien importiert, %3 Problem(e)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/MainWindow.cpp" line="204"/>
        <source>%n structure set(s) waiting for their images</source>
        <translation>
            <numerusform>%n Strukturdatensatz wartet auf seine Bilder</numerusform>
            <numerusform>%n Strukturdatensätze warten auf ihre Bilder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="198"/>
        <source>Received files from %1 not imported yet: %2</source>
        <translation>Von %1 empfangene Dateien noch nicht importiert: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="209"/>
        <source>DICOM: %1 on port %2</source>
        <translation>DICOM: %1 auf Port %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="210"/>
        <source>Receiving studies from the configured DICOM nodes</source>
        <translation>Empfängt Studien von den konfigurierten DICOM-Knoten</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="214"/>
        <source>The DICOM listener could not start: %1</source>
        <translation>Der DICOM-Empfang konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="242"/>
        <location filename="../ui/src/MainWindow.cpp" line="247"/>
        <source>Send contours to PACS</source>
        <translation>Konturen an PACS senden</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="243"/>
        <source>The open series has no saved contours to send.</source>
        <translation>Die offene Serie hat keine gespeicherten Konturen zum Senden.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="248"/>
        <source>The contours have unsaved edits. Save them as a version first: this sends the saved version %1.</source>
        <translation>Die Konturen haben ungespeicherte Änderungen. Speichern Sie sie zuerst als Version: gesendet wird die gespeicherte Version %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="280"/>
        <source>&amp;Export report...</source>
        <translation>Bericht &amp;exportieren...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="282"/>
        <source>Export &amp;contours (RTSTRUCT)...</source>
        <translation>&amp;Konturen exportieren (RTSTRUCT)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="286"/>
        <source>&amp;Query PACS...</source>
        <translation>PACS &amp;abfragen...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="288"/>
        <source>&amp;Send contours to PACS...</source>
        <translation>Konturen an PACS &amp;senden...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="294"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="305"/>
        <source>&amp;DICOM nodes...</source>
        <translation>&amp;DICOM-Knoten...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="306"/>
        <source>&amp;Users...</source>
        <translation>&amp;Benutzer...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="313"/>
        <source>Mark contour &amp;corrected</source>
        <translation>Kontur als &amp;korrigiert markieren</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="316"/>
        <source>Mark the open series&apos; saved manual GTV as corrected, ready for approval</source>
        <translation>Das gespeicherte manuelle GTV der offenen Serie als korrigiert markieren, bereit zur Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="325"/>
        <source>Contour &amp;versions...</source>
        <translation>Kontur&amp;versionen...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="335"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="336"/>
        <source>&amp;Keyboard and mouse...</source>
        <translation>&amp;Tastatur und Maus...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="337"/>
        <source>&amp;About Metis</source>
        <translation>&amp;Über Metis</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="362"/>
        <source>Left click / drag</source>
        <translation>Linksklick / Ziehen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="362"/>
        <source>Place the crosshair (all views follow)</source>
        <translation>Fadenkreuz setzen (alle Ansichten folgen)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="363"/>
        <source>Right drag</source>
        <translation>Rechts ziehen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="363"/>
        <source>Window (left-right) and level (up-down)</source>
        <translation>Fensterbreite (links-rechts) und -mitte (oben-unten)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="364"/>
        <source>Middle drag, Shift + left drag</source>
        <translation>Mitte ziehen, Umschalt + links ziehen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="364"/>
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="365"/>
        <source>Wheel, Up / Down</source>
        <translation>Mausrad, Auf / Ab</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="365"/>
        <source>Next / previous slice</source>
        <translation>Nächste / vorige Schicht</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="366"/>
        <source>Page Up / Page Down</source>
        <translation>Bild auf / Bild ab</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="366"/>
        <source>Ten slices</source>
        <translation>Zehn Schichten</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="367"/>
        <source>Ctrl + wheel, + / -</source>
        <translation>Strg + Mausrad, + / -</translation>
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
        <translation>Zoom und Verschiebung zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="369"/>
        <source>1, 2, 3</source>
        <translation>1, 2, 3</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="369"/>
        <source>Window presets</source>
        <translation>Fenstervorgaben</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="370"/>
        <source>Double-click</source>
        <translation>Doppelklick</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="370"/>
        <source>Maximise the view / back to the layout</source>
        <translation>Ansicht maximieren / zurück zum Layout</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="371"/>
        <source>B, E, C</source>
        <translation>B, E, C</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="371"/>
        <source>Brush, eraser, contour fill (Contour editing panel)</source>
        <translation>Pinsel, Radierer, Konturfüllung (Konturbearbeitung)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="372"/>
        <source>N, Esc</source>
        <translation>N, Esc</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="372"/>
        <source>Back to navigation</source>
        <translation>Zurück zur Navigation</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="373"/>
        <source>[ and ]</source>
        <translation>[ und ]</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="373"/>
        <source>Brush smaller / larger</source>
        <translation>Pinsel kleiner / größer</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="374"/>
        <source>Ctrl + left drag</source>
        <translation>Strg + links ziehen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="374"/>
        <source>Erase with the brush, subtract with the contour</source>
        <translation>Mit dem Pinsel radieren, mit der Kontur abziehen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="375"/>
        <source>Ctrl+Z</source>
        <translation>Strg+Z</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="375"/>
        <source>Undo the last edit step</source>
        <translation>Letzten Bearbeitungsschritt rückgängig machen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="376"/>
        <source>Ctrl+Shift+Z, Ctrl+Y</source>
        <translation>Strg+Umschalt+Z, Strg+Y</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="376"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="377"/>
        <source>Ctrl+S</source>
        <translation>Strg+S</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="377"/>
        <source>Save the contours as a new version</source>
        <translation>Konturen als neue Version speichern</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="378"/>
        <source>Ctrl+I</source>
        <translation>Strg+I</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="378"/>
        <source>Import studies</source>
        <translation>Studien importieren</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="389"/>
        <source>Keyboard and mouse</source>
        <translation>Tastatur und Maus</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="400"/>
        <source>About Metis</source>
        <translation>Über Metis</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="401"/>
        <source>&lt;p&gt;&lt;b&gt;Metis&lt;/b&gt;: brain metastasis workstation (GTV segmentation and EGFR prediction with MTSA-Net).&lt;/p&gt;&lt;p&gt;Research and demonstration software, not for clinical use.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Metis&lt;/b&gt;: Arbeitsplatz für Hirnmetastasen (GTV-Segmentierung und EGFR-Vorhersage mit MTSA-Net).&lt;/p&gt;&lt;p&gt;Forschungs- und Demonstrationssoftware, nicht für den klinischen Einsatz.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="435"/>
        <source>corrected</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="449"/>
        <source>%1 (%2 images, %3)</source>
        <translation>%1 (%2 Bilder, %3)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="473"/>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="494"/>
        <source>Patient %1: %2</source>
        <translation>Patient %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="502"/>
        <source>Cannot open patient %1: %2</source>
        <translation>Patient %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="504"/>
        <source>Open patient</source>
        <translation>Patient öffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="505"/>
        <source>Cannot open patient %1:
%2</source>
        <translation>Patient %1 kann nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="512"/>
        <location filename="../ui/src/MainWindow.cpp" line="517"/>
        <location filename="../ui/src/MainWindow.cpp" line="527"/>
        <location filename="../ui/src/MainWindow.cpp" line="535"/>
        <location filename="../ui/src/MainWindow.cpp" line="537"/>
        <source>Export contours</source>
        <translation>Konturen exportieren</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="513"/>
        <source>The open series has no saved contours to export.</source>
        <translation>Die offene Serie hat keine gespeicherten Konturen zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="518"/>
        <source>The contours have unsaved edits. Save them as a version first: the export writes the saved version %1.</source>
        <translation>Die Konturen haben ungespeicherte Änderungen. Speichern Sie sie zuerst als Version: der Export schreibt die gespeicherte Version %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="527"/>
        <source>DICOM files (*.dcm)</source>
        <translation>DICOM-Dateien (*.dcm)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="549"/>
        <source>Cannot export the contours to %1:
%2</source>
        <translation>Die Konturen können nicht nach %1 exportiert werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="555"/>
        <source>%1: %2 mm, Dice %3 against the saved version
</source>
        <translation>%1: %2 mm, Dice %3 gegenüber der gespeicherten Version
</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="563"/>
        <source>Contours exported: %1</source>
        <translation>Konturen exportiert: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="566"/>
        <source>The file %1 was written, but a lesion of 5 mm or more reads back with Dice below 0.98:
%2</source>
        <translation>Die Datei %1 wurde geschrieben, aber eine Läsion ab 5 mm wird mit Dice unter 0,98 zurückgelesen:
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="571"/>
        <source>Written and read back: %1

%2</source>
        <translation>Geschrieben und zurückgelesen: %1

%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="585"/>
        <location filename="../ui/src/MainWindow.cpp" line="596"/>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="585"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="597"/>
        <source>Cannot write the report %1:
%2</source>
        <translation>Der Bericht %1 kann nicht geschrieben werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="606"/>
        <source>no patient is open</source>
        <translation>kein Patient ist geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="620"/>
        <source>Report for %1</source>
        <translation>Bericht für %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="633"/>
        <location filename="../ui/src/MainWindow.cpp" line="644"/>
        <source>Report not written: %1</source>
        <translation>Bericht nicht geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="639"/>
        <source>Report written: %1</source>
        <translation>Bericht geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="699"/>
        <source>Demo cohort imported. No demo model is installed beside Metis: register a model under Tools &gt; Models.</source>
        <translation>Demo-Kohorte importiert. Neben Metis ist kein Demo-Modell installiert: registrieren Sie ein Modell unter Werkzeuge &gt; Modelle.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="705"/>
        <source>Demo cohort imported; the demo model (trained on phantom data, research use only) is active.</source>
        <translation>Demo-Kohorte importiert; das Demo-Modell (auf Phantomdaten trainiert, nur für die Forschung) ist aktiv.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="708"/>
        <source>Demo cohort imported; the active model stays active.</source>
        <translation>Demo-Kohorte importiert; das aktive Modell bleibt aktiv.</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="711"/>
        <source>Demo cohort imported; the demo model was not activated: %1</source>
        <translation>Demo-Kohorte importiert; das Demo-Modell wurde nicht aktiviert: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="788"/>
        <location filename="../ui/src/MainWindow.cpp" line="800"/>
        <source>Unsaved contour edits</source>
        <translation>Ungespeicherte Konturänderungen</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="789"/>
        <source>The contours of the open series have unsaved edits.

Save them as a new version now, or close and keep them in the edit journal (they are offered again the next time this series is opened)?</source>
        <translation>Die Konturen der offenen Serie haben ungespeicherte Änderungen.

Jetzt als neue Version speichern, oder schließen und im Bearbeitungsprotokoll behalten (sie werden beim nächsten Öffnen dieser Serie wieder angeboten)?</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="798"/>
        <source>saved on closing the workstation</source>
        <translation>beim Schließen der Arbeitsstation gespeichert</translation>
    </message>
</context>
<context>
    <name>metis::ui::ModelsDialog</name>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="40"/>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="41"/>
        <source>&amp;Register package...</source>
        <translation>Paket &amp;registrieren...</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="43"/>
        <source>Metis - models</source>
        <translation>Metis - Modelle</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="57"/>
        <source>Only physicists and administrators register models</source>
        <translation>Nur Medizinphysiker und Administratoren registrieren Modelle</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="60"/>
        <source>Only physicists and administrators activate models</source>
        <translation>Nur Medizinphysiker und Administratoren aktivieren Modelle</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="91"/>
        <source>Unsigned package</source>
        <translation>Unsigniertes Paket</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="92"/>
        <source>Package signed by %1</source>
        <translation>Paket signiert von %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="102"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="132"/>
        <source>Model package folder</source>
        <translation>Ordner des Modellpakets</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="143"/>
        <source>Cannot register %1: %2</source>
        <translation>%1 kann nicht registriert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="149"/>
        <source>Registered model %1 from %2.</source>
        <translation>Modell %1 aus %2 registriert.</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="167"/>
        <source>Cannot activate model %1: %2</source>
        <translation>Modell %1 kann nicht aktiviert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="172"/>
        <source>Model %1 is now the active model.</source>
        <translation>Modell %1 ist jetzt das aktive Modell.</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="188"/>
        <location filename="../ui/src/ModelsDialog.cpp" line="200"/>
        <source>Activate model</source>
        <translation>Modell aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="189"/>
        <source>Model %1 will be used for every new AI result.
Reason (recorded in the audit log):</source>
        <translation>Modell %1 wird für jedes neue KI-Ergebnis verwendet.
Begründung (wird im Audit-Protokoll festgehalten):</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="201"/>
        <source>Model %1 names no training cohort: its weights are untrained and its results would be meaningless. Activate it anyway (for a pipeline test only)?</source>
        <translation>Modell %1 nennt keine Trainingskohorte: seine Gewichte sind untrainiert und seine Ergebnisse wären bedeutungslos. Trotzdem aktivieren (nur für einen Pipeline-Test)?</translation>
    </message>
</context>
<context>
    <name>metis::ui::PacsQueryDialog</name>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="261"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="287"/>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <source>Modalities</source>
        <translation>Modalitäten</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="294"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="265"/>
        <source>Retrieve</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="266"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="268"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="387"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="425"/>
        <source>Query PACS</source>
        <translation>PACS abfragen</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="271"/>
        <source>* and ? as wildcards</source>
        <translation>* und ? als Platzhalter</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="272"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="273"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="280"/>
        <source>No DICOM nodes are configured: an administrator adds the PACS under Tools &gt; DICOM nodes.</source>
        <translation>Keine DICOM-Knoten konfiguriert: ein Administrator fügt das PACS unter Werkzeuge &gt; DICOM-Knoten hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="286"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="288"/>
        <source>Patient name</source>
        <translation>Patientenname</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="291"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="293"/>
        <source>Study date</source>
        <translation>Studiendatum</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="307"/>
        <source>Series of the chosen study (ticked ones are retrieved):</source>
        <translation>Serien der gewählten Studie (angehakte werden abgerufen):</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="313"/>
        <source>Retrieve by C-MOVE to this workstation; the PACS must know its AE title and port</source>
        <translation>Abruf per C-MOVE an diese Arbeitsstation; das PACS muss ihren AE-Titel und Port kennen</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="326"/>
        <source>Cancelling after the current series; what arrived is kept...</source>
        <translation>Abbruch nach der aktuellen Serie; Empfangenes bleibt erhalten...</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="357"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PacsDialogs.cpp" line="405"/>
        <source>%n study(ies) found.</source>
        <translation>
            <numerusform>%n Studie gefunden.</numerusform>
            <numerusform>%n Studien gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="408"/>
        <source>Searching...</source>
        <translation>Suche läuft...</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PacsDialogs.cpp" line="444"/>
        <source>%n series in this study.</source>
        <translation>
            <numerusform>%n Serie in dieser Studie.</numerusform>
            <numerusform>%n Serien in dieser Studie.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="461"/>
        <source>Tick at least one series.</source>
        <translation>Haken Sie mindestens eine Serie an.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="467"/>
        <source>Retrieve from PACS</source>
        <translation>Aus PACS abrufen</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="480"/>
        <source>%1 series (%2 images) and %3 structure sets imported, %4 already present; %5 problem(s).</source>
        <translation>%1 Serien (%2 Bilder) und %3 Strukturdatensätze importiert, %4 bereits vorhanden; %5 Problem(e).</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="490"/>
        <source>Retrieval cancelled; what arrived before is imported.</source>
        <translation>Abruf abgebrochen; bereits Empfangenes ist importiert.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="496"/>
        <source>Retrieving...</source>
        <translation>Abruf läuft...</translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientBrowser</name>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="82"/>
        <source>Manual GTV</source>
        <translation>Manuelles GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="83"/>
        <source>AI result</source>
        <translation>KI-Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="84"/>
        <source>Diagnosed</source>
        <translation>Diagnostiziert</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="86"/>
        <source>Search patient ID or name</source>
        <translation>Patienten-ID oder Name suchen</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="88"/>
        <source>Any EGFR status</source>
        <translation>Jeder EGFR-Status</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="89"/>
        <source>Mutant</source>
        <translation>Mutiert</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="90"/>
        <source>Wild-type</source>
        <translation>Wildtyp</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="91"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="92"/>
        <source>Any review status</source>
        <translation>Jeder Prüfstatus</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="94"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="94"/>
        <source>Corrected</source>
        <translation>Korrigiert</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="95"/>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="95"/>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PatientBrowser.cpp" line="163"/>
        <location filename="../ui/src/PatientBrowser.cpp" line="165"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n Patient</numerusform>
            <numerusform>%n Patienten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientListModel</name>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="11"/>
        <source>Mutant</source>
        <translation>Mutiert</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="14"/>
        <source>Wild-type</source>
        <translation>Wildtyp</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="16"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="21"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="24"/>
        <source>Corrected</source>
        <translation>Korrigiert</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="27"/>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="30"/>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="86"/>
        <location filename="../ui/src/PatientListModel.cpp" line="88"/>
        <location filename="../ui/src/PatientListModel.cpp" line="104"/>
        <location filename="../ui/src/PatientListModel.cpp" line="106"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="97"/>
        <source>none</source>
        <translation>keine</translation>
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
Diagnose: %3
EGFR: %4
Serien: %5
Manuelles GTV: %6 (Prüfung: %7)
KI-Ergebnis: %8</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="104"/>
        <location filename="../ui/src/PatientListModel.cpp" line="106"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="123"/>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="125"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="127"/>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="129"/>
        <source>EGFR</source>
        <translation>EGFR</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="131"/>
        <source>Series</source>
        <translation>Serien</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="133"/>
        <source>Manual GTV</source>
        <translation>Manuelles GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="135"/>
        <source>AI result</source>
        <translation>KI-Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="137"/>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
</context>
<context>
    <name>metis::ui::SendToPacsDialog</name>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="506"/>
        <source>With its images</source>
        <translation>Mit den Bildern</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="507"/>
        <source>De-identified (research, PS3.15 Basic Profile)</source>
        <translation>De-identifiziert (Forschung, PS3.15 Basic Profile)</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="509"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="511"/>
        <source>Send contours to PACS</source>
        <translation>Konturen an PACS senden</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="518"/>
        <source>Names, identifiers and UIDs replaced; dates and sex, age and weight kept. Needs the images, which it de-identifies too.</source>
        <translation>Namen, Kennungen und UIDs ersetzt; Datumsangaben sowie Geschlecht, Alter und Gewicht bleiben. Benötigt die Bilder, die ebenfalls de-identifiziert werden.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="521"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="522"/>
        <source>Contours</source>
        <translation>Konturen</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="522"/>
        <source>saved version %1</source>
        <translation>gespeicherte Version %1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="525"/>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="535"/>
        <source>No DICOM nodes are configured: an administrator adds the PACS under Tools &gt; DICOM nodes.</source>
        <translation>Keine DICOM-Knoten konfiguriert: ein Administrator fügt das PACS unter Werkzeuge &gt; DICOM-Knoten hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="566"/>
        <source>Send to PACS</source>
        <translation>An PACS senden</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="583"/>
        <source>%1 of %2 files stored at %3.</source>
        <translation>%1 von %2 Dateien bei %3 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="598"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="603"/>
        <source>Sending...</source>
        <translation>Wird gesendet...</translation>
    </message>
</context>
<context>
    <name>metis::ui::TrainingWizard</name>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="53"/>
        <source>no image series</source>
        <translation>keine Bildserie</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="55"/>
        <source>no manual GTV</source>
        <translation>kein manuelles GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="58"/>
        <source>GTV is %1, not approved</source>
        <translation>GTV ist %1, nicht freigegeben</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="60"/>
        <source>GTV is %1, not corrected or approved</source>
        <translation>GTV ist %1, weder korrigiert noch freigegeben</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="63"/>
        <source>no known EGFR status</source>
        <translation>kein bekannter EGFR-Status</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="65"/>
        <source>no diagnosis date</source>
        <translation>kein Diagnosedatum</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="71"/>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="94"/>
        <source>Retrain MTSA-Net on this site&apos;s patients</source>
        <translation>MTSA-Net mit den Patienten dieses Standorts neu trainieren</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="115"/>
        <source>An earlier run of this package stopped after epoch %1. Start continues from there.</source>
        <translation>Ein früherer Lauf dieses Pakets endete nach Epoche %1. Start setzt dort fort.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="129"/>
        <source>New model package: %1
%2 epochs; best validation Dice %3 (epoch %4).</source>
        <translation>Neues Modellpaket: %1
%2 Epochen; bester Validierungs-Dice %3 (Epoche %4).</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="153"/>
        <source>Cohort</source>
        <translation>Kohorte</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="154"/>
        <source>Patients with a reviewed manual GTV, a known EGFR status and a diagnosis date train the model.</source>
        <translation>Patienten mit geprüftem manuellem GTV, bekanntem EGFR-Status und Diagnosedatum trainieren das Modell.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="157"/>
        <source>Approved or locked GTVs</source>
        <translation>Freigegebene oder gesperrte GTVs</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="159"/>
        <source>Corrected, approved or locked GTVs</source>
        <translation>Korrigierte, freigegebene oder gesperrte GTVs</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="162"/>
        <source>Every site</source>
        <translation>Alle Standorte</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="167"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="167"/>
        <source>Why it cannot train</source>
        <translation>Warum er nicht trainieren kann</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="172"/>
        <source>GTV review</source>
        <translation>GTV-Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="173"/>
        <source>Scanner site</source>
        <translation>Scanner-Standort</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="177"/>
        <source>Left out:</source>
        <translation>Nicht berücksichtigt:</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="186"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="187"/>
        <source>The paper&apos;s temporal split: patients diagnosed after the cutoff test the model, random earlier ones validate it, the others train it.</source>
        <translation>Die zeitliche Aufteilung der Publikation: Patienten mit Diagnose nach dem Stichtag testen das Modell, zufällige frühere validieren es, die übrigen trainieren es.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="199"/>
        <source>Test: diagnosed after</source>
        <translation>Test: Diagnose nach</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="200"/>
        <source>Validation patients</source>
        <translation>Validierungspatienten</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="201"/>
        <source>Seed of the validation draw</source>
        <translation>Startwert der Validierungsauswahl</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="202"/>
        <source>Site held out as external test</source>
        <translation>Als externer Test zurückgehaltener Standort</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="213"/>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="214"/>
        <source>The network&apos;s size and the training budget. The CPU recipe is the one measured on a 2-core workstation; the paper&apos;s configuration needs a GPU.</source>
        <translation>Größe des Netzes und Trainingsbudget. Das CPU-Rezept ist das auf einer 2-Kern-Workstation gemessene; die Konfiguration der Publikation braucht eine GPU.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="219"/>
        <source>CPU recipe (%1 px, width %2)</source>
        <translation>CPU-Rezept (%1 px, Breite %2)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="220"/>
        <source>Paper configuration (%1 px, width %2; GPU)</source>
        <translation>Konfiguration der Publikation (%1 px, Breite %2; GPU)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="234"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="237"/>
        <location filename="../ui/src/TrainingWizard.cpp" line="613"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="239"/>
        <source>Automatic (the GPU when usable)</source>
        <translation>Automatisch (die GPU, wenn nutzbar)</translation>
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
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="250"/>
        <source>From scratch</source>
        <translation>Von Grund auf</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="253"/>
        <source>Fine-tune the active model (%1)</source>
        <translation>Aktives Modell feinabstimmen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="260"/>
        <source>Lesion-weighted Dice + cross-entropy (CPU recipe)</source>
        <translation>Läsionsgewichteter Dice + Kreuzentropie (CPU-Rezept)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="262"/>
        <source>Batch Dice + cross-entropy</source>
        <translation>Batch-Dice + Kreuzentropie</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="263"/>
        <source>The paper&apos;s Dice + focal loss (alpha 0.8, gamma 2)</source>
        <translation>Dice + Focal Loss der Publikation (Alpha 0,8, Gamma 2)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="287"/>
        <source>Start from</source>
        <translation>Ausgangspunkt</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="289"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="290"/>
        <source>Input size (px)</source>
        <translation>Eingabegröße (px)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="291"/>
        <source>Base width</source>
        <translation>Basisbreite</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="292"/>
        <source>Transformer width</source>
        <translation>Transformer-Breite</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="293"/>
        <source>Attention heads</source>
        <translation>Attention-Köpfe</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="294"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="295"/>
        <source>Segmentation loss</source>
        <translation>Segmentierungsverlust</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="296"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="297"/>
        <source>Epochs at most</source>
        <translation>Höchstens Epochen</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="298"/>
        <source>Stop after epochs without a better validation Dice</source>
        <translation>Abbruch nach Epochen ohne besseren Validierungs-Dice</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="299"/>
        <source>Slices per epoch</source>
        <translation>Schichten pro Epoche</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="300"/>
        <source>Time budget (minutes)</source>
        <translation>Zeitbudget (Minuten)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="301"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="302"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="303"/>
        <source>New model package</source>
        <translation>Neues Modellpaket</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="304"/>
        <source>Measure the time per epoch</source>
        <translation>Zeit pro Epoche messen</translation>
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
        <translation>Das Training läuft in einem eigenen Prozess: die Workstation bleibt nutzbar. Stopp behält die letzte abgeschlossene Epoche; Start setzt dort fort.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="317"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="318"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="322"/>
        <source>Not started.</source>
        <translation>Nicht gestartet.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="328"/>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="330"/>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="332"/>
        <source>Validation Dice</source>
        <translation>Validierungs-Dice</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="338"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="367"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="368"/>
        <source>The new model and the active one on the same test patients, scored by the code of metis-cli evaluate; 95 % bootstrap intervals in brackets.</source>
        <translation>Das neue und das aktive Modell auf denselben Testpatienten, bewertet mit dem Code von metis-cli evaluate; 95-%-Bootstrap-Intervalle in Klammern.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="378"/>
        <source>Evaluate again</source>
        <translation>Erneut bewerten</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="415"/>
        <source>The evaluation %1 could not be started.</source>
        <translation>Die Bewertung %1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="424"/>
        <source>Evaluating the new model and the active model %1 on the test patients...</source>
        <translation>Das neue Modell und das aktive Modell %1 werden auf den Testpatienten bewertet...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="427"/>
        <source>Evaluating the new model on the test patients (no model is active to compare with)...</source>
        <translation>Das neue Modell wird auf den Testpatienten bewertet (kein aktives Modell zum Vergleich)...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="442"/>
        <source>Evaluated on the test patients of the split.</source>
        <translation>Auf den Testpatienten der Aufteilung bewertet.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="444"/>
        <source>The evaluation failed (exit code %1): %2</source>
        <translation>Die Bewertung ist fehlgeschlagen (Exit-Code %1): %2</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="460"/>
        <source>internal test</source>
        <translation>internen Test</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="461"/>
        <source>external test</source>
        <translation>externen Test</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="462"/>
        <source>all test patients</source>
        <translation>allen Testpatienten</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="464"/>
        <source>New model</source>
        <translation>Neues Modell</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="466"/>
        <source>Active model %1</source>
        <translation>Aktives Modell %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="491"/>
        <source>Dice, %1 (%n patients)</source>
        <translation>
            <numerusform>Dice, %1 (%n Patient)</numerusform>
            <numerusform>Dice, %1 (%n Patienten)</numerusform>
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
        <translation>Falsche Läsionen pro Patient, %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="497"/>
        <source>Lesions found &lt; 5 / 5-10 / &gt; 10 mm, %1</source>
        <translation>Gefundene Läsionen &lt; 5 / 5-10 / &gt; 10 mm, %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="505"/>
        <source>EGFR ROC AUC, %1</source>
        <translation>EGFR-ROC-AUC, %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="508"/>
        <source>EGFR accuracy, %1</source>
        <translation>EGFR-Genauigkeit, %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="510"/>
        <source>EGFR calibration error (ECE), %1</source>
        <translation>EGFR-Kalibrierungsfehler (ECE), %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="517"/>
        <source>Dice on the %1: the new model is better.</source>
        <translation>Dice im %1: das neue Modell ist besser.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="519"/>
        <source>Dice on the %1: the active model is better.</source>
        <translation>Dice im %1: das aktive Modell ist besser.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="521"/>
        <source>Dice on the %1: no difference beyond the intervals.</source>
        <translation>Dice im %1: kein Unterschied über die Intervalle hinaus.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="527"/>
        <source>False lesions on the %1: the new model marks fewer.</source>
        <translation>Falsche Läsionen im %1: das neue Modell markiert weniger.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="529"/>
        <source>False lesions on the %1: the active model marks fewer.</source>
        <translation>Falsche Läsionen im %1: das aktive Modell markiert weniger.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="530"/>
        <source>False lesions on the %1: no difference beyond the intervals.</source>
        <translation>Falsche Läsionen im %1: kein Unterschied über die Intervalle hinaus.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="534"/>
        <source>EGFR AUC on the %1: the new model is better.</source>
        <translation>EGFR-AUC im %1: das neue Modell ist besser.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="536"/>
        <source>EGFR AUC on the %1: the active model is better.</source>
        <translation>EGFR-AUC im %1: das aktive Modell ist besser.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="537"/>
        <source>EGFR AUC on the %1: no difference beyond the intervals.</source>
        <translation>EGFR-AUC im %1: kein Unterschied über die Intervalle hinaus.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="541"/>
        <source>No active model to compare with: the figures are the new model&apos;s alone.</source>
        <translation>Kein aktives Modell zum Vergleich: die Zahlen sind allein die des neuen Modells.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="548"/>
        <source>Register and activate</source>
        <translation>Registrieren und aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="550"/>
        <source>Registering makes the new model available; activating it makes it run on every new AI result (a clinical decision, recorded with its reason).</source>
        <translation>Registrieren stellt das neue Modell bereit; Aktivieren lässt es jedes neue KI-Ergebnis berechnen (eine klinische Entscheidung, mit Begründung protokolliert).</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="554"/>
        <source>Register the new model</source>
        <translation>Neues Modell registrieren</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="556"/>
        <source>Why this model should run on patients (audited)</source>
        <translation>Warum dieses Modell für Patienten laufen soll (protokolliert)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="557"/>
        <source>Activate...</source>
        <translation>Aktivieren...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="559"/>
        <source>Roll back to the previous model</source>
        <translation>Zum vorherigen Modell zurückkehren</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="566"/>
        <source>Reason for activating it:</source>
        <translation>Begründung für die Aktivierung:</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="588"/>
        <source>The patients cannot be read: %1</source>
        <translation>Die Patienten können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="595"/>
        <source>None</source>
        <translation>Keiner</translation>
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
        <translation>%1 geeignete Patienten: %2 EGFR-mutiert, %3 Wildtyp.
Standorte: %4.
Läsionen nach axialem Durchmesser (RANO-BM): unter 5 mm %5, 5-10 mm %6, 10-20 mm %7, über 20 mm %8.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="619"/>
        <source>(Not counted: the lesions of %n patient(s) whose GTV was imported without lesion sizes.)</source>
        <translation>
            <numerusform>(Nicht gezählt: die Läsionen von %n Patienten, dessen GTV ohne Läsionsgrößen importiert wurde.)</numerusform>
            <numerusform>(Nicht gezählt: die Läsionen von %n Patienten, deren GTV ohne Läsionsgrößen importiert wurde.)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="645"/>
        <source>%1: %2 patients (%3 EGFR mutant)</source>
        <translation>%1: %2 Patienten (%3 EGFR-mutiert)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="651"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="652"/>
        <source>Internal test</source>
        <translation>Interner Test</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="653"/>
        <source>External test</source>
        <translation>Externer Test</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="658"/>
        <source>This split cannot be used: %1</source>
        <translation>Diese Aufteilung ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="678"/>
        <source>The new model keeps this model&apos;s network (%1 px, width %2) and starts from its weights, at a tenth of the learning rate; its post-processing is carried over until the new model is recalibrated.</source>
        <translation>Das neue Modell behält das Netz dieses Modells (%1 px, Breite %2) und beginnt mit dessen Gewichten, bei einem Zehntel der Lernrate; seine Nachverarbeitung wird übernommen, bis das neue Modell neu kalibriert ist.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="685"/>
        <source>This model cannot be fine-tuned: %1</source>
        <translation>Dieses Modell kann nicht feinabgestimmt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="761"/>
        <source>Fine-tune %1</source>
        <translation>%1 feinabstimmen</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="827"/>
        <source>The measurement failed: %1</source>
        <translation>Die Messung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="836"/>
        <source>About %1 s per epoch of %2 slices on the %3, %4 min for %5 epochs (training steps measured now; slice preparation and validation come on top).</source>
        <translation>Etwa %1 s pro Epoche mit %2 Schichten auf der %3, %4 min für %5 Epochen (jetzt gemessene Trainingsschritte; Schichtvorbereitung und Validierung kommen hinzu).</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="844"/>
        <source>%1 slices per second on the %2 (training steps measured now).</source>
        <translation>%1 Schichten pro Sekunde auf der %2 (jetzt gemessene Trainingsschritte).</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="851"/>
        <source>Measuring a few training steps...</source>
        <translation>Einige Trainingsschritte werden gemessen...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="879"/>
        <source>The trainer %1 could not be started.</source>
        <translation>Das Trainingsprogramm %1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="890"/>
        <source>Preparing the slices of the training and validation patients...</source>
        <translation>Die Schichten der Trainings- und Validierungspatienten werden vorbereitet...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="923"/>
        <source>%1 (at most about %2 s left)</source>
        <translation>%1 (höchstens noch etwa %2 s)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="927"/>
        <source>%1 (at most about %n minute(s) left)</source>
        <translation>
            <numerusform>%1 (höchstens noch etwa %n Minute)</numerusform>
            <numerusform>%1 (höchstens noch etwa %n Minuten)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="972"/>
        <source>Training finished: model package %1.</source>
        <translation>Training beendet: Modellpaket %1.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="974"/>
        <source>Training stopped. Start continues from the last finished epoch.</source>
        <translation>Training gestoppt. Start setzt bei der letzten abgeschlossenen Epoche fort.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="979"/>
        <source>The trainer ended unexpectedly (killed or crashed) after %n finished epoch(s); the log below shows its last lines. Start continues from the last finished epoch.</source>
        <translation>
            <numerusform>Das Training wurde unerwartet beendet (abgebrochen oder abgestürzt) nach %n abgeschlossenen Epoche; das Protokoll unten zeigt die letzten Zeilen. Start setzt bei der letzten abgeschlossenen Epoche fort.</numerusform>
            <numerusform>Das Training wurde unerwartet beendet (abgebrochen oder abgestürzt) nach %n abgeschlossenen Epochen; das Protokoll unten zeigt die letzten Zeilen. Start setzt bei der letzten abgeschlossenen Epoche fort.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="984"/>
        <source>Training failed (exit code %1); the log below says why. Start tries again from the last finished epoch.</source>
        <translation>Training fehlgeschlagen (Exit-Code %1); das Protokoll unten nennt den Grund. Start versucht es ab der letzten abgeschlossenen Epoche erneut.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1001"/>
        <source>Registered as model %1.</source>
        <translation>Als Modell %1 registriert.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1004"/>
        <source>Not registered: %1</source>
        <translation>Nicht registriert: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1014"/>
        <source>Give the reason for activating the model first.</source>
        <translation>Bitte zuerst die Begründung für die Aktivierung angeben.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1018"/>
        <source>Activate the new model</source>
        <translation>Neues Modell aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1019"/>
        <source>The new model will produce every new AI result from now on. Activate it?</source>
        <translation>Das neue Modell berechnet ab jetzt jedes neue KI-Ergebnis. Aktivieren?</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1028"/>
        <source>Not activated: %1</source>
        <translation>Nicht aktiviert: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1033"/>
        <source>The new model is now the active model.</source>
        <translation>Das neue Modell ist jetzt das aktive Modell.</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1045"/>
        <source>Not rolled back: %1</source>
        <translation>Nicht zurückgesetzt: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1050"/>
        <source>The previous model is the active model again.</source>
        <translation>Das vorherige Modell ist wieder das aktive Modell.</translation>
    </message>
</context>
<context>
    <name>metis::ui::UsersDialog</name>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="24"/>
        <source>oncologist</source>
        <translation>Onkologe</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="26"/>
        <source>annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="28"/>
        <source>physicist</source>
        <translation>Physiker</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="30"/>
        <source>admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="51"/>
        <source>Add user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="52"/>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="53"/>
        <source>Set password...</source>
        <translation>Passwort setzen...</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="54"/>
        <source>OS account...</source>
        <translation>Betriebssystemkonto...</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="55"/>
        <location filename="../ui/src/UsersDialog.cpp" line="193"/>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="56"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>User</source>
        <translation>Benutzer</translation>
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
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>Signs in with</source>
        <translation>Meldet sich an mit</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="66"/>
        <source>at least 8 characters, or empty</source>
        <translation>mindestens 8 Zeichen, oder leer</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="67"/>
        <source>optional: the OS account that signs in as this user</source>
        <translation>optional: das Betriebssystemkonto, das sich als dieser Benutzer anmeldet</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="79"/>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="81"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="82"/>
        <source>Name shown</source>
        <translation>Angezeigter Name</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="84"/>
        <location filename="../ui/src/UsersDialog.cpp" line="129"/>
        <source>OS account</source>
        <translation>Betriebssystemkonto</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="85"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="97"/>
        <source>Only an administrator manages users; you may set your own password.</source>
        <translation>Nur ein Administrator verwaltet Benutzer; Sie können Ihr eigenes Passwort setzen.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="118"/>
        <source>Set password</source>
        <translation>Passwort setzen</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="119"/>
        <source>New password for %1 (at least 8 characters; empty removes it):</source>
        <translation>Neues Passwort für %1 (mindestens 8 Zeichen; leer entfernt es):</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="130"/>
        <source>OS account that signs in as %1 (empty: none):</source>
        <translation>Betriebssystemkonto, das sich als %1 anmeldet (leer: keines):</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="152"/>
        <source>OS account %1</source>
        <translation>Betriebssystemkonto %1</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="155"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="160"/>
        <source>nothing: cannot sign in</source>
        <translation>nichts: kann sich nicht anmelden</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="161"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="161"/>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="194"/>
        <source>Reactivate</source>
        <translation>Reaktivieren</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="210"/>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="231"/>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="237"/>
        <source>Password of %1 removed.</source>
        <translation>Passwort von %1 entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="238"/>
        <source>Password of %1 set.</source>
        <translation>Passwort von %1 gesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="244"/>
        <source>%1 is bound to no OS account.</source>
        <translation>%1 ist an kein Betriebssystemkonto gebunden.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="245"/>
        <source>%1 signs in as the OS account %2.</source>
        <translation>%1 meldet sich als Betriebssystemkonto %2 an.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="250"/>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="255"/>
        <source>%1 may sign in again.</source>
        <translation>%1 darf sich wieder anmelden.</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="256"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 kann sich nicht mehr anmelden.</translation>
    </message>
</context>
<context>
    <name>metis::ui::VersionsDialog</name>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="16"/>
        <source>Contour versions</source>
        <translation>Konturversionen</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Saved (UTC)</source>
        <translation>Gespeichert (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="21"/>
        <source>Parent</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="21"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="21"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="43"/>
        <source>Compare the two selected versions</source>
        <translation>Die zwei gewählten Versionen vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="45"/>
        <source>Select two versions to compare them.</source>
        <translation>Wählen Sie zwei Versionen zum Vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="52"/>
        <source>Select exactly two versions.</source>
        <translation>Wählen Sie genau zwei Versionen.</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="67"/>
        <source>Version %1 against version %2: Dice %3, HD95 %4 mm (95th percentile of the surface distances of both directions pooled), volumes %5 ml and %6 ml, lesions %7 matched, %8 only in %1, %9 only in %2.</source>
        <translation>Version %1 gegen Version %2: Dice %3, HD95 %4 mm (95. Perzentil der Oberflächenabstände beider Richtungen zusammen), Volumen %5 ml und %6 ml, Läsionen %7 zugeordnet, %8 nur in %1, %9 nur in %2.</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="80"/>
        <source>Cannot compare versions %1 and %2: %3</source>
        <translation>Versionen %1 und %2 können nicht verglichen werden: %3</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::LayerLegend</name>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="29"/>
        <source>Manual GTV</source>
        <translation>Manuelles GTV</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="32"/>
        <source>Predicted GTV</source>
        <translation>Vorhergesagtes GTV</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="82"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="86"/>
        <source>Colour-blind safe colours</source>
        <translation>Farben für Farbenblinde</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="88"/>
        <source>Orange and purple instead of yellow and green: told apart with red-green colour blindness</source>
        <translation>Orange und Violett statt Gelb und Grün: auch bei Rot-Grün-Schwäche zu unterscheiden</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="196"/>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="262"/>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="264"/>
        <source>Show or hide this layer in every view</source>
        <translation>Diese Ebene in allen Ansichten zeigen oder verbergen</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="202"/>
        <source>Outline or fill, opacity</source>
        <translation>Umriss oder Füllung, Deckkraft</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="204"/>
        <source>Fill</source>
        <translation>Füllen</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="207"/>
        <source>Fill the layer&apos;s voxels instead of outlining them</source>
        <translation>Die Voxel der Ebene füllen statt sie zu umranden</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="211"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::SceneView3D</name>
    <message>
        <location filename="../viewer/widgets/src/SceneView3D.cpp" line="29"/>
        <source>3D, seen from the front (A)</source>
        <translation>3D, von vorn gesehen (A)</translation>
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
        <translation>Koronal</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="35"/>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="45"/>
        <source>LPS (%1, %2, %3) mm</source>
        <translation>LPS (%1; %2; %3) mm</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="48"/>
        <source>outside the volume</source>
        <translation>außerhalb des Volumens</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="51"/>
        <source>voxel [%1, %2, %3]  %4</source>
        <translation>Voxel [%1, %2, %3]  %4</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="240"/>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
</context>
</TS>
