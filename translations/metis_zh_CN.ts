<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Exit as soon as the window is on screen with the first page of patients listed (start-up timing).</source>
        <translation>窗口显示且患者列表第一页加载完成后立即退出（用于启动计时）。</translation>
    </message>
    <message>
        <source>Metis brain metastasis workstation</source>
        <translation>Metis 脑转移瘤工作站</translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation>数据库文件。</translation>
    </message>
    <message>
        <source>Sign in as this user without asking.</source>
        <translation>直接以此用户登录。</translation>
    </message>
    <message>
        <source>Open this patient.</source>
        <translation>打开此患者。</translation>
    </message>
    <message>
        <source>Save the main window as PNG once it is idle, then exit.</source>
        <translation>主窗口空闲后保存为 PNG，然后退出。</translation>
    </message>
    <message>
        <source>Metis</source>
        <translation>Metis</translation>
    </message>
    <message>
        <source>Cannot open the patient database:
%1</source>
        <translation>无法打开患者数据库：
%1</translation>
    </message>
    <message>
        <source>No active user named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的活动用户。</translation>
    </message>
</context>
<context>
    <name>metis::ui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>patient, series or structure set</source>
        <translation>患者、序列或结构集</translation>
    </message>
    <message>
        <source>action (prefix)</source>
        <translation>操作（前缀）</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries, no tampering found.</source>
        <translation>审计链已验证：%1 条记录，未发现篡改。</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>metis::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Import studies</source>
        <translation>导入检查</translation>
    </message>
    <message>
        <source>Add folder...</source>
        <translation>添加文件夹...</translation>
    </message>
    <message>
        <source>Add files...</source>
        <translation>添加文件...</translation>
    </message>
    <message>
        <source>Clinical CSV...</source>
        <translation>临床 CSV...</translation>
    </message>
    <message>
        <source>optional: patient id, diagnosis date, EGFR status</source>
        <translation>可选：患者 ID、诊断日期、EGFR 状态</translation>
    </message>
    <message>
        <source>DICOM folders or files, RTSTRUCTs, NIfTI volumes and masks:</source>
        <translation>DICOM 文件夹或文件、RTSTRUCT、NIfTI 图像和掩膜：</translation>
    </message>
    <message>
        <source>Cancelling after the current series...</source>
        <translation>将在当前序列完成后取消...</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Clinical CSV</source>
        <translation>临床 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add a folder, files or a clinical CSV first.</source>
        <translation>请先添加文件夹、文件或临床 CSV。</translation>
    </message>
    <message>
        <source>Import cancelled. Series imported before the cancel are kept.</source>
        <translation>导入已取消。取消前已导入的序列会保留。</translation>
    </message>
    <message>
        <source>Import stopped: %1</source>
        <translation>导入已停止：%1</translation>
    </message>
    <message>
        <source>ERROR: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>正在导入...</translation>
    </message>
    <message>
        <source>%1 series (%2 images), %3 structure sets and %4 clinical rows imported; %5 already present; %6 problem(s).</source>
        <translation>已导入 %1 个序列（%2 幅图像）、%3 个结构集和 %4 行临床数据；%5 项已存在；%6 个问题。</translation>
    </message>
    <message>
        <source>ERROR  %1: %2</source>
        <translation>错误 %1：%2</translation>
    </message>
    <message>
        <source>note   %1: %2</source>
        <translation>提示 %1：%2</translation>
    </message>
</context>
<context>
    <name>metis::ui::LoginDialog</name>
    <message>
        <source>Metis - sign in</source>
        <translation>Metis - 登录</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Research use only. Not for clinical decisions.</source>
        <translation>仅供研究使用，不可用于临床决策。</translation>
    </message>
</context>
<context>
    <name>metis::ui::MainWindow</name>
    <message>
        <source>&amp;Models...</source>
        <translation>模型(&amp;M)...</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Approve contour</source>
        <translation>批准轮廓(&amp;A)</translation>
    </message>
    <message>
        <source>Approve the open series' manual GTV</source>
        <translation>批准当前序列的手工 GTV</translation>
    </message>
    <message>
        <source>&amp;Lock contour</source>
        <translation>锁定轮廓(&amp;L)</translation>
    </message>
    <message>
        <source>Lock the open series' manual GTV against any change</source>
        <translation>锁定当前序列的手工 GTV，禁止任何修改</translation>
    </message>
    <message>
        <source>No patient is open.</source>
        <translation>未打开任何患者。</translation>
    </message>
    <message>
        <source>Patient %1: manual GTV %2</source>
        <translation>患者 %1：手工 GTV %2</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Review refused: %1</source>
        <translation>审核被拒绝：%1</translation>
    </message>
    <message>
        <source>Metis %1 - brain metastasis workstation (research use only)</source>
        <translation>Metis %1 - 脑转移瘤工作站（仅供研究使用）</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import studies...</source>
        <translation>导入检查(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Retrain model...</source>
        <translation>重新训练模型(&amp;R)...</translation>
    </message>
    <message>
        <source>Physicists retrain MTSA-Net on the local cohort</source>
        <translation>物理师在本地队列上重新训练 MTSA-Net</translation>
    </message>
    <message>
        <source>&amp;Audit log...</source>
        <translation>审计日志(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes the next time Metis starts.</source>
        <translation>语言将在下次启动 Metis 时生效。</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>患者 %1</translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientBrowser</name>
    <message>
        <source>Manual GTV</source>
        <translation>手工 GTV</translation>
    </message>
    <message>
        <source>AI result</source>
        <translation>AI 结果</translation>
    </message>
    <message>
        <source>Diagnosed</source>
        <translation>确诊日期</translation>
    </message>
    <message>
        <source>Search patient ID or name</source>
        <translation>搜索患者 ID 或姓名</translation>
    </message>
    <message>
        <source>Any EGFR status</source>
        <translation>任意 EGFR 状态</translation>
    </message>
    <message>
        <source>Mutant</source>
        <translation>突变型</translation>
    </message>
    <message>
        <source>Wild-type</source>
        <translation>野生型</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation>任意审核状态</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已修正</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n 位患者</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>metis::ui::PatientListModel</name>
    <message>
        <source>Mutant</source>
        <translation>突变型</translation>
    </message>
    <message>
        <source>Wild-type</source>
        <translation>野生型</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已修正</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>EGFR</source>
        <translation>EGFR</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Manual GTV</source>
        <translation>手工 GTV</translation>
    </message>
    <message>
        <source>AI result</source>
        <translation>AI 结果</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
</context>
<context>
    <name>metis::viewer_widgets::SliceView</name>
    <message>
        <source>No image</source>
        <translation>无图像</translation>
    </message>
</context>
<context>
    <name>metis::ui::ContourReview</name>
    <message>
        <source>The series has no manual GTV to review.</source>
        <translation>该序列没有可审核的手工 GTV。</translation>
    </message>
</context>
<context>
    <name>metis::ui::ModelsDialog</name>
    <message>
        <source>&amp;Activate</source>
        <translation>激活(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Register package...</source>
        <translation>注册模型包(&amp;R)...</translation>
    </message>
    <message>
        <source>Metis - models</source>
        <translation>Metis - 模型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>模型包</translation>
    </message>
    <message>
        <source>Only physicists and administrators register models</source>
        <translation>只有物理师和管理员可以注册模型</translation>
    </message>
    <message>
        <source>Only physicists and administrators activate models</source>
        <translation>只有物理师和管理员可以激活模型</translation>
    </message>
    <message>
        <source>active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Model package folder</source>
        <translation>模型包文件夹</translation>
    </message>
    <message>
        <source>Cannot register %1: %2</source>
        <translation>无法注册 %1：%2</translation>
    </message>
    <message>
        <source>Registered model %1 from %2.</source>
        <translation>已从 %2 注册模型 %1。</translation>
    </message>
    <message>
        <source>No registered model with id %1.</source>
        <translation>没有 ID 为 %1 的已注册模型。</translation>
    </message>
    <message>
        <source>Cannot activate model %1: %2</source>
        <translation>无法激活模型 %1：%2</translation>
    </message>
    <message>
        <source>Model %1 is now the active model.</source>
        <translation>模型 %1 现为启用模型。</translation>
    </message>
</context>
</TS>
