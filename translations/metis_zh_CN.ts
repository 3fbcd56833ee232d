<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>metis::ui::MainWindow</name>
    <message>
        <source>Metis %1 - brain metastasis workstation (research use only)</source>
        <translation>Metis %1 - 脑转移瘤工作站（仅供研究使用）</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
</TS>
