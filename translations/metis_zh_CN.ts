<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PatientReport</name>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="58"/>
        <location filename="../ui/src/PatientReport.cpp" line="324"/>
        <source>Metis brain metastasis report</source>
        <translation>Metis 脑转移瘤报告</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="62"/>
        <source>Patient and study</source>
        <translation>患者与检查</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="63"/>
        <source>Patient ID</source>
        <translation>患者 ID</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="64"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="65"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="66"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="67"/>
        <source>Study date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="68"/>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="69"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="90"/>
        <source>AI result</source>
        <translation>AI 结果</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="93"/>
        <location filename="../ui/src/PatientReport.cpp" line="129"/>
        <source>EGFR call</source>
        <translation>EGFR 判定</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="94"/>
        <source>EGFR mutation probability</source>
        <translation>EGFR 突变概率</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="97"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="101"/>
        <source>Model version</source>
        <translation>模型版本</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="107"/>
        <source>Inference run</source>
        <translation>推理运行时间</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="109"/>
        <source>Post-processing</source>
        <translation>后处理</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="111"/>
        <source>threshold %1, smallest lesion %2 mm³, chosen by the reader</source>
        <translation>阈值 %1，最小病灶 %2 mm³，由阅片者选定</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="113"/>
        <source>threshold %1, smallest lesion %2 mm³, the model package&apos;s</source>
        <translation>阈值 %1，最小病灶 %2 mm³，模型包默认值</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="124"/>
        <source>Doubts</source>
        <translation>疑点</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="130"/>
        <source>no AI result: the model has not been run on this series</source>
        <translation>无 AI 结果：模型尚未在此序列上运行</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="133"/>
        <source>Recorded EGFR status</source>
        <translation>记录的 EGFR 状态</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="136"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="139"/>
        <source>Dice, manual vs AI GTV</source>
        <translation>Dice，手工 GTV 对比 AI GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="143"/>
        <source>HD95, manual vs AI GTV (mm)</source>
        <translation>HD95，手工 GTV 对比 AI GTV (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="73"/>
        <source>Manual GTV</source>
        <translation>手工 GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="75"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="79"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="81"/>
        <source>%1 by %2 at %3</source>
        <translation>%1，由 %2 于 %3</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="169"/>
        <source>GTV volumes per lesion</source>
        <translation>各病灶 GTV 体积</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="172"/>
        <source>No GTV lesions.</source>
        <translation>无 GTV 病灶。</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="177"/>
        <source>Lesion</source>
        <translation>病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="177"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="178"/>
        <source>Manual GTV (ml)</source>
        <translation>手工 GTV (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="178"/>
        <source>AI GTV (ml)</source>
        <translation>AI GTV (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="180"/>
        <source>AI review</source>
        <translation>AI 审核</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="188"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="189"/>
        <source>rejected</source>
        <translation>已否决</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PatientReport.cpp" line="212"/>
        <source>%n AI lesion(s) rejected at review are not listed.</source>
        <translation>
            <numerusform>审核中否决的 %n 个 AI 病灶未列出。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="152"/>
        <source>Key images</source>
        <translation>关键图像</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="179"/>
        <source>Axial diameter (mm)</source>
        <translation>轴位直径 (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="179"/>
        <source>3D extent (mm)</source>
        <translation>三维范围 (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="204"/>
        <source>Axial diameter: RANO-BM, the longest diameter within one axial slice, edge to edge. 3D extent: the largest distance between two voxel centres, which thick slices inflate.</source>
        <translation>轴位直径：RANO-BM，单个轴位层面内的最长直径（边缘到边缘）。三维范围：两个体素中心之间的最大距离，厚层会使其偏大。</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="222"/>
        <source>Created %1 by %2 with Metis.</source>
        <translation>由 %2 于 %1 使用 Metis 创建。</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="224"/>
        <source>unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="275"/>
        <source>SYNTHETIC PHANTOM / research use only, not for clinical decisions.</source>
        <translation>合成体模 / 仅供研究使用，不可用于临床决策。</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="280"/>
        <source>EGFR mutant</source>
        <translation>EGFR 突变型</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="283"/>
        <source>EGFR wild type</source>
        <translation>EGFR 野生型</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="285"/>
        <source>undetermined</source>
        <translation>未确定</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="313"/>
        <location filename="../ui/src/PatientReport.cpp" line="336"/>
        <source>cannot write the report %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="153"/>
        <source>Manual GTV yellow (solid), AI GTV green (dashed); radiological view (R on the left), 10 mm bar.</source>
        <translation>手工 GTV 为黄色（实线），AI GTV 为绿色（虚线）；放射学视图（R 在左侧），比例尺 10 mm。</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="303"/>
        <source>manual GTV only</source>
        <translation>仅手工 GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="307"/>
        <source>AI GTV only</source>
        <translation>仅 AI GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientReport.cpp" line="424"/>
        <source>%1, axial slice at z = %2 mm</source>
        <translation>%1，z = %2 mm 处轴位层面</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../ui/src/FileDialogs.cpp" line="20"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../ui/src/FileDialogs.cpp" line="23"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/src/FileDialogs.cpp" line="24"/>
        <source>%1 file</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/main.cpp" line="127"/>
        <source>Exit as soon as the window is on screen with the first page of patients listed (start-up timing).</source>
        <translation>窗口显示且患者列表第一页加载完成后立即退出（用于启动计时）。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="136"/>
        <source>Metis brain metastasis workstation</source>
        <translation>Metis 脑转移瘤工作站</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="104"/>
        <source>Database file.</source>
        <translation>数据库文件。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="107"/>
        <source>Sign in as this user without asking.</source>
        <translation>直接以此用户登录。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="109"/>
        <source>Open this patient.</source>
        <translation>打开此患者。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="113"/>
        <source>Save the main window as PNG once it is idle, then exit.</source>
        <translation>主窗口空闲后保存为 PNG，然后退出。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="117"/>
        <source>Side panel to show with the --open patient: inference (runs the model first when the patient has no AI result), comparison (manual against AI GTV), editing (the contour editor) or browser.</source>
        <translation>随 --open 患者显示的侧面板：inference（患者尚无 AI 结果时先运行模型）、comparison（手工与 AI GTV 对比）、editing（轮廓编辑器）或 browser。</translation>
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
        <translation>无法打开患者数据库：
%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="255"/>
        <source>Not signed in: %1</source>
        <translation>未登录：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="123"/>
        <source>Model package folder for inference (default: the active registered model).</source>
        <translation>用于推理的模型包文件夹（默认：当前启用的已注册模型）。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="131"/>
        <source>Write the PDF report of the --open patient to this file, then exit.</source>
        <translation>将 --open 患者的 PDF 报告写入此文件，然后退出。</translation>
    </message>
</context>
<context>
    <name>metis::ui::AuditLogDialog</name>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="277"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="279"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="280"/>
        <source>patient, series or structure set</source>
        <translation>患者、序列或结构集</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="281"/>
        <source>action (prefix)</source>
        <translation>操作（前缀）</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="284"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="302"/>
        <source>Audit chain verified: %1 entries, no tampering found.</source>
        <translation>审计链已验证：%1 条记录，未发现篡改。</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="304"/>
        <source>WARNING: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>metis::ui::ComparisonPanel</name>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="56"/>
        <source>matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="58"/>
        <source>missed</source>
        <translation>漏检</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="60"/>
        <source>false positive</source>
        <translation>假阳性</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="68"/>
        <source>Open a patient with a manual and an AI GTV to compare them.</source>
        <translation>请打开同时具有手工 GTV 和 AI GTV 的患者以进行比较。</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="76"/>
        <source>Status</source>
        <translation>状态</translation>
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
        <translation>手工 (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>AI (ml)</source>
        <translation>AI (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>AI - manual (ml)</source>
        <translation>AI - 手工 (ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>Axial diameter (mm)</source>
        <translation>轴位直径 (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="77"/>
        <source>3D extent (mm)</source>
        <translation>三维范围 (mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="76"/>
        <source>AI review</source>
        <translation>AI 审核</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="22"/>
        <source>HD95: the 95th percentile of the surface distances of both directions pooled (manual to AI and AI to manual), in 3D on the series grid, in mm. Per lesion: the lesion&apos;s manual surface against the union of the AI components that overlap it.</source>
        <translation>HD95：两个方向（手工到 AI、AI 到手工）表面距离合并后的第 95 百分位数，在序列网格上以三维计算，单位 mm。按病灶：该病灶的手工表面与所有与之重叠的 AI 分量之并集比较。</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="79"/>
        <source>A reader&apos;s decision on the AI lesion: confirmed or rejected</source>
        <translation>阅片者对 AI 病灶的决定：确认或否决</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="82"/>
        <source>RANO-BM: the longest diameter within one axial slice, edge to edge</source>
        <translation>RANO-BM：单个轴位层面内的最长直径（边缘到边缘）</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="84"/>
        <source>Largest distance between two voxel centres of the lesion in 3D; thick slices inflate it</source>
        <translation>病灶内两个体素中心在三维中的最大距离；厚层会使其偏大</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="90"/>
        <source>Click a lesion to centre the viewer on it.</source>
        <translation>点击病灶可将视图居中到该病灶。</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="96"/>
        <source>Accept AI lesion</source>
        <translation>接受 AI 病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="99"/>
        <source>Confirm the selected row&apos;s AI lesion; one without a manual contour is copied into the manual contours</source>
        <translation>确认所选行的 AI 病灶；没有手工轮廓的病灶将复制到手工轮廓中</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="101"/>
        <source>Reject AI lesion</source>
        <translation>否决 AI 病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="103"/>
        <source>Record the selected row&apos;s AI lesion as not a metastasis; the report leaves a rejected false positive out</source>
        <translation>将所选行的 AI 病灶记录为非转移灶；报告不列出被否决的假阳性</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="122"/>
        <source>Lesion diameter</source>
        <translation>病灶直径</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="122"/>
        <source>Detected / lesions</source>
        <translation>检出数 / 病灶数</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="122"/>
        <source>Sensitivity</source>
        <translation>敏感度</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="133"/>
        <source>Sensitivity by lesion size (manual axial diameter, RANO-BM)</source>
        <translation>按病灶大小的敏感度（手动轴位直径，RANO-BM）</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="176"/>
        <source>This patient has neither a manual nor an AI GTV.</source>
        <translation>该患者既无手工 GTV，也无 AI GTV。</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="177"/>
        <source>This patient has no manual GTV to compare with.</source>
        <translation>该患者没有可供比较的手工 GTV。</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="178"/>
        <source>This patient has no AI result yet: run the model in the inference panel first.</source>
        <translation>该患者尚无 AI 结果：请先在推理面板中运行模型。</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="182"/>
        <source>Comparing the manual and the AI GTV...</source>
        <translation>正在比较手工 GTV 与 AI GTV...</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="185"/>
        <source>Manual versus AI GTV</source>
        <translation>手工 GTV 对比 AI GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="198"/>
        <source>The comparison failed: %1</source>
        <translation>比较失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="203"/>
        <source>The comparison was cancelled.</source>
        <translation>比较已取消。</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="222"/>
        <source>Manual GTV (yellow) against the AI GTV (green, dashed).</source>
        <translation>手工 GTV（黄色）对比 AI GTV（绿色虚线）。</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="225"/>
        <source>Patient: Dice %1, HD95 %2 mm, precision %3, recall %4
Volume: manual %5 ml, AI %6 ml
Lesions: %7 matched, %8 missed, %9 false positive</source>
        <translation>患者：Dice %1，HD95 %2 mm，精确率 %3，召回率 %4
体积：手工 %5 ml，AI %6 ml
病灶：%7 个已匹配，%8 个漏检，%9 个假阳性</translation>
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
        <translation>已确认（%1）</translation>
    </message>
    <message>
        <location filename="../ui/src/ComparisonPanel.cpp" line="298"/>
        <source>rejected (%1)</source>
        <translation>已否决（%1）</translation>
    </message>
</context>
<context>
    <name>metis::ui::ContourEditPanel</name>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="54"/>
        <source>axial</source>
        <translation>轴位</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="56"/>
        <source>coronal</source>
        <translation>冠状位</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="58"/>
        <source>sagittal</source>
        <translation>矢状位</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="92"/>
        <source>Keep recovered edits</source>
        <translation>保留恢复的编辑</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="93"/>
        <source>Discard them</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="107"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="111"/>
        <source>Navigate (N)</source>
        <translation>导航 (N)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="112"/>
        <source>Brush (B)</source>
        <translation>画笔 (B)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="113"/>
        <source>Eraser (E)</source>
        <translation>橡皮擦 (E)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="114"/>
        <source>Contour (C)</source>
        <translation>轮廓 (C)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="115"/>
        <source>Split line (S)</source>
        <translation>分割线 (S)</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="128"/>
        <source>Drag a line across a lesion to cut it in two: the part on one side becomes a new lesion (the cut runs through every slice)</source>
        <translation>在病灶上拖出一条线将其一分为二：一侧的部分成为新病灶（切割贯穿所有层面）</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="135"/>
        <source>Brush and lesion</source>
        <translation>画笔与病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="141"/>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="143"/>
        <source>Brush diameter ([ smaller, ] larger)</source>
        <translation>画笔直径（[ 缩小，] 放大）</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="148"/>
        <source>3D ball</source>
        <translation>三维球</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="149"/>
        <source>Paint a ball through neighbouring slices instead of a disc</source>
        <translation>在相邻层面上绘制球体而非圆盘</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="158"/>
        <source>New lesion</source>
        <translation>新病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="160"/>
        <source>Diameter</source>
        <translation>直径</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="163"/>
        <source>Lesion</source>
        <translation>病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="166"/>
        <source>Only intensities</source>
        <translation>仅限强度范围</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="167"/>
        <source>Threshold-assisted paint: only voxels within the range change</source>
        <translation>阈值辅助绘制：仅范围内的体素会改变</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="182"/>
        <source>From cursor</source>
        <translation>取自光标</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="183"/>
        <source>Range around the intensity under the crosshair (plus or minus 20 %)</source>
        <translation>十字线处强度上下 20 % 的范围</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="204"/>
        <source>Lesion operations</source>
        <translation>病灶操作</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="210"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="614"/>
        <source>Fill holes</source>
        <translation>填充孔洞</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="211"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="621"/>
        <source>Remove islands</source>
        <translation>去除孤岛</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="212"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="627"/>
        <source>Smooth</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="213"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="633"/>
        <source>Interpolate slices</source>
        <translation>层间插值</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="214"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="647"/>
        <source>Copy to next slice</source>
        <translation>复制到下一层</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="215"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="647"/>
        <source>Copy to previous slice</source>
        <translation>复制到上一层</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="216"/>
        <source>Split into pieces</source>
        <translation>拆分为多个部分</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="217"/>
        <source>Merge lesion at cursor into this one</source>
        <translation>将光标处病灶合并到此病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="218"/>
        <source>Delete lesion</source>
        <translation>删除病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="219"/>
        <source>Accept AI lesion at cursor</source>
        <translation>接受光标处的 AI 病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="220"/>
        <source>Reject AI lesion at cursor</source>
        <translation>否决十字光标处的 AI 病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="234"/>
        <source>Save version...</source>
        <translation>保存版本...</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="235"/>
        <source>Discard edits</source>
        <translation>放弃编辑</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="243"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="270"/>
        <source>Save contours</source>
        <translation>保存轮廓</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="244"/>
        <source>Note for this version (optional):</source>
        <translation>此版本的备注（可选）：</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="265"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="790"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="267"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="793"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="280"/>
        <source>Undo the last edit (%1)</source>
        <translation>撤销上一次编辑（%1）</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="281"/>
        <source>Redo the edit undone last (%1)</source>
        <translation>重做最近撤销的编辑（%1）</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="282"/>
        <source>Save the edits as a new version (%1)</source>
        <translation>将编辑保存为新版本（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/ContourEditPanel.cpp" line="337"/>
        <source>%n unsaved edit step(s) of this series from an earlier session were recovered and are shown.</source>
        <translation>
            <numerusform>已恢复并显示此序列在之前会话中未保存的 %n 个编辑步骤。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="385"/>
        <source>Contours cannot be edited: %1</source>
        <translation>无法编辑轮廓：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="506"/>
        <source>The edit was not kept (%1); the contours are as before it.</source>
        <translation>此编辑未保留（%1）；轮廓保持原样。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="518"/>
        <source>Undo failed: %1</source>
        <translation>撤销失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="522"/>
        <source>Redo failed: %1</source>
        <translation>重做失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="549"/>
        <source>Nothing to save.</source>
        <translation>没有需要保存的内容。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="561"/>
        <source>Saved as version %1.</source>
        <translation>已保存为版本 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="566"/>
        <source>Not saved: %1. The edits are kept and journalled.</source>
        <translation>未保存：%1。编辑已保留并记入日志。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="637"/>
        <source>Interpolate slices %1-%2</source>
        <translation>插值第 %1-%2 层</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="666"/>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="671"/>
        <source>Split %1</source>
        <translation>拆分 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="681"/>
        <source>Place the crosshair on another lesion to merge it into %1.</source>
        <translation>请将十字线置于另一个病灶上，以将其合并到 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="686"/>
        <source>Merge %1 into %2</source>
        <translation>将 %1 合并到 %2</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="696"/>
        <location filename="../ui/src/ContourEditPanel.cpp" line="718"/>
        <source>There is no AI result to review.</source>
        <translation>没有可审核的 AI 结果。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="701"/>
        <source>Place the crosshair on an AI lesion.</source>
        <translation>请将十字光标放在 AI 病灶上。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="725"/>
        <source>%1 was not reviewed: %2</source>
        <translation>%1 未被审核：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="730"/>
        <source>%1 rejected.</source>
        <translation>%1 已否决。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="735"/>
        <source>Accept %1</source>
        <translation>接受 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="741"/>
        <source>%1 confirmed and copied into the manual contours as %2.</source>
        <translation>%1 已确认，并作为 %2 复制到手工轮廓中。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="743"/>
        <source>%1 confirmed; the manual contours already cover it.</source>
        <translation>%1 已确认；手工轮廓已覆盖它。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="767"/>
        <source>Open a patient to edit its contours.</source>
        <translation>打开患者以编辑其轮廓。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="770"/>
        <source>Manual GTV: version %1 (%2). Choose a tool to edit it.</source>
        <translation>手工 GTV：版本 %1（%2）。选择工具进行编辑。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="773"/>
        <source>No manual GTV yet. Choose a tool to draw one.</source>
        <translation>尚无手工 GTV。选择工具进行绘制。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="776"/>
        <source>Editing version %1</source>
        <translation>正在编辑版本 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="776"/>
        <source>Editing a new contour set</source>
        <translation>正在编辑新的轮廓集</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="778"/>
        <source> (locked: saving makes a new version)</source>
        <translation>（已锁定：保存将生成新版本）</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="780"/>
        <source>: unsaved edits, journalled</source>
        <translation>：有未保存的编辑，已记入日志</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="781"/>
        <source>: no unsaved edits</source>
        <translation>：无未保存的编辑</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="784"/>
        <source>Slice operations act along the framed view: %1.</source>
        <translation>层面操作沿带框视图进行：%1。</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="789"/>
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/ContourEditPanel.cpp" line="792"/>
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
</context>
<context>
    <name>metis::ui::ContourReview</name>
    <message>
        <location filename="../ui/src/ContourReview.cpp" line="20"/>
        <source>The series has no manual GTV to review.</source>
        <translation>该序列没有可审核的手工 GTV。</translation>
    </message>
</context>
<context>
    <name>metis::ui::DemoCohortDialog</name>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="17"/>
        <source>Demo cohort</source>
        <translation>演示队列</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="20"/>
        <source>&lt;p&gt;The patient database is empty.&lt;/p&gt;&lt;p&gt;Metis can create a &lt;b&gt;demo cohort&lt;/b&gt; of %1 synthetic patients (MR series, manual contours and EGFR labels generated on the Colin27 brain; SYNTHETIC, not patient data), import it and activate the demo model shipped with Metis (trained on phantom data, research use only). This takes about two minutes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;患者数据库为空。&lt;/p&gt;&lt;p&gt;Metis 可以创建一个包含 %1 名合成患者的&lt;b&gt;演示队列&lt;/b&gt;（在 Colin27 脑模板上生成的 MR 序列、手工勾画和 EGFR 状态；均为合成数据，并非患者数据），将其导入并激活 Metis 自带的演示模型（基于体模数据训练，仅供研究）。约需两分钟。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="29"/>
        <source>Cohort folder: %1</source>
        <translation>队列文件夹：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="42"/>
        <source>Create the demo cohort</source>
        <translation>创建演示队列</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="43"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="74"/>
        <source>The folder %1 exists already and is not empty; move it away or import it with File &gt; Import studies.</source>
        <translation>文件夹 %1 已存在且不为空；请将其移走，或通过“文件 &gt; 导入检查”导入。</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="85"/>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="94"/>
        <source>Generating the demo cohort...</source>
        <translation>正在生成演示队列...</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="113"/>
        <source>Generating the demo cohort: patient %1 of %2</source>
        <translation>正在生成演示队列：第 %1 名患者，共 %2 名</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="133"/>
        <source>The demo cohort could not be generated (%1).</source>
        <translation>无法生成演示队列（%1）。</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="134"/>
        <source>the generator ended with status %1</source>
        <translation>生成程序以状态 %1 结束</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="144"/>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <location filename="../ui/src/DemoCohortDialog.cpp" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>metis::ui::DicomNodesDialog</name>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="67"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="68"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="93"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="68"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="87"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="94"/>
        <source>AE title</source>
        <translation>AE 标题</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="68"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="95"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="68"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="96"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="70"/>
        <source>Save node</source>
        <translation>保存节点</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="71"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="72"/>
        <source>Test (C-ECHO)</source>
        <translation>测试 (C-ECHO)</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="73"/>
        <source>DICOM nodes</source>
        <translation>DICOM 节点</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="85"/>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="88"/>
        <source>Listening port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="89"/>
        <source>Associations at once</source>
        <translation>同时关联数</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="105"/>
        <source>Nodes (the listener accepts these AE titles only):</source>
        <translation>节点（监听只接受这些 AE 标题）：</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="118"/>
        <source>Only an administrator configures DICOM nodes</source>
        <translation>只有管理员可以配置 DICOM 节点</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="176"/>
        <source>Saved %1: %2. The listener accepts it from now on.</source>
        <translation>已保存 %1：%2。监听从现在起接受它。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="182"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="208"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="191"/>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="195"/>
        <source>Not removed: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="204"/>
        <source>This workstation is now %1 on port %2.</source>
        <translation>本工作站现为 %1，端口 %2。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="219"/>
        <source>Choose a saved node to test.</source>
        <translation>请选择一个已保存的节点进行测试。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="229"/>
        <source>C-ECHO</source>
        <translation>C-ECHO</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="236"/>
        <source>Testing %1...</source>
        <translation>正在测试 %1...</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="240"/>
        <source>%1 answered C-ECHO in %2 ms.</source>
        <translation>%1 在 %2 毫秒内响应了 C-ECHO。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="246"/>
        <source>%1 did not answer: %2</source>
        <translation>%1 没有响应：%2</translation>
    </message>
</context>
<context>
    <name>metis::ui::ImportDialog</name>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="112"/>
        <location filename="../ui/src/Dialogs.cpp" line="212"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="113"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="114"/>
        <source>Import studies</source>
        <translation>导入检查</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="116"/>
        <source>Add folder...</source>
        <translation>添加文件夹...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="117"/>
        <source>Add files...</source>
        <translation>添加文件...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="118"/>
        <source>Clinical CSV...</source>
        <translation>临床 CSV...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="119"/>
        <source>optional: patient id, diagnosis date, EGFR status</source>
        <translation>可选：患者 ID、诊断日期、EGFR 状态</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="138"/>
        <source>DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:</source>
        <translation>DICOM 文件夹或文件、RTSTRUCT、NIfTI 图像和掩膜：</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="153"/>
        <source>Cancelling after the current series...</source>
        <translation>将在当前序列完成后取消...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="159"/>
        <source>Add a folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="166"/>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="173"/>
        <source>Clinical CSV</source>
        <translation>临床 CSV</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="173"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="199"/>
        <source>Add a folder, files or a clinical CSV first.</source>
        <translation>请先添加文件夹、文件或临床 CSV。</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="229"/>
        <source>Import cancelled. Series imported before the cancel are kept.</source>
        <translation>导入已取消。取消前已导入的序列会保留。</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="233"/>
        <source>Import stopped: %1</source>
        <translation>导入已停止：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="234"/>
        <source>ERROR: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="247"/>
        <source>Importing...</source>
        <translation>正在导入...</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="253"/>
        <source>%1 series (%2 images), %3 structure sets and %4 clinical rows imported; %5 already present; %6 problem(s).</source>
        <translation>已导入 %1 个序列（%2 幅图像）、%3 个结构集和 %4 行临床数据；%5 项已存在；%6 个问题。</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="263"/>
        <source>ERROR  %1: %2</source>
        <translation>错误 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="268"/>
        <source>note   %1: %2</source>
        <translation>提示 %1：%2</translation>
    </message>
</context>
<context>
    <name>metis::ui::InferencePanel</name>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="38"/>
        <source>Research use only: untrained model with random weights; these figures mean nothing.</source>
        <translation>仅供研究使用：未训练的随机权重模型，这些数值没有任何意义。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="41"/>
        <source>Research use only: phantom-trained model, not validated on patients. Not for clinical decisions.</source>
        <translation>仅供研究使用：基于体模训练的模型，未经患者数据验证。不可用于临床决策。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="46"/>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>仅供研究使用，不可用于临床决策。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="55"/>
        <source>Implausible: %1 lesions (more than %2).</source>
        <translation>不合理：%1 个病灶（多于 %2 个）。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="59"/>
        <source>Implausible: total GTV %1 ml (more than %2 ml).</source>
        <translation>不合理：GTV 总体积 %1 ml（大于 %2 ml）。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="62"/>
        <source>Implausible: %1 % of the GTV lies in the scalp or outside the head (more than %2 %).</source>
        <translation>不合理：%1 % 的 GTV 位于头皮或头部之外（多于 %2 %）。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="67"/>
        <source>Uncertain EGFR call: probability %1, close to 0.5.</source>
        <translation>EGFR 判断不确定：概率 %1，接近 0.5。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="70"/>
        <source>The AI EGFR call disagrees with the recorded EGFR status.</source>
        <translation>AI 的 EGFR 判断与记录的 EGFR 状态不一致。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="86"/>
        <source>&amp;Run MTSA-Net</source>
        <translation>运行 MTSA-Net(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="87"/>
        <source>Segment the metastases and predict the EGFR status of the open series; the result is stored in the database</source>
        <translation>分割转移瘤并预测当前序列的 EGFR 状态；结果将保存到数据库</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="89"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="105"/>
        <source>GTV probability at or above which a voxel is tumour; the model package&apos;s value was chosen on its validation patients</source>
        <translation>体素被判为肿瘤的 GTV 概率阈值；模型包的取值是在其验证患者上选定的</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="113"/>
        <source>Predicted lesions smaller than this are dropped</source>
        <translation>小于此值的预测病灶将被舍弃</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="114"/>
        <source>Package defaults</source>
        <translation>模型包默认值</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="115"/>
        <source>Back to the model package&apos;s threshold and smallest lesion</source>
        <translation>恢复模型包的阈值和最小病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="124"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="125"/>
        <source>Smallest lesion</source>
        <translation>最小病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="160"/>
        <source>Per slice</source>
        <translation>逐层</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="162"/>
        <source>In the call (top 50 % by GTV area)</source>
        <translation>计入判定（按 GTV 面积前 50%）</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="167"/>
        <source>Model slice (inferior to superior)</source>
        <translation>模型层面（由下至上）</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="170"/>
        <source>Mutant probability</source>
        <translation>突变概率</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Lesion</source>
        <translation>病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Volume
(ml)</source>
        <translation>体积
(ml)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Axial
(mm)</source>
        <translation>轴位
(mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>3D
(mm)</source>
        <translation>三维
(mm)</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="195"/>
        <source>Mean
prob.</source>
        <translation>平均
概率</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="197"/>
        <source>Mean GTV probability over the lesion&apos;s voxels</source>
        <translation>病灶体素的平均 GTV 概率</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="199"/>
        <source>Axial diameter (RANO-BM): the longest diameter within one axial slice, edge to edge</source>
        <translation>轴位直径（RANO-BM）：单个轴位层面内的最长直径（边缘到边缘）</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="201"/>
        <source>3D extent: the largest distance between two voxel centres of the lesion; thick slices inflate it</source>
        <translation>三维范围：病灶两个体素中心之间的最大距离；厚层会使其偏大</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="208"/>
        <source>Click a lesion to centre the viewer on it</source>
        <translation>点击病灶可将视图居中到该病灶</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="250"/>
        <source>No model: activate a registered model or set a model package.</source>
        <translation>无模型：请启用已注册的模型或指定模型包。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="251"/>
        <source>Model %1
%2</source>
        <translation>模型 %1
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="256"/>
        <source>Your role may not run the model</source>
        <translation>您的角色无权运行模型</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="305"/>
        <source>Stored result of %1 UTC, model %2.</source>
        <translation>已保存的结果：%1 UTC，模型 %2。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="316"/>
        <source>No AI result for this series yet.</source>
        <translation>此序列尚无 AI 结果。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="316"/>
        <source>No patient open.</source>
        <translation>未打开任何患者。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="336"/>
        <source>No model package is configured.</source>
        <translation>未配置模型包。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="340"/>
        <source>Running %1...</source>
        <translation>正在运行 %1...</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="354"/>
        <source>MTSA-Net on %1</source>
        <translation>对 %1 运行 MTSA-Net</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="376"/>
        <source>Result stored: model %1, %2 lesions.</source>
        <translation>结果已保存：模型 %1，%2 个病灶。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="391"/>
        <source>Inference failed, nothing was stored:
%1</source>
        <translation>推理失败，未保存任何内容：
%1</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="397"/>
        <source>Inference cancelled, nothing was stored.</source>
        <translation>推理已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="440"/>
        <source>Check this result before use: the segmentation is implausible.</source>
        <translation>使用前请核查此结果：分割结果不合理。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="445"/>
        <location filename="../ui/src/InferencePanel.cpp" line="452"/>
        <source>EGFR mutant</source>
        <translation>EGFR 突变型</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="445"/>
        <location filename="../ui/src/InferencePanel.cpp" line="452"/>
        <source>EGFR wild type</source>
        <translation>EGFR 野生型</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="446"/>
        <source>%1 (mutation probability %2)</source>
        <translation>%1（突变概率 %2）</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="451"/>
        <source>Recorded: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="456"/>
        <source>No EGFR prediction: the model has no EGFR head.</source>
        <translation>无 EGFR 预测：该模型没有 EGFR 预测头。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="463"/>
        <source>Threshold %1, smallest lesion %2 mm³: chosen by the reader, not the package&apos;s defaults.</source>
        <translation>阈值 %1，最小病灶 %2 mm³：由阅片者选定，而非模型包默认值。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="465"/>
        <source>Threshold %1, smallest lesion %2 mm³ (the package&apos;s defaults).</source>
        <translation>阈值 %1，最小病灶 %2 mm³（模型包默认值）。</translation>
    </message>
    <message>
        <location filename="../ui/src/InferencePanel.cpp" line="471"/>
        <source>No metastasis was segmented: the call averages every slice.</source>
        <translation>未分割出转移瘤：判定结果为所有层面的平均值。</translation>
    </message>
</context>
<context>
    <name>metis::ui::LoginDialog</name>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="26"/>
        <source>Metis - sign in</source>
        <translation>Metis - 登录</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="34"/>
        <source>empty: signed in as this computer&apos;s account</source>
        <translation>留空：以本计算机的账户登录</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="39"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="40"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="42"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="46"/>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>仅供研究使用，不可用于临床决策。</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="64"/>
        <source>too many failed sign-ins for &apos;%1&apos;: try again in %2 minutes</source>
        <translation>'%1' 登录失败次数过多：请 %2 分钟后重试</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="68"/>
        <source>no active user &apos;%1&apos;</source>
        <translation>没有名为 '%1' 的活动用户</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="70"/>
        <source>&apos;%1&apos; has no password and no OS account to sign in with; an administrator sets one</source>
        <translation>'%1' 既无密码也无可用于登录的系统账户；请管理员设置</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="74"/>
        <source>&apos;%1&apos; needs a password (this program runs as the OS account &apos;%2&apos;, not one bound to that user)</source>
        <translation>'%1' 需要密码（本程序以系统账户 '%2' 运行，该账户未绑定此用户）</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="78"/>
        <source>wrong password for &apos;%1&apos;</source>
        <translation>'%1' 的密码错误</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="80"/>
        <source>wrong password for &apos;%1&apos; (checked as the OS account &apos;%2&apos;)</source>
        <translation>'%1' 的密码错误（按系统账户 '%2' 校验）</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="98"/>
        <source>Not signed in: %1. Type the password.</source>
        <translation>未登录：%1。请输入密码。</translation>
    </message>
    <message>
        <location filename="../ui/src/Dialogs.cpp" line="99"/>
        <source>Not signed in: %1.</source>
        <translation>未登录：%1。</translation>
    </message>
</context>
<context>
    <name>metis::ui::MainWindow</name>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="304"/>
        <source>&amp;Models...</source>
        <translation>模型(&amp;M)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="312"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="318"/>
        <source>&amp;Approve contour</source>
        <translation>批准轮廓(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="319"/>
        <source>Approve the open series&apos; manual GTV</source>
        <translation>批准当前序列的手工 GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="321"/>
        <source>&amp;Lock contour</source>
        <translation>锁定轮廓(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="322"/>
        <source>Lock the open series&apos; manual GTV against any change</source>
        <translation>锁定当前序列的手工 GTV，禁止任何修改</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="426"/>
        <source>No patient is open.</source>
        <translation>未打开任何患者。</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="432"/>
        <source>Patient %1: manual GTV %2</source>
        <translation>患者 %1：手工 GTV %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="433"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="434"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="438"/>
        <source>Review refused: %1</source>
        <translation>审核被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="66"/>
        <source>Metis %1 - brain metastasis workstation (research use only)</source>
        <translation>Metis %1 - 脑转移瘤工作站（仅供研究使用）</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="126"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="74"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="122"/>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="276"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="277"/>
        <source>&amp;Import studies...</source>
        <translation>导入检查(&amp;I)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="291"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="300"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="301"/>
        <source>&amp;Retrain model...</source>
        <translation>重新训练模型(&amp;R)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="302"/>
        <source>Physicists retrain MTSA-Net on the local cohort</source>
        <translation>物理师在本地队列上重新训练 MTSA-Net</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="303"/>
        <source>&amp;Audit log...</source>
        <translation>审计日志(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="339"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="340"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="354"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="355"/>
        <source>The language changes the next time Metis starts.</source>
        <translation>语言将在下次启动 Metis 时生效。</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="82"/>
        <source>AI inference</source>
        <translation>AI 推理</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="88"/>
        <source>Manual vs AI</source>
        <translation>手工对比 AI</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="95"/>
        <source>Contour editing</source>
        <translation>轮廓编辑</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="133"/>
        <source>Series of the open patient</source>
        <translation>当前患者的序列</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="167"/>
        <location filename="../ui/src/MainWindow.cpp" line="212"/>
        <source>DICOM: off</source>
        <translation>DICOM：关闭</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="173"/>
        <source>No DICOM nodes are configured (Tools &gt; DICOM nodes)</source>
        <translation>未配置 DICOM 节点（工具 &gt; DICOM 节点）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/MainWindow.cpp" line="193"/>
        <source>Received %n file(s) from %1: %2 series imported, %3 problem(s)</source>
        <translation>
            <numerusform>从 %1 收到 %n 个文件：导入 %2 个序列，%3 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/MainWindow.cpp" line="204"/>
        <source>%n structure set(s) waiting for their images</source>
        <translation>
            <numerusform>%n 个结构集正在等待其图像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="198"/>
        <source>Received files from %1 not imported yet: %2</source>
        <translation>从 %1 收到的文件尚未导入：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="209"/>
        <source>DICOM: %1 on port %2</source>
        <translation>DICOM：%1，端口 %2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="210"/>
        <source>Receiving studies from the configured DICOM nodes</source>
        <translation>正在接收已配置 DICOM 节点发送的检查</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="214"/>
        <source>The DICOM listener could not start: %1</source>
        <translation>DICOM 监听无法启动：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="242"/>
        <location filename="../ui/src/MainWindow.cpp" line="247"/>
        <source>Send contours to PACS</source>
        <translation>将轮廓发送到 PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="243"/>
        <source>The open series has no saved contours to send.</source>
        <translation>打开的序列没有可发送的已保存轮廓。</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="248"/>
        <source>The contours have unsaved edits. Save them as a version first: this sends the saved version %1.</source>
        <translation>轮廓有未保存的编辑。请先保存为版本：此操作发送已保存的版本 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="280"/>
        <source>&amp;Export report...</source>
        <translation>导出报告(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="282"/>
        <source>Export &amp;contours (RTSTRUCT)...</source>
        <translation>导出轮廓 (RTSTRUCT)(&amp;C)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="286"/>
        <source>&amp;Query PACS...</source>
        <translation>查询 PACS(&amp;Q)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="288"/>
        <source>&amp;Send contours to PACS...</source>
        <translation>将轮廓发送到 PACS(&amp;S)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="294"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="305"/>
        <source>&amp;DICOM nodes...</source>
        <translation>DICOM 节点(&amp;D)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="306"/>
        <source>&amp;Users...</source>
        <translation>用户(&amp;U)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="313"/>
        <source>Mark contour &amp;corrected</source>
        <translation>将轮廓标记为已修正(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="316"/>
        <source>Mark the open series&apos; saved manual GTV as corrected, ready for approval</source>
        <translation>将当前序列已保存的手工 GTV 标记为已修正，待审批</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="325"/>
        <source>Contour &amp;versions...</source>
        <translation>轮廓版本(&amp;V)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="335"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="336"/>
        <source>&amp;Keyboard and mouse...</source>
        <translation>键盘和鼠标(&amp;K)...</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="337"/>
        <source>&amp;About Metis</source>
        <translation>关于 Metis(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="362"/>
        <source>Left click / drag</source>
        <translation>左键单击 / 拖动</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="362"/>
        <source>Place the crosshair (all views follow)</source>
        <translation>放置十字线（所有视图跟随）</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="363"/>
        <source>Right drag</source>
        <translation>右键拖动</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="363"/>
        <source>Window (left-right) and level (up-down)</source>
        <translation>窗宽（左右）和窗位（上下）</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="364"/>
        <source>Middle drag, Shift + left drag</source>
        <translation>中键拖动，Shift + 左键拖动</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="364"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="365"/>
        <source>Wheel, Up / Down</source>
        <translation>滚轮，上 / 下</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="365"/>
        <source>Next / previous slice</source>
        <translation>下一层 / 上一层</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="366"/>
        <source>Page Up / Page Down</source>
        <translation>Page Up / Page Down</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="366"/>
        <source>Ten slices</source>
        <translation>十层</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="367"/>
        <source>Ctrl + wheel, + / -</source>
        <translation>Ctrl + 滚轮，+ / -</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="367"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="368"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="368"/>
        <source>Reset zoom and pan</source>
        <translation>重置缩放和平移</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="369"/>
        <source>1, 2, 3</source>
        <translation>1, 2, 3</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="369"/>
        <source>Window presets</source>
        <translation>窗口预设</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="370"/>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="370"/>
        <source>Maximise the view / back to the layout</source>
        <translation>最大化视图 / 返回布局</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="371"/>
        <source>B, E, C</source>
        <translation>B, E, C</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="371"/>
        <source>Brush, eraser, contour fill (Contour editing panel)</source>
        <translation>画笔、橡皮擦、轮廓填充（轮廓编辑面板）</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="372"/>
        <source>N, Esc</source>
        <translation>N, Esc</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="372"/>
        <source>Back to navigation</source>
        <translation>返回导航</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="373"/>
        <source>[ and ]</source>
        <translation>[ 和 ]</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="373"/>
        <source>Brush smaller / larger</source>
        <translation>画笔缩小 / 放大</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="374"/>
        <source>Ctrl + left drag</source>
        <translation>Ctrl + 左键拖动</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="374"/>
        <source>Erase with the brush, subtract with the contour</source>
        <translation>用画笔擦除，用轮廓减去</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="375"/>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="375"/>
        <source>Undo the last edit step</source>
        <translation>撤销上一步编辑</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="376"/>
        <source>Ctrl+Shift+Z, Ctrl+Y</source>
        <translation>Ctrl+Shift+Z, Ctrl+Y</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="376"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="377"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="377"/>
        <source>Save the contours as a new version</source>
        <translation>将轮廓保存为新版本</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="378"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="378"/>
        <source>Import studies</source>
        <translation>导入检查</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="389"/>
        <source>Keyboard and mouse</source>
        <translation>键盘和鼠标</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="400"/>
        <source>About Metis</source>
        <translation>关于 Metis</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="401"/>
        <source>&lt;p&gt;&lt;b&gt;Metis&lt;/b&gt;: brain metastasis workstation (GTV segmentation and EGFR prediction with MTSA-Net).&lt;/p&gt;&lt;p&gt;Research and demonstration software, not for clinical use.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Metis&lt;/b&gt;：脑转移瘤工作站（使用 MTSA-Net 进行 GTV 分割和 EGFR 预测）。&lt;/p&gt;&lt;p&gt;研究与演示软件，不可用于临床。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="435"/>
        <source>corrected</source>
        <translation>已修正</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="449"/>
        <source>%1 (%2 images, %3)</source>
        <translation>%1（%2 张图像，%3）</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="473"/>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="494"/>
        <source>Patient %1: %2</source>
        <translation>患者 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="502"/>
        <source>Cannot open patient %1: %2</source>
        <translation>无法打开患者 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="504"/>
        <source>Open patient</source>
        <translation>打开患者</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="505"/>
        <source>Cannot open patient %1:
%2</source>
        <translation>无法打开患者 %1：
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="512"/>
        <location filename="../ui/src/MainWindow.cpp" line="517"/>
        <location filename="../ui/src/MainWindow.cpp" line="527"/>
        <location filename="../ui/src/MainWindow.cpp" line="535"/>
        <location filename="../ui/src/MainWindow.cpp" line="537"/>
        <source>Export contours</source>
        <translation>导出轮廓</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="513"/>
        <source>The open series has no saved contours to export.</source>
        <translation>当前序列没有可导出的已保存轮廓。</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="518"/>
        <source>The contours have unsaved edits. Save them as a version first: the export writes the saved version %1.</source>
        <translation>轮廓有未保存的编辑。请先保存为版本：导出将写出已保存的版本 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="527"/>
        <source>DICOM files (*.dcm)</source>
        <translation>DICOM 文件 (*.dcm)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="549"/>
        <source>Cannot export the contours to %1:
%2</source>
        <translation>无法将轮廓导出到 %1：
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="555"/>
        <source>%1: %2 mm, Dice %3 against the saved version
</source>
        <translation>%1：%2 mm，与已保存版本的 Dice 为 %3
</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="563"/>
        <source>Contours exported: %1</source>
        <translation>轮廓已导出：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="566"/>
        <source>The file %1 was written, but a lesion of 5 mm or more reads back with Dice below 0.98:
%2</source>
        <translation>文件 %1 已写出，但有 5 mm 及以上的病灶回读 Dice 低于 0.98：
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="571"/>
        <source>Written and read back: %1

%2</source>
        <translation>已写出并回读：%1

%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="585"/>
        <location filename="../ui/src/MainWindow.cpp" line="596"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="585"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="597"/>
        <source>Cannot write the report %1:
%2</source>
        <translation>无法写入报告 %1：
%2</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="606"/>
        <source>no patient is open</source>
        <translation>未打开任何患者</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="620"/>
        <source>Report for %1</source>
        <translation>%1 的报告</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="633"/>
        <location filename="../ui/src/MainWindow.cpp" line="644"/>
        <source>Report not written: %1</source>
        <translation>报告未写入：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="639"/>
        <source>Report written: %1</source>
        <translation>报告已写入：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="699"/>
        <source>Demo cohort imported. No demo model is installed beside Metis: register a model under Tools &gt; Models.</source>
        <translation>演示队列已导入。Metis 旁未安装演示模型：请在“工具 &gt; 模型”中注册模型。</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="705"/>
        <source>Demo cohort imported; the demo model (trained on phantom data, research use only) is active.</source>
        <translation>演示队列已导入；演示模型（基于体模数据训练，仅供研究）已激活。</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="708"/>
        <source>Demo cohort imported; the active model stays active.</source>
        <translation>演示队列已导入；当前激活的模型保持不变。</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="711"/>
        <source>Demo cohort imported; the demo model was not activated: %1</source>
        <translation>演示队列已导入；演示模型未激活：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="788"/>
        <location filename="../ui/src/MainWindow.cpp" line="800"/>
        <source>Unsaved contour edits</source>
        <translation>未保存的轮廓编辑</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="789"/>
        <source>The contours of the open series have unsaved edits.

Save them as a new version now, or close and keep them in the edit journal (they are offered again the next time this series is opened)?</source>
        <translation>当前序列的轮廓有未保存的编辑。

现在将其保存为新版本，还是关闭并保留在编辑日志中（下次打开此序列时会再次提供）？</translation>
    </message>
    <message>
        <location filename="../ui/src/MainWindow.cpp" line="798"/>
        <source>saved on closing the workstation</source>
        <translation>关闭工作站时保存</translation>
    </message>
</context>
<context>
    <name>metis::ui::ModelsDialog</name>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="40"/>
        <source>&amp;Activate</source>
        <translation>激活(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="41"/>
        <source>&amp;Register package...</source>
        <translation>注册模型包(&amp;R)...</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="43"/>
        <source>Metis - models</source>
        <translation>Metis - 模型</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="45"/>
        <source>Package</source>
        <translation>模型包</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="57"/>
        <source>Only physicists and administrators register models</source>
        <translation>只有物理师和管理员可以注册模型</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="60"/>
        <source>Only physicists and administrators activate models</source>
        <translation>只有物理师和管理员可以激活模型</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="91"/>
        <source>Unsigned package</source>
        <translation>未签名的模型包</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="92"/>
        <source>Package signed by %1</source>
        <translation>模型包由 %1 签名</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="102"/>
        <source>active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="132"/>
        <source>Model package folder</source>
        <translation>模型包文件夹</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="143"/>
        <source>Cannot register %1: %2</source>
        <translation>无法注册 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="149"/>
        <source>Registered model %1 from %2.</source>
        <translation>已从 %2 注册模型 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="167"/>
        <source>Cannot activate model %1: %2</source>
        <translation>无法激活模型 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="172"/>
        <source>Model %1 is now the active model.</source>
        <translation>模型 %1 现为启用模型。</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="188"/>
        <location filename="../ui/src/ModelsDialog.cpp" line="200"/>
        <source>Activate model</source>
        <translation>激活模型</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="189"/>
        <source>Model %1 will be used for every new AI result.
Reason (recorded in the audit log):</source>
        <translation>模型 %1 将用于此后所有新的 AI 结果。
原因（记入审计日志）：</translation>
    </message>
    <message>
        <location filename="../ui/src/ModelsDialog.cpp" line="201"/>
        <source>Model %1 names no training cohort: its weights are untrained and its results would be meaningless. Activate it anyway (for a pipeline test only)?</source>
        <translation>模型 %1 未注明训练队列：其权重未经训练，结果没有意义。仍要激活（仅用于流程测试）吗？</translation>
    </message>
</context>
<context>
    <name>metis::ui::PacsQueryDialog</name>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="261"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="287"/>
        <source>Patient ID</source>
        <translation>患者 ID</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="263"/>
        <source>Modalities</source>
        <translation>模态</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="294"/>
        <source>Modality</source>
        <translation>模态</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="264"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="265"/>
        <source>Retrieve</source>
        <translation>获取</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="266"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="268"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="387"/>
        <location filename="../ui/src/PacsDialogs.cpp" line="425"/>
        <source>Query PACS</source>
        <translation>查询 PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="271"/>
        <source>* and ? as wildcards</source>
        <translation>* 和 ? 为通配符</translation>
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
        <translation>未配置 DICOM 节点：请管理员在“工具 &gt; DICOM 节点”中添加 PACS。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="286"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="288"/>
        <source>Patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="291"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="293"/>
        <source>Study date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="307"/>
        <source>Series of the chosen study (ticked ones are retrieved):</source>
        <translation>所选检查的序列（勾选的将被获取）：</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="313"/>
        <source>Retrieve by C-MOVE to this workstation; the PACS must know its AE title and port</source>
        <translation>通过 C-MOVE 获取到本工作站；PACS 必须知道其 AE 标题和端口</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="326"/>
        <source>Cancelling after the current series; what arrived is kept...</source>
        <translation>将在当前序列后取消；已收到的内容将保留...</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="357"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PacsDialogs.cpp" line="405"/>
        <source>%n study(ies) found.</source>
        <translation>
            <numerusform>找到 %n 个检查。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="408"/>
        <source>Searching...</source>
        <translation>正在搜索...</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PacsDialogs.cpp" line="444"/>
        <source>%n series in this study.</source>
        <translation>
            <numerusform>此检查中有 %n 个序列。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="461"/>
        <source>Tick at least one series.</source>
        <translation>请至少勾选一个序列。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="467"/>
        <source>Retrieve from PACS</source>
        <translation>从 PACS 获取</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="480"/>
        <source>%1 series (%2 images) and %3 structure sets imported, %4 already present; %5 problem(s).</source>
        <translation>已导入 %1 个序列（%2 幅图像）和 %3 个结构集，%4 个已存在；%5 个问题。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="490"/>
        <source>Retrieval cancelled; what arrived before is imported.</source>
        <translation>获取已取消；之前收到的内容已导入。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="496"/>
        <source>Retrieving...</source>
        <translation>正在获取...</translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientBrowser</name>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="82"/>
        <source>Manual GTV</source>
        <translation>手工 GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="83"/>
        <source>AI result</source>
        <translation>AI 结果</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="84"/>
        <source>Diagnosed</source>
        <translation>确诊日期</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="86"/>
        <source>Search patient ID or name</source>
        <translation>搜索患者 ID 或姓名</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="88"/>
        <source>Any EGFR status</source>
        <translation>任意 EGFR 状态</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="89"/>
        <source>Mutant</source>
        <translation>突变型</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="90"/>
        <source>Wild-type</source>
        <translation>野生型</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="91"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="92"/>
        <source>Any review status</source>
        <translation>任意审核状态</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="94"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="94"/>
        <source>Corrected</source>
        <translation>已修正</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="95"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientBrowser.cpp" line="95"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/PatientBrowser.cpp" line="163"/>
        <location filename="../ui/src/PatientBrowser.cpp" line="165"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n 位患者</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientListModel</name>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="11"/>
        <source>Mutant</source>
        <translation>突变型</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="14"/>
        <source>Wild-type</source>
        <translation>野生型</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="16"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="21"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="24"/>
        <source>Corrected</source>
        <translation>已修正</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="27"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="30"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="86"/>
        <location filename="../ui/src/PatientListModel.cpp" line="88"/>
        <location filename="../ui/src/PatientListModel.cpp" line="104"/>
        <location filename="../ui/src/PatientListModel.cpp" line="106"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="97"/>
        <source>none</source>
        <translation>无</translation>
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
诊断：%3
EGFR：%4
序列：%5
手动 GTV：%6（审核：%7）
AI 结果：%8</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="104"/>
        <location filename="../ui/src/PatientListModel.cpp" line="106"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="123"/>
        <source>Patient ID</source>
        <translation>患者 ID</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="125"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="127"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="129"/>
        <source>EGFR</source>
        <translation>EGFR</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="131"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="133"/>
        <source>Manual GTV</source>
        <translation>手工 GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="135"/>
        <source>AI result</source>
        <translation>AI 结果</translation>
    </message>
    <message>
        <location filename="../ui/src/PatientListModel.cpp" line="137"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
</context>
<context>
    <name>metis::ui::SendToPacsDialog</name>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="506"/>
        <source>With its images</source>
        <translation>包含图像</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="507"/>
        <source>De-identified (research, PS3.15 Basic Profile)</source>
        <translation>去标识化（研究用，PS3.15 基本配置）</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="509"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="511"/>
        <source>Send contours to PACS</source>
        <translation>将轮廓发送到 PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="518"/>
        <source>Names, identifiers and UIDs replaced; dates and sex, age and weight kept. Needs the images, which it de-identifies too.</source>
        <translation>替换姓名、标识符和 UID；保留日期以及性别、年龄和体重。需要同时发送图像，图像也会去标识化。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="521"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="522"/>
        <source>Contours</source>
        <translation>轮廓</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="522"/>
        <source>saved version %1</source>
        <translation>已保存版本 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="525"/>
        <source>Pseudonym</source>
        <translation>化名</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="535"/>
        <source>No DICOM nodes are configured: an administrator adds the PACS under Tools &gt; DICOM nodes.</source>
        <translation>未配置 DICOM 节点：请管理员在“工具 &gt; DICOM 节点”中添加 PACS。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="566"/>
        <source>Send to PACS</source>
        <translation>发送到 PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="583"/>
        <source>%1 of %2 files stored at %3.</source>
        <translation>%3 已存储 %2 个文件中的 %1 个。</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="598"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/PacsDialogs.cpp" line="603"/>
        <source>Sending...</source>
        <translation>正在发送...</translation>
    </message>
</context>
<context>
    <name>metis::ui::TrainingWizard</name>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="53"/>
        <source>no image series</source>
        <translation>无图像序列</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="55"/>
        <source>no manual GTV</source>
        <translation>无手工 GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="58"/>
        <source>GTV is %1, not approved</source>
        <translation>GTV 为 %1，未批准</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="60"/>
        <source>GTV is %1, not corrected or approved</source>
        <translation>GTV 为 %1，未修正或批准</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="63"/>
        <source>no known EGFR status</source>
        <translation>EGFR 状态未知</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="65"/>
        <source>no diagnosis date</source>
        <translation>无诊断日期</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="71"/>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="94"/>
        <source>Retrain MTSA-Net on this site&apos;s patients</source>
        <translation>用本院患者重新训练 MTSA-Net</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="115"/>
        <source>An earlier run of this package stopped after epoch %1. Start continues from there.</source>
        <translation>此模型包的先前训练在第 %1 轮后停止。开始将从该处继续。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="129"/>
        <source>New model package: %1
%2 epochs; best validation Dice %3 (epoch %4).</source>
        <translation>新模型包：%1
%2 个轮次；最佳验证 Dice %3（第 %4 轮）。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="153"/>
        <source>Cohort</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="154"/>
        <source>Patients with a reviewed manual GTV, a known EGFR status and a diagnosis date train the model.</source>
        <translation>具有已审核手工 GTV、已知 EGFR 状态和诊断日期的患者用于训练模型。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="157"/>
        <source>Approved or locked GTVs</source>
        <translation>已批准或已锁定的 GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="159"/>
        <source>Corrected, approved or locked GTVs</source>
        <translation>已修正、已批准或已锁定的 GTV</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="162"/>
        <source>Every site</source>
        <translation>所有站点</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="167"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="167"/>
        <source>Why it cannot train</source>
        <translation>不能用于训练的原因</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="172"/>
        <source>GTV review</source>
        <translation>GTV 审核</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="173"/>
        <source>Scanner site</source>
        <translation>扫描仪站点</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="177"/>
        <source>Left out:</source>
        <translation>未纳入：</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="186"/>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="187"/>
        <source>The paper&apos;s temporal split: patients diagnosed after the cutoff test the model, random earlier ones validate it, the others train it.</source>
        <translation>论文的时间划分：截止日期之后诊断的患者用于测试，随机选取的较早患者用于验证，其余用于训练。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="199"/>
        <source>Test: diagnosed after</source>
        <translation>测试：诊断晚于</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="200"/>
        <source>Validation patients</source>
        <translation>验证患者数</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="201"/>
        <source>Seed of the validation draw</source>
        <translation>验证抽样种子</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="202"/>
        <source>Site held out as external test</source>
        <translation>留作外部测试的站点</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="213"/>
        <source>Recipe</source>
        <translation>训练方案</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="214"/>
        <source>The network&apos;s size and the training budget. The CPU recipe is the one measured on a 2-core workstation; the paper&apos;s configuration needs a GPU.</source>
        <translation>网络规模与训练预算。CPU 方案是在双核工作站上测得的方案；论文配置需要 GPU。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="219"/>
        <source>CPU recipe (%1 px, width %2)</source>
        <translation>CPU 方案（%1 px，宽度 %2）</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="220"/>
        <source>Paper configuration (%1 px, width %2; GPU)</source>
        <translation>论文配置（%1 px，宽度 %2；GPU）</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="234"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="237"/>
        <location filename="../ui/src/TrainingWizard.cpp" line="613"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="239"/>
        <source>Automatic (the GPU when usable)</source>
        <translation>自动（可用时使用 GPU）</translation>
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
        <translation>所有核心</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="250"/>
        <source>From scratch</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="253"/>
        <source>Fine-tune the active model (%1)</source>
        <translation>微调当前启用的模型 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="260"/>
        <source>Lesion-weighted Dice + cross-entropy (CPU recipe)</source>
        <translation>按病灶加权的 Dice + 交叉熵（CPU 方案）</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="262"/>
        <source>Batch Dice + cross-entropy</source>
        <translation>批次 Dice + 交叉熵</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="263"/>
        <source>The paper&apos;s Dice + focal loss (alpha 0.8, gamma 2)</source>
        <translation>论文的 Dice + Focal 损失（alpha 0.8，gamma 2）</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="287"/>
        <source>Start from</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="289"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="290"/>
        <source>Input size (px)</source>
        <translation>输入尺寸 (px)</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="291"/>
        <source>Base width</source>
        <translation>基础宽度</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="292"/>
        <source>Transformer width</source>
        <translation>Transformer 宽度</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="293"/>
        <source>Attention heads</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="294"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="295"/>
        <source>Segmentation loss</source>
        <translation>分割损失</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="296"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="297"/>
        <source>Epochs at most</source>
        <translation>最多轮次</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="298"/>
        <source>Stop after epochs without a better validation Dice</source>
        <translation>验证 Dice 未改善多少个周期后停止</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="299"/>
        <source>Slices per epoch</source>
        <translation>每轮切片数</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="300"/>
        <source>Time budget (minutes)</source>
        <translation>时间预算（分钟）</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="301"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="302"/>
        <source>CPU threads</source>
        <translation>CPU 线程</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="303"/>
        <source>New model package</source>
        <translation>新模型包</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="304"/>
        <source>Measure the time per epoch</source>
        <translation>测量每轮耗时</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="314"/>
        <location filename="../ui/src/TrainingWizard.cpp" line="650"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="315"/>
        <source>Training runs in a separate process: the workstation stays usable. Stop keeps the last finished epoch; Start continues from it.</source>
        <translation>训练在独立进程中运行：工作站仍可使用。停止会保留最后完成的轮次；开始将从该处继续。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="317"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="318"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="322"/>
        <source>Not started.</source>
        <translation>尚未开始。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="328"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="330"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="332"/>
        <source>Validation Dice</source>
        <translation>验证 Dice</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="338"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="367"/>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="368"/>
        <source>The new model and the active one on the same test patients, scored by the code of metis-cli evaluate; 95 % bootstrap intervals in brackets.</source>
        <translation>新模型与当前启用模型在相同测试患者上的表现，由 metis-cli evaluate 的代码评分；方括号内为 95 % bootstrap 区间。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="378"/>
        <source>Evaluate again</source>
        <translation>重新评估</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="415"/>
        <source>The evaluation %1 could not be started.</source>
        <translation>无法启动评估程序 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="424"/>
        <source>Evaluating the new model and the active model %1 on the test patients...</source>
        <translation>正在测试患者上评估新模型和当前启用的模型 %1...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="427"/>
        <source>Evaluating the new model on the test patients (no model is active to compare with)...</source>
        <translation>正在测试患者上评估新模型（没有可比较的启用模型）...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="442"/>
        <source>Evaluated on the test patients of the split.</source>
        <translation>已在划分的测试患者上完成评估。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="444"/>
        <source>The evaluation failed (exit code %1): %2</source>
        <translation>评估失败（退出码 %1）：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="460"/>
        <source>internal test</source>
        <translation>内部测试</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="461"/>
        <source>external test</source>
        <translation>外部测试</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="462"/>
        <source>all test patients</source>
        <translation>所有测试患者</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="464"/>
        <source>New model</source>
        <translation>新模型</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="466"/>
        <source>Active model %1</source>
        <translation>启用的模型 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="491"/>
        <source>Dice, %1 (%n patients)</source>
        <translation>
            <numerusform>Dice，%1（%n 名患者）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="493"/>
        <source>HD95 (mm), %1</source>
        <translation>HD95（毫米），%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="495"/>
        <source>False lesions per patient, %1</source>
        <translation>每名患者的假病灶数，%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="497"/>
        <source>Lesions found &lt; 5 / 5-10 / &gt; 10 mm, %1</source>
        <translation>检出病灶 &lt; 5 / 5-10 / &gt; 10 mm，%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="505"/>
        <source>EGFR ROC AUC, %1</source>
        <translation>EGFR ROC AUC，%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="508"/>
        <source>EGFR accuracy, %1</source>
        <translation>EGFR 准确率，%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="510"/>
        <source>EGFR calibration error (ECE), %1</source>
        <translation>EGFR 校准误差（ECE），%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="517"/>
        <source>Dice on the %1: the new model is better.</source>
        <translation>%1 的 Dice：新模型更好。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="519"/>
        <source>Dice on the %1: the active model is better.</source>
        <translation>%1 的 Dice：当前启用的模型更好。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="521"/>
        <source>Dice on the %1: no difference beyond the intervals.</source>
        <translation>%1 的 Dice：差异未超出区间。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="527"/>
        <source>False lesions on the %1: the new model marks fewer.</source>
        <translation>%1 的假病灶：新模型标记更少。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="529"/>
        <source>False lesions on the %1: the active model marks fewer.</source>
        <translation>%1 的假病灶：当前模型标记更少。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="530"/>
        <source>False lesions on the %1: no difference beyond the intervals.</source>
        <translation>%1 的假病灶：差异未超出区间。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="534"/>
        <source>EGFR AUC on the %1: the new model is better.</source>
        <translation>%1 的 EGFR AUC：新模型更好。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="536"/>
        <source>EGFR AUC on the %1: the active model is better.</source>
        <translation>%1 的 EGFR AUC：当前启用的模型更好。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="537"/>
        <source>EGFR AUC on the %1: no difference beyond the intervals.</source>
        <translation>%1 的 EGFR AUC：差异未超出区间。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="541"/>
        <source>No active model to compare with: the figures are the new model&apos;s alone.</source>
        <translation>没有可比较的启用模型：以上仅为新模型的结果。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="548"/>
        <source>Register and activate</source>
        <translation>注册并启用</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="550"/>
        <source>Registering makes the new model available; activating it makes it run on every new AI result (a clinical decision, recorded with its reason).</source>
        <translation>注册使新模型可用；启用后所有新的 AI 结果都由它计算（这是临床决定，连同理由一并记录）。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="554"/>
        <source>Register the new model</source>
        <translation>注册新模型</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="556"/>
        <source>Why this model should run on patients (audited)</source>
        <translation>为何该模型应用于患者（记入审计）</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="557"/>
        <source>Activate...</source>
        <translation>启用...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="559"/>
        <source>Roll back to the previous model</source>
        <translation>回滚到先前的模型</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="566"/>
        <source>Reason for activating it:</source>
        <translation>启用理由：</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="588"/>
        <source>The patients cannot be read: %1</source>
        <translation>无法读取患者：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="595"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="604"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="608"/>
        <source>%1 eligible patients: %2 EGFR mutant, %3 wild type.
Sites: %4.
Lesions by axial diameter (RANO-BM): under 5 mm %5, 5-10 mm %6, 10-20 mm %7, over 20 mm %8.</source>
        <translation>%1 名合格患者：EGFR 突变型 %2 名，野生型 %3 名。
站点：%4。
按轴位直径（RANO-BM）的病灶：小于 5 mm %5，5-10 mm %6，10-20 mm %7，大于 20 mm %8。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="619"/>
        <source>(Not counted: the lesions of %n patient(s) whose GTV was imported without lesion sizes.)</source>
        <translation>
            <numerusform>（未计入：%n 名患者的 GTV 导入时没有病灶尺寸。）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="645"/>
        <source>%1: %2 patients (%3 EGFR mutant)</source>
        <translation>%1：%2 名患者（EGFR 突变型 %3 名）</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="651"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="652"/>
        <source>Internal test</source>
        <translation>内部测试</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="653"/>
        <source>External test</source>
        <translation>外部测试</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="658"/>
        <source>This split cannot be used: %1</source>
        <translation>该划分不可用：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="678"/>
        <source>The new model keeps this model&apos;s network (%1 px, width %2) and starts from its weights, at a tenth of the learning rate; its post-processing is carried over until the new model is recalibrated.</source>
        <translation>新模型沿用该模型的网络（%1 px，宽度 %2），从其权重开始训练，学习率为十分之一；在新模型重新校准之前沿用其后处理设置。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="685"/>
        <source>This model cannot be fine-tuned: %1</source>
        <translation>无法微调此模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="761"/>
        <source>Fine-tune %1</source>
        <translation>微调 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="827"/>
        <source>The measurement failed: %1</source>
        <translation>测量失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="836"/>
        <source>About %1 s per epoch of %2 slices on the %3, %4 min for %5 epochs (training steps measured now; slice preparation and validation come on top).</source>
        <translation>在 %3 上每轮 %2 个切片约 %1 秒，%5 轮约 %4 分钟（刚测得的训练步耗时；切片准备和验证另计）。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="844"/>
        <source>%1 slices per second on the %2 (training steps measured now).</source>
        <translation>在 %2 上每秒 %1 个切片（刚测得的训练步耗时）。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="851"/>
        <source>Measuring a few training steps...</source>
        <translation>正在测量若干训练步...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="879"/>
        <source>The trainer %1 could not be started.</source>
        <translation>无法启动训练程序 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="890"/>
        <source>Preparing the slices of the training and validation patients...</source>
        <translation>正在准备训练和验证患者的切片...</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="923"/>
        <source>%1 (at most about %2 s left)</source>
        <translation>%1（最多还需约 %2 秒）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="927"/>
        <source>%1 (at most about %n minute(s) left)</source>
        <translation>
            <numerusform>%1（最多还需约 %n 分钟）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="972"/>
        <source>Training finished: model package %1.</source>
        <translation>训练完成：模型包 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="974"/>
        <source>Training stopped. Start continues from the last finished epoch.</source>
        <translation>训练已停止。开始将从最后完成的轮次继续。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/TrainingWizard.cpp" line="979"/>
        <source>The trainer ended unexpectedly (killed or crashed) after %n finished epoch(s); the log below shows its last lines. Start continues from the last finished epoch.</source>
        <translation>
            <numerusform>训练进程在完成 %n 个周期后意外结束（被终止或崩溃）；下方日志显示其最后几行。“开始”将从最后完成的周期继续。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="984"/>
        <source>Training failed (exit code %1); the log below says why. Start tries again from the last finished epoch.</source>
        <translation>训练失败（退出码 %1）；原因见下方日志。开始将从最后完成的轮次重试。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1001"/>
        <source>Registered as model %1.</source>
        <translation>已注册为模型 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1004"/>
        <source>Not registered: %1</source>
        <translation>未注册：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1014"/>
        <source>Give the reason for activating the model first.</source>
        <translation>请先填写启用模型的理由。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1018"/>
        <source>Activate the new model</source>
        <translation>启用新模型</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1019"/>
        <source>The new model will produce every new AI result from now on. Activate it?</source>
        <translation>从现在起所有新的 AI 结果都将由新模型计算。是否启用？</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1028"/>
        <source>Not activated: %1</source>
        <translation>未启用：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1033"/>
        <source>The new model is now the active model.</source>
        <translation>新模型现为当前启用的模型。</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1045"/>
        <source>Not rolled back: %1</source>
        <translation>未回滚：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/TrainingWizard.cpp" line="1050"/>
        <source>The previous model is the active model again.</source>
        <translation>先前的模型重新成为启用的模型。</translation>
    </message>
</context>
<context>
    <name>metis::ui::UsersDialog</name>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="24"/>
        <source>oncologist</source>
        <translation>肿瘤科医生</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="26"/>
        <source>annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="28"/>
        <source>physicist</source>
        <translation>物理师</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="30"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="51"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="52"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="53"/>
        <source>Set password...</source>
        <translation>设置密码...</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="54"/>
        <source>OS account...</source>
        <translation>系统账户...</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="55"/>
        <location filename="../ui/src/UsersDialog.cpp" line="193"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="56"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <location filename="../ui/src/UsersDialog.cpp" line="83"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>Signs in with</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="66"/>
        <source>at least 8 characters, or empty</source>
        <translation>至少 8 个字符，或留空</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="67"/>
        <source>optional: the OS account that signs in as this user</source>
        <translation>可选：以此用户身份登录的系统账户</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="79"/>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="81"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="82"/>
        <source>Name shown</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="84"/>
        <location filename="../ui/src/UsersDialog.cpp" line="129"/>
        <source>OS account</source>
        <translation>系统账户</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="85"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="97"/>
        <source>Only an administrator manages users; you may set your own password.</source>
        <translation>只有管理员可以管理用户；您可以设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="118"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="119"/>
        <source>New password for %1 (at least 8 characters; empty removes it):</source>
        <translation>%1 的新密码（至少 8 个字符；留空则删除）：</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="130"/>
        <source>OS account that signs in as %1 (empty: none):</source>
        <translation>以 %1 身份登录的系统账户（留空：无）：</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="152"/>
        <source>OS account %1</source>
        <translation>系统账户 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="155"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="160"/>
        <source>nothing: cannot sign in</source>
        <translation>无：无法登录</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="161"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="161"/>
        <source>inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="194"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="210"/>
        <source>Not changed: %1</source>
        <translation>未更改：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="231"/>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="237"/>
        <source>Password of %1 removed.</source>
        <translation>已删除 %1 的密码。</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="238"/>
        <source>Password of %1 set.</source>
        <translation>已设置 %1 的密码。</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="244"/>
        <source>%1 is bound to no OS account.</source>
        <translation>%1 未绑定系统账户。</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="245"/>
        <source>%1 signs in as the OS account %2.</source>
        <translation>%1 以系统账户 %2 登录。</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="250"/>
        <source>%1 is now %2.</source>
        <translation>%1 现在是 %2。</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="255"/>
        <source>%1 may sign in again.</source>
        <translation>%1 可以再次登录。</translation>
    </message>
    <message>
        <location filename="../ui/src/UsersDialog.cpp" line="256"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 无法再登录。</translation>
    </message>
</context>
<context>
    <name>metis::ui::VersionsDialog</name>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="16"/>
        <source>Contour versions</source>
        <translation>轮廓版本</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="20"/>
        <source>Saved (UTC)</source>
        <translation>保存时间 (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="21"/>
        <source>Parent</source>
        <translation>父版本</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="21"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="21"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="43"/>
        <source>Compare the two selected versions</source>
        <translation>比较所选的两个版本</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="45"/>
        <source>Select two versions to compare them.</source>
        <translation>选择两个版本进行比较。</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="52"/>
        <source>Select exactly two versions.</source>
        <translation>请恰好选择两个版本。</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="67"/>
        <source>Version %1 against version %2: Dice %3, HD95 %4 mm (95th percentile of the surface distances of both directions pooled), volumes %5 ml and %6 ml, lesions %7 matched, %8 only in %1, %9 only in %2.</source>
        <translation>版本 %1 对比版本 %2：Dice %3，HD95 %4 mm（两个方向表面距离合并后的第 95 百分位数），体积 %5 ml 和 %6 ml，病灶 %7 个匹配，%8 个仅在 %1 中，%9 个仅在 %2 中。</translation>
    </message>
    <message>
        <location filename="../ui/src/VersionsDialog.cpp" line="80"/>
        <source>Cannot compare versions %1 and %2: %3</source>
        <translation>无法比较版本 %1 和 %2：%3</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::LayerLegend</name>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="29"/>
        <source>Manual GTV</source>
        <translation>手工 GTV</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="32"/>
        <source>Predicted GTV</source>
        <translation>预测 GTV</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="82"/>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="86"/>
        <source>Colour-blind safe colours</source>
        <translation>色盲友好配色</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="88"/>
        <source>Orange and purple instead of yellow and green: told apart with red-green colour blindness</source>
        <translation>以橙色和紫色代替黄色和绿色：红绿色盲也能区分</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="196"/>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="262"/>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="264"/>
        <source>Show or hide this layer in every view</source>
        <translation>在所有视图中显示或隐藏此图层</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="202"/>
        <source>Outline or fill, opacity</source>
        <translation>轮廓或填充、不透明度</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="204"/>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="207"/>
        <source>Fill the layer&apos;s voxels instead of outlining them</source>
        <translation>填充该图层的体素而非描边</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/LayerLegend.cpp" line="211"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::SceneView3D</name>
    <message>
        <location filename="../viewer/widgets/src/SceneView3D.cpp" line="29"/>
        <source>3D, seen from the front (A)</source>
        <translation>三维，从前方 (A) 观察</translation>
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
        <translation>轴位</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="33"/>
        <source>Coronal</source>
        <translation>冠状位</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="35"/>
        <source>Sagittal</source>
        <translation>矢状位</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="45"/>
        <source>LPS (%1, %2, %3) mm</source>
        <translation>LPS (%1, %2, %3) mm</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="48"/>
        <source>outside the volume</source>
        <translation>在体积之外</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="51"/>
        <source>voxel [%1, %2, %3]  %4</source>
        <translation>体素 [%1, %2, %3]  %4</translation>
    </message>
    <message>
        <location filename="../viewer/widgets/src/SliceView.cpp" line="240"/>
        <source>No image</source>
        <translation>无图像</translation>
    </message>
</context>
</TS>
