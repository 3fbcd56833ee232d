<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Exit as soon as the window is on screen with the first page of patients listed (start-up timing).</source>
        <translation>Beenden, sobald das Fenster mit der ersten Seite der Patientenliste angezeigt wird (Startzeitmessung).</translation>
    </message>
    <message>
        <source>Metis brain metastasis workstation</source>
        <translation>Metis-Arbeitsplatz für Hirnmetastasen</translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation>Datenbankdatei.</translation>
    </message>
    <message>
        <source>Sign in as this user without asking.</source>
        <translation>Ohne Nachfrage als dieser Benutzer anmelden.</translation>
    </message>
    <message>
        <source>Open this patient.</source>
        <translation>Diesen Patienten öffnen.</translation>
    </message>
    <message>
        <source>Save the main window as PNG once it is idle, then exit.</source>
        <translation>Hauptfenster als PNG speichern, sobald es bereit ist, dann beenden.</translation>
    </message>
    <message>
        <source>Metis</source>
        <translation>Metis</translation>
    </message>
    <message>
        <source>Cannot open the patient database:
%1</source>
        <translation>Die Patientendatenbank kann nicht geöffnet werden:
%1</translation>
    </message>
    <message>
        <source>No active user named &apos;%1&apos;.</source>
        <translation>Kein aktiver Benutzer namens '%1'.</translation>
    </message>
</context>
<context>
    <name>metis::ui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>patient, series or structure set</source>
        <translation>Patient, Serie oder Strukturdatensatz</translation>
    </message>
    <message>
        <source>action (prefix)</source>
        <translation>Aktion (Anfang)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Objekt</translation>
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
        <translation>Audit-Kette geprüft: %1 Einträge, keine Manipulation gefunden.</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>WARNUNG: %1</translation>
    </message>
</context>
<context>
    <name>metis::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Import studies</source>
        <translation>Studien importieren</translation>
    </message>
    <message>
        <source>Add folder...</source>
        <translation>Ordner hinzufügen...</translation>
    </message>
    <message>
        <source>Add files...</source>
        <translation>Dateien hinzufügen...</translation>
    </message>
    <message>
        <source>Clinical CSV...</source>
        <translation>Klinische CSV...</translation>
    </message>
    <message>
        <source>optional: patient id, diagnosis date, EGFR status</source>
        <translation>optional: Patienten-ID, Diagnosedatum, EGFR-Status</translation>
    </message>
    <message>
        <source>DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:</source>
        <translation>DICOM-Ordner oder -Dateien, RTSTRUCTs, NIfTI-Volumen und -Masken:</translation>
    </message>
    <message>
        <source>Cancelling after the current series...</source>
        <translation>Abbruch nach der aktuellen Serie...</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Clinical CSV</source>
        <translation>Klinische CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add a folder, files or a clinical CSV first.</source>
        <translation>Bitte zuerst einen Ordner, Dateien oder eine klinische CSV hinzufügen.</translation>
    </message>
    <message>
        <source>Import cancelled. Series imported before the cancel are kept.</source>
        <translation>Import abgebrochen. Vor dem Abbruch importierte Serien bleiben erhalten.</translation>
    </message>
    <message>
        <source>Import stopped: %1</source>
        <translation>Import angehalten: %1</translation>
    </message>
    <message>
        <source>ERROR: %1</source>
        <translation>FEHLER: %1</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importiere...</translation>
    </message>
    <message>
        <source>%1 series (%2 images), %3 structure sets and %4 clinical rows imported; %5 already present; %6 problem(s).</source>
        <translation>%1 Serien (%2 Bilder), %3 Strukturdatensätze und %4 klinische Zeilen importiert; %5 bereits vorhanden; %6 Problem(e).</translation>
    </message>
    <message>
        <source>ERROR  %1: %2</source>
        <translation>FEHLER %1: %2</translation>
    </message>
    <message>
        <source>note   %1: %2</source>
        <translation>Hinweis %1: %2</translation>
    </message>
</context>
<context>
    <name>metis::ui::LoginDialog</name>
    <message>
        <source>Metis - sign in</source>
        <translation>Metis - Anmeldung</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>Nur für Forschungszwecke. Nicht für klinische Entscheidungen.</translation>
    </message>
</context>
<context>
    <name>metis::ui::MainWindow</name>
    <message>
        <source>&amp;Models...</source>
        <translation>&amp;Modelle...</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Prüfung</translation>
    </message>
    <message>
        <source>&amp;Approve contour</source>
        <translation>Kontur &amp;freigeben</translation>
    </message>
    <message>
        <source>Approve the open series' manual GTV</source>
        <translation>Das manuelle GTV der geöffneten Serie freigeben</translation>
    </message>
    <message>
        <source>&amp;Lock contour</source>
        <translation>Kontur &amp;sperren</translation>
    </message>
    <message>
        <source>Lock the open series' manual GTV against any change</source>
        <translation>Das manuelle GTV der geöffneten Serie gegen jede Änderung sperren</translation>
    </message>
    <message>
        <source>No patient is open.</source>
        <translation>Kein Patient ist geöffnet.</translation>
    </message>
    <message>
        <source>Patient %1: manual GTV %2</source>
        <translation>Patient %1: manuelles GTV %2</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>Review refused: %1</source>
        <translation>Prüfung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Metis %1 - brain metastasis workstation (research use only)</source>
        <translation>Metis %1 - Arbeitsplatz für Hirnmetastasen (nur für Forschungszwecke)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Angemeldet: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Import studies...</source>
        <translation>Studien &amp;importieren...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Retrain model...</source>
        <translation>Modell &amp;nachtrainieren...</translation>
    </message>
    <message>
        <source>Physicists retrain MTSA-Net on the local cohort</source>
        <translation>Medizinphysiker trainieren MTSA-Net auf der lokalen Kohorte nach</translation>
    </message>
    <message>
        <source>&amp;Audit log...</source>
        <translation>&amp;Audit-Protokoll...</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes the next time Metis starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Metis.</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Patient %1</translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientBrowser</name>
    <message>
        <source>Manual GTV</source>
        <translation>Manuelles GTV</translation>
    </message>
    <message>
        <source>AI result</source>
        <translation>KI-Ergebnis</translation>
    </message>
    <message>
        <source>Diagnosed</source>
        <translation>Diagnostiziert</translation>
    </message>
    <message>
        <source>Search patient ID or name</source>
        <translation>Patienten-ID oder Name suchen</translation>
    </message>
    <message>
        <source>Any EGFR status</source>
        <translation>Jeder EGFR-Status</translation>
    </message>
    <message>
        <source>Mutant</source>
        <translation>Mutiert</translation>
    </message>
    <message>
        <source>Wild-type</source>
        <translation>Wildtyp</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation>Jeder Prüfstatus</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Korrigiert</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message numerus="yes">
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
        <source>Mutant</source>
        <translation>Mutiert</translation>
    </message>
    <message>
        <source>Wild-type</source>
        <translation>Wildtyp</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Korrigiert</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>EGFR</source>
        <translation>EGFR</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serien</translation>
    </message>
    <message>
        <source>Manual GTV</source>
        <translation>Manuelles GTV</translation>
    </message>
    <message>
        <source>AI result</source>
        <translation>KI-Ergebnis</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::SliceView</name>
    <message>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
</context>
<context>
    <name>metis::ui::ContourReview</name>
    <message>
        <source>The series has no manual GTV to review.</source>
        <translation>Die Serie hat kein manuelles GTV zum Prüfen.</translation>
    </message>
</context>
<context>
    <name>metis::ui::ModelsDialog</name>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>&amp;Register package...</source>
        <translation>Paket &amp;registrieren...</translation>
    </message>
    <message>
        <source>Metis - models</source>
        <translation>Metis - Modelle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Only physicists and administrators register models</source>
        <translation>Nur Medizinphysiker und Administratoren registrieren Modelle</translation>
    </message>
    <message>
        <source>Only physicists and administrators activate models</source>
        <translation>Nur Medizinphysiker und Administratoren aktivieren Modelle</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Model package folder</source>
        <translation>Ordner des Modellpakets</translation>
    </message>
    <message>
        <source>Cannot register %1: %2</source>
        <translation>%1 kann nicht registriert werden: %2</translation>
    </message>
    <message>
        <source>Registered model %1 from %2.</source>
        <translation>Modell %1 aus %2 registriert.</translation>
    </message>
    <message>
        <source>No registered model with id %1.</source>
        <translation>Kein registriertes Modell mit der ID %1.</translation>
    </message>
    <message>
        <source>Cannot activate model %1: %2</source>
        <translation>Modell %1 kann nicht aktiviert werden: %2</translation>
    </message>
    <message>
        <source>Model %1 is now the active model.</source>
        <translation>Modell %1 ist jetzt das aktive Modell.</translation>
    </message>
</context>
</TS>
