<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>metis::ui::MainWindow</name>
    <message>
        <source>Metis %1 - brain metastasis workstation (research use only)</source>
        <translation>Metis %1 - Arbeitsplatz für Hirnmetastasen (nur für Forschungszwecke)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
</context>
</TS>
