import { createI18n } from 'vue-i18n'

const zh = {
  app: { title: '安全生产标准化管理平台', short: '安全生产标准化', signOut: '退出', language: 'English', forbidden: '无权访问', forbiddenText: '当前身份无权访问此页面。', back: '返回首页', loading: '加载中…', none: '暂无数据', refresh: '刷新', open: '查看', save: '保存', submit: '提交', confirm: '确认', cancel: '取消', saved: '已保存', done: '已完成' },
  role: { Enterprise: '企业', ReviewOrganization: '评审组织单位', ReviewUnit: '评审单位', Regulator: '应急管理部门', Administrator: '系统管理员' },
  menu: {
    overview: '证书与期限', apply: '申请评审', applications: '办理过程', selfAssessment: '年度自评', documents: '材料上传', deliveries: '通知记录', contacts: '联系人与渠道',
    accidents: '事故', queue: '评审队列', assignments: '评审任务', ledger: '台账', certificates: '证书查询', enterprises: '企业查询', spotChecks: '抽查', calendar: '节假日安排', reviewBodies: '评审机构名录', registerImport: '台账导入', workflow: '流程',
  },
  signIn: { title: '登录', development: '开发环境：选择演示身份登录', entra: '使用统一身份认证（Entra ID）登录', as: '以此身份登录', failed: '登录失败' },
  grade: { Level1: '一级', Level2: '二级', Level3: '三级', SmallMicro: '小微', none: '未定级' },
  industry: { 'non-coal-mine': '非煤矿山', 'offshore-oil-gas': '海洋石油', 'hazardous-chemicals': '危险化学品', fireworks: '烟花爆竹', chemicals: '化工', pharmaceuticals: '医药', 'industry-trade': '工贸', metallurgy: '冶金', nonferrous: '有色', 'building-materials': '建材', machinery: '机械', 'light-industry': '轻工', textiles: '纺织', tobacco: '烟草', commerce: '商贸', construction: '建筑施工', other: '其他' },
  kind: { Initial: '初次申请', Renewal: '复评（延续）', Upgrade: '升级' },
  status: {
    Active: '有效', Expired: '已过期', Revoked: '已撤销', Suspended: '暂停', Cancelled: '已注销', Superseded: '已换发', RenewalWindow: '可申请延续', Submitted: '已提交', MaterialReview: '材料审查',
    NotIssued: '未发证', NotSubmitted: '未提交', RenewalFiled: '已申请延续', InRemediation: '整改中', Reverification: '复核中', ObjectionPending: '异议处理中', AwaitingAssignment: '待抽取评审单位', UnderReview: '现场评审', ReportAudit: '报告审核', AwaitingPublicNotice: '待公示', PublicNotice: '公示中', Announced: '已公告', Certified: '已发证', Returned: '已退回', Rejected: '不予受理', Failed: '未通过', Withdrawn: '已撤回', Remediation: '整改中', Open: '进行中', Overdue: '已逾期',
    Issued: '已发证', NotOpened: '未开启', SubmittedLate: '逾期提交', Recalling: '收回证书中', BanRunning: '禁入期内', Closed: '已结束', NotOrdered: '未下达', Completed: '已完成', Missed: '已逾期未整改', NotGranted: '未授予', Accredited: '资质有效', Lapsed: '资质失效', StruckOff: '已注销资质',
  },
  cert: { title: '我的证书', number: '证书编号', grade: '等级', issuingBody: '发证机关', issuedOn: '发证日期', lastValidDay: '有效期至', daysLeft: '剩余天数', status: '状态', none: '尚无证书', days: '{n} 天' },
  deadlines: { title: '全部期限', kind: '事项', dueOn: '截止日期', rule: '依据', overdue: '已逾期', ics: '订阅日历（.ics）', icsHint: '将此链接添加到日历应用，所有期限自动同步。', workflow: '所属流程' },
  eligibility: { title: '申请条件自查', check: '检查申请条件', eligible: '满足全部申请条件，可以提交申请。', failed: '以下条件不满足：', code: '条件', reason: '原因', source: '依据', apply: '提交申请', applied: '申请已提交：{id}' },
  apply: { kind: '申请类型', grade: '申请等级', systemRunningSince: '体系运行起始日期', post: '岗位达标、专业达标已完成', dual: '双重预防机制已建立', previousCertificateId: '原证书编号（ID）' },
  app_: { id: '申请编号', kind: '类型', grade: '等级', stage: '阶段', submittedOn: '提交日期', organization: '评审组织单位', deadlines: '期限', actions: '办理', history: '办理过程', enterprise: '企业', dueOn: '截止日期', workingDaysLeft: '剩余工作日', overdue: '已逾期', stageFilter: '按阶段筛选', all: '全部', openById: '按申请编号打开' },
  steps: {
    materialReview: '材料审查', accept: '受理', return: '退回补正', reasons: '理由', draw: '随机抽取评审单位', drawDo: '抽取', seed: '随机种子', candidates: '候选单位', exclusions: '排除单位及原因', chosen: '抽中单位',
    report: '评审报告', passed: '评审通过', findings: '评审结论', nonBlocking: '需整改事项（不影响通过）', remediationDeadline: '整改期限', audit: '报告审核', forward: '审核通过，报送公示', sendBack: '退回评审单位',
    notice: '公示', noticeDo: '开始公示', announce: '公告', announceDo: '发布公告', certificate: '颁发证书', certificateDo: '颁发证书', withdraw: '撤回申请', done: '操作已记录，当前状态：{status}',
  },
  workflow: { title: '流程', status: '状态', deadlines: '期限', timers: '待触发定时', history: '历史记录', at: '时间', actor: '操作方', event: '事件', outcome: '结果', reason: '说明', statusAfter: '之后状态' },
  deliveries: { title: '通知记录', notice: '通知', due: '日期', channel: '渠道', status: '状态', recipient: '接收方', attempts: '尝试次数', createdAt: '生成时间' },
  notice: {
    'renewal-reminder': '证书即将到期', 'renewal-window-open': '可申请延续', 'certificate-expired': '证书已过期失效', 'certificate-issued': '证书已颁发', 'certificate-revoked': '证书已撤销', 'application-received': '申请已受理',
    'review-unit-assigned': '已指派评审单位', 'public-notice-open': '公示开始', 'public-notice-closed': '公示结束', 'self-assessment-due': '年度自评提醒', 'follow-up-visit-due': '跟踪回访提醒',
    'application-rejected': '申请不予受理', 'application-withdrawn': '申请已撤回', 'material-review-due-soon': '材料审查即将到期', 'material-review-overdue': '材料审查已逾期', 'review-due-soon': '现场评审即将到期', 'review-overdue': '现场评审已逾期',
    'report-returned': '评审报告被退回', 'reverification-due': '待复核', 'objection-raised': '收到异议', 'application-failed': '评审未通过', 'follow-up-visit-overdue': '跟踪回访已逾期', 'certificate-suspended': '证书暂收回', 'certificate-restored': '证书恢复有效',
    'revocation-decision-required': '待决定是否撤销', 'certificate-superseded': '证书已换发', 'renewal-fast-tracked': '延续快速办理', 'recall-reminder': '收回证书提醒', 'ban-ended': '禁入期届满', 'remediation-due-soon': '整改即将到期', 'remediation-missed': '逾期未整改',
    'certificate-cancelled': '证书已注销', 'self-assessment-overdue': '年度自评已逾期', 'accreditation-expiring': '评审资质即将到期', 'accreditation-lapsed': '评审资质已失效', 'spot-check-selected': '被抽中检查', 'holiday-arrangement-missing': '节假日安排未录入',
  },
  contacts: { title: '联系人与渠道', order: '顺序', channel: '渠道', addresses: '邮箱地址', url: 'Webhook 地址', key: '机器人密钥', secret: '签名密钥', add: '添加渠道', remove: '删除' },
  documents: { title: '材料', kind: '类别', file: '文件', upload: '上传', name: '文件名', size: '大小', uploadedAt: '上传时间', kinds: { 'self-assessment-reports': '自评报告', 'application-materials': '申请材料', 'revocation-evidence': '撤销证据', 'review-reports': '评审报告', 'remediation-evidence': '整改材料', 'visit-reports': '回访报告' } },
  selfAssessment: { title: '年度自评', year: '年度', open: '开启年度自评', score: '自评得分', grade: '自评等级', posted: '已在单位内部公示', applies: '申请评审', report: '自评报告（先在“材料上传”上传）', submit: '提交自评' },
  ledger: { title: '安全生产标准化台账', certified: '已达标企业', notCertified: '未达标企业', new: '本年新增', expiring30: '30 天内到期', expiring90: '90 天内到期', overdue: '逾期事项', byGrade: '按等级', byIndustry: '按行业', region: '地区', industry: '行业', drill: '明细' },
  search: { q: '关键词（名称、编号）', region: '行政区划代码', grade: '等级', industry: '行业', status: '状态', expiringBefore: '到期早于', search: '查询', enterprise: '企业', name: '名称', code: '统一社会信用代码' },
  revoke: { title: '撤销证书', grounds: '撤销情形', reason: '书面理由', evidence: '证据材料（文档 ID）', preview: '确认前请核对', follows: '撤销后将：', recall: '发出收回证书及牌匾的任务', banPlain: '企业自撤销之日起一年内不得申请评审（期满次日起可申请，期满时通知企业）', thresholds: '死亡事故情形按所适用的地方规定的人数阈值认定（国家：一级 1 人、二级 2 人、三级 3 人；宁夏：发生死亡事故即撤销）', confirm: '确认撤销', ground: { FraudInReview: '评审过程中弄虚作假、提供虚假材料', AccidentConcealedOrLate: '迟报、漏报、谎报、瞒报生产安全事故', FatalAccident: '发生生产安全死亡事故达到规定人数', SafetyFundsShort: '安全生产费用未足额提取', SystemNotRun: '未按等级要求运行标准化体系、未持续改进', UncontrolledHazard: '检查发现管理问题突出或重大隐患未有效管控', QualityAuditFailed: '质量抽查整改后仍不达标' } },
  spot: { title: '年度抽查', year: '年度', draw: '抽取', seed: '随机种子', samples: '抽中企业', source: '比例依据', population: '企业总数', percent: '抽查比例', sampleSize: '抽取数量', open: '查看证书' },
  calendar: { title: '节假日安排', year: '年度', missing: '尚未录入 {year} 年节假日安排：工作日计算暂按周末推算（临时）。', loaded: '{year} 年节假日安排已生效。', stored: '{year} 年节假日安排已录入，主机下次启动时生效；在此之前工作日仍按周末推算（临时）。', date: '日期', kind: '类型', name: '名称', holiday: '放假', workday: '调休上班', add: '添加一行', save: '保存安排' },
  bodies: { title: '评审机构名录', organization: '评审组织单位', units: '评审单位', id: 'ID', name: '名称', region: '地区', level: '层级', grades: '可评等级', industries: '行业', accreditedThrough: '认可有效期至', addUnit: '登记或修改评审单位', load: '读取', edit: '修改', contacts: '联系人', addOrganization: '登记评审组织单位', register: '登记', organizationContacts: '评审组织单位联系人', unitContacts: '评审单位 {id} 的联系人', list: '评审组织单位一览', search: '按编号或名称筛选', unitCount: '评审单位数', total: '共 {n} 个' },
  registerImport: {
    title: '台账导入', hint: '上传证书台账、评审组织单位或评审单位名录（表格文件，首行为中文表头）。先试运行查看逐行检查结果，确认无误后再正式导入。',
    file: '文件', hold: '不补发已到期的提醒', dryRun: '试运行', confirm: '确认导入', dryReport: '试运行结果（未写入任何数据）', doneReport: '导入结果',
    rows: '数据行数', problems: '问题数', row: '行号', column: '列', reason: '原因', ready: '全部数据行检查通过，可以确认导入。', progress: '导入进度',
    rowsDone: '已处理 {done} / {total} 行',
    sheet: { certificates: '证书台账', 'review-organizations': '评审组织单位名录', 'review-units': '评审单位名录' },
    count: { enterprisesCreated: '新增企业', enterprisesChanged: '变更企业', certificatesCreated: '新增证书', certificatesChanged: '变更证书', organizationsCreated: '新增评审组织单位', organizationsChanged: '变更评审组织单位', unitsCreated: '新增评审单位', unitsChanged: '变更评审单位', unchanged: '无变化' },
    state: { Running: '导入中', Interrupted: '已中断，重新提交同一文件即可继续', Completed: '已完成' },
  },
  clock: { title: '开发时钟', advance: '前进' },
  accidents: { title: '生产安全事故', record: '记录事故', numberHint: '输入证书编号，如 宁AQBⅢ2026000001', on: '事故日期', deaths: '死亡人数', concealedOrLate: '迟报、漏报、谎报或瞒报', save: '记录事故', yes: '是', no: '否', none: '该证书有效期内尚无事故记录', thresholdsTitle: '适用的撤销情形', concealed: '事故迟报、漏报、谎报或瞒报的，由应急管理部门凭证据决定是否撤销，系统提示待决定。', renewal: '有效期内发生事故的企业不能直接延续，须重新申请初次评审。', toRevocation: '证书与撤销', revocationStarted: '撤销流程（已启动）', listTitle: '本辖区事故记录', enterprise: '企业', listNone: '本辖区尚无事故记录', thresholdLine: '死亡事故撤销阈值 · {profile}：{list}（依据{source}）', deathsAt: '{grade} {n} 人' },
  objections: { title: '公示与异议', notice: '公示期', closesOn: '公示截止', stopped: '有未处理的异议，公示计时暂停', summary: '异议内容', on: '日期', raise: '登记异议', resolve: '处理', upheld: '异议成立', rejected: '异议不成立', resolution: '处理意见', open: '待处理', resolved: '已处理', none: '暂无异议', state: '状态' },
  remediation: { title: '整改期', running: '整改中，自 {on} 起评审计时暂停', notRunning: '评审计时进行中', days: '已计整改天数', start: '开始整改期', end: '结束整改期', on: '日期', deadline: '现场评审期限', left: '剩余工作日' },
  workflowKind: { application: '评审申请', certificate: '证书', revocation: '撤销', 'self-assessment': '年度自评', remediation: '整改', accreditation: '评审单位资质' },
  channel: { Email: '电子邮件', Webhook: 'Webhook 推送', WeCom: '企业微信', DingTalk: '钉钉' },
  delivery: { Pending: '待发送', Sending: '发送中', Sent: '已送达', Failed: '发送失败', FellBack: '已改用备用渠道', Muted: '已静默', Held: '暂缓发送', Undeliverable: '无联系方式，待补充后发送', Readdressed: '已按新联系方式重发' },
  condition: {
    'certificate-held': '持有证书', 'certificate-in-force': '证书在有效期内', 'dual-prevention': '双重预防机制', 'licence-valid': '安全生产许可证有效', 'no-accident-during-validity': '有效期内无事故', 'no-recent-fatal-accident': '申请前一年内无死亡事故',
    'no-revocation-ban': '不在撤销禁入期内', 'post-professional-standardization': '岗位达标、专业达标', 'renewal-same-grade': '延续同一等级', 'self-assessment-passed': '自评合格', 'system-running': '体系运行满六个月', 'upgrade-higher-grade': '升级须高于现有等级',
    'fast-track-no-environment-change': '周边环境无重大变化', 'fast-track-no-fatal-accident': '有效期内无死亡事故', 'fast-track-no-outstanding-problems': '无未整改问题', 'fast-track-no-site-changes': '场所设施无重大变化', 'fast-track-provided': '已提交快速延续声明',
    'fast-track-self-assessments': '每年按时自评', 'fast-track-standard-unchanged': '评定标准未变更', 'fast-track-still-eligible': '仍符合申请条件', 'fast-track-window': '在延续申请期内',
  },
  level: { National: '国家级', Provincial: '省级', Municipal: '市级' },
  outcome: { Applied: '已生效', Ignored: '未改变', Rejected: '被拒绝' },
  deadline: {
    'material-review': '申请材料审查期限', review: '现场评审期限', 'public-notice': '评审结果公示截止', 'partial-re-review': '整改后重新申请期限', 'renewal-application': '证书有效期届满（复评申请截止）',
    'follow-up-visit': '评审单位跟踪回访期限', 'self-assessment-report': '年度自评报告提交期限', 'revocation-ban': '撤销后不得申请期届满', remediation: '整改期限', reaccreditation: '评审单位资质有效期届满',
  },
  event: {
    AccidentReported: '报告事故', AccreditationGranted: '授予评审资质', Announced: '公告', ApplicationClosed: '申请办结', CertificateIssuedToEnterprise: '向企业颁发证书', CertificateReturned: '证书已交回', CertificateSuperseded: '证书被换发',
    FastTrackConfirmed: '确认快速延续', FollowUpVisitRecorded: '记录跟踪回访', GradeCertificateIssued: '颁发等级证书', LicenceLapsed: '安全生产许可证失效', LicenceRenewed: '安全生产许可证延续', MaterialReviewAccepted: '材料审查受理', MaterialReviewRejected: '材料审查退回',
    ObjectionRaised: '登记异议', ObjectionResolved: '异议处理', PlaqueReturned: '牌匾已交回', PublicNoticePublished: '开始公示', Reaccredited: '资质续期', RemediationCompleted: '整改完成', RemediationEnded: '整改期结束', RemediationMissed: '逾期未整改',
    RemediationStarted: '整改期开始', RenewalFailed: '延续未通过', RenewalFiled: '申请延续', RenewalWithdrawn: '撤回延续申请', ReportAudited: '报告审核', ReverificationCompleted: '复核完成', ReviewFailed: '评审未通过', ReviewUnitAssigned: '抽取评审单位',
    SelfAssessmentYearOpened: '开启年度自评', SpotCheckDrawn: '抽查抽取', StruckOff: '注销评审资质', TimerFired: '到期提醒', Withdrawn: '撤回申请', Terminated: '流程终止', ApplicationSubmitted: '提交申请', ReviewReportSubmitted: '提交评审报告', RemediationOrdered: '下达整改',
    RevocationOpened: '启动撤销', SelfAssessmentSubmitted: '提交年度自评', CertificateIssued: '证书颁发', RevocationConfirmed: '确认撤销',
  },
  actor: { workflow: '{kind}流程', system: '系统', timer: '系统定时', demo: '演示数据', 'demo-enterprise': '企业', 'demo-review-organization': '评审组织单位', 'demo-review-unit': '评审单位', 'demo-regulator': '应急管理部门', 'demo-administrator': '系统管理员', Enterprise: '企业', ReviewOrganization: '评审组织单位', ReviewUnit: '评审单位', Regulator: '应急管理部门', Administrator: '系统管理员' },
}

const en = {
  app: { title: 'Work Safety Standardization Console', short: 'SafetyCert', signOut: 'Sign out', language: '中文', forbidden: 'Not allowed', forbiddenText: 'Your role may not open this page.', back: 'Back to start', loading: 'Loading…', none: 'Nothing yet', refresh: 'Refresh', open: 'Open', save: 'Save', submit: 'Submit', confirm: 'Confirm', cancel: 'Cancel', saved: 'Saved', done: 'Done' },
  role: { Enterprise: 'Enterprise', ReviewOrganization: 'Review organization', ReviewUnit: 'Review unit', Regulator: 'Regulator', Administrator: 'Administrator' },
  menu: {
    overview: 'Certificate & deadlines', apply: 'Apply', applications: 'Applications', selfAssessment: 'Self-assessment', documents: 'Documents', deliveries: 'Notices sent', contacts: 'Contacts & channels',
    accidents: 'Accidents', queue: 'Review queue', assignments: 'Assignments', ledger: 'Ledger', certificates: 'Certificates', enterprises: 'Enterprises', spotChecks: 'Spot checks', calendar: 'Holiday arrangements', reviewBodies: 'Review bodies', registerImport: 'Register import', workflow: 'Workflow',
  },
  signIn: { title: 'Sign in', development: 'Development: sign in as a demo party', entra: 'Sign in with Entra ID', as: 'Sign in as this party', failed: 'Sign-in failed' },
  grade: { Level1: 'Level 1', Level2: 'Level 2', Level3: 'Level 3', SmallMicro: 'Small/micro', none: 'No grade' },
  kind: { Initial: 'Initial', Renewal: 'Renewal', Upgrade: 'Upgrade' },
  status: {
    Active: 'Active', Expired: 'Expired', Revoked: 'Revoked', Suspended: 'Suspended', Cancelled: 'Cancelled', Superseded: 'Superseded', RenewalWindow: 'Renewal window', Submitted: 'Submitted', MaterialReview: 'Material review',
    NotIssued: 'Not issued', NotSubmitted: 'Not submitted', RenewalFiled: 'Renewal filed', InRemediation: 'In remediation', Reverification: 'Reverification', ObjectionPending: 'Objection pending', AwaitingAssignment: 'Awaiting assignment', UnderReview: 'Under review', ReportAudit: 'Report audit', AwaitingPublicNotice: 'Awaiting public notice', PublicNotice: 'Public notice', Announced: 'Announced', Certified: 'Certified', Returned: 'Returned', Rejected: 'Rejected', Failed: 'Failed', Withdrawn: 'Withdrawn', Remediation: 'Remediation', Open: 'Open', Overdue: 'Overdue',
    Issued: 'Issued', NotOpened: 'Not opened', SubmittedLate: 'Submitted late', Recalling: 'Recalling', BanRunning: 'Ban running', Closed: 'Closed', NotOrdered: 'Not ordered', Completed: 'Completed', Missed: 'Missed', NotGranted: 'Not granted', Accredited: 'Accredited', Lapsed: 'Lapsed', StruckOff: 'Struck off',
  },
  cert: { title: 'Certificates', number: 'Number', grade: 'Grade', issuingBody: 'Issuing body', issuedOn: 'Issued on', lastValidDay: 'Last valid day', daysLeft: 'Days left', status: 'Status', none: 'No certificate yet', days: '{n} days' },
  deadlines: { title: 'Every deadline', kind: 'What', dueOn: 'Due on', rule: 'Rule', overdue: 'Overdue', ics: 'Subscribe (.ics)', icsHint: 'Add this link to a calendar app to keep every deadline in it.', workflow: 'Workflow' },
  eligibility: { title: 'Eligibility check', check: 'Check eligibility', eligible: 'Every condition is met: you may apply.', failed: 'These conditions are not met:', code: 'Condition', reason: 'Reason', source: 'Source', apply: 'Apply', applied: 'Application submitted: {id}' },
  apply: { kind: 'Kind', grade: 'Grade', systemRunningSince: 'System running since', post: 'Post and professional standardization done', dual: 'Dual prevention mechanism in place', previousCertificateId: 'Previous certificate id' },
  app_: { id: 'Application', kind: 'Kind', grade: 'Grade', stage: 'Stage', submittedOn: 'Submitted on', organization: 'Review organization', deadlines: 'Deadlines', actions: 'Actions', history: 'Processing timeline', enterprise: 'Enterprise', dueOn: 'Due on', workingDaysLeft: 'Working days left', overdue: 'Overdue', stageFilter: 'Stage', all: 'All', openById: 'Open by application id' },
  steps: {
    materialReview: 'Material review', accept: 'Accept', return: 'Return for correction', reasons: 'Reasons', draw: 'Draw a review unit', drawDo: 'Draw', seed: 'Seed', candidates: 'Candidates', exclusions: 'Exclusions and reasons', chosen: 'Drawn unit',
    report: 'Review report', passed: 'Passed', findings: 'Findings', nonBlocking: 'Findings to remediate (non-blocking)', remediationDeadline: 'Remediation deadline', audit: 'Report audit', forward: 'Forward to public notice', sendBack: 'Send back to the unit',
    notice: 'Public notice', noticeDo: 'Open public notice', announce: 'Announcement', announceDo: 'Announce', certificate: 'Certificate', certificateDo: 'Issue certificate', withdraw: 'Withdraw', done: 'Recorded; status now {status}',
  },
  workflow: { title: 'Workflow', status: 'Status', deadlines: 'Deadlines', timers: 'Pending timers', history: 'History', at: 'At', actor: 'Actor', event: 'Event', outcome: 'Outcome', reason: 'Reason', statusAfter: 'Status after' },
  deliveries: { title: 'Notices sent', notice: 'Notice', due: 'Date', channel: 'Channel', status: 'Status', recipient: 'Recipient', attempts: 'Attempts', createdAt: 'Created' },
  notice: {
    'renewal-reminder': 'Certificate expiring soon', 'renewal-window-open': 'Renewal window open', 'certificate-expired': 'Certificate expired', 'certificate-issued': 'Certificate issued', 'certificate-revoked': 'Certificate revoked', 'application-received': 'Application received',
    'review-unit-assigned': 'Review unit assigned', 'public-notice-open': 'Public notice open', 'public-notice-closed': 'Public notice closed', 'self-assessment-due': 'Self-assessment due', 'follow-up-visit-due': 'Follow-up visit due',
    'application-rejected': 'Application rejected', 'application-withdrawn': 'Application withdrawn', 'material-review-due-soon': 'Material review due soon', 'material-review-overdue': 'Material review overdue', 'review-due-soon': 'Review due soon', 'review-overdue': 'Review overdue',
    'report-returned': 'Report returned', 'reverification-due': 'Reverification due', 'objection-raised': 'Objection raised', 'application-failed': 'Application failed', 'follow-up-visit-overdue': 'Follow-up visit overdue', 'certificate-suspended': 'Certificate suspended', 'certificate-restored': 'Certificate restored',
    'revocation-decision-required': 'Revocation decision required', 'certificate-superseded': 'Certificate superseded', 'renewal-fast-tracked': 'Renewal fast-tracked', 'recall-reminder': 'Recall reminder', 'ban-ended': 'Ban ended', 'remediation-due-soon': 'Remediation due soon', 'remediation-missed': 'Remediation missed',
    'certificate-cancelled': 'Certificate cancelled', 'self-assessment-overdue': 'Self-assessment overdue', 'accreditation-expiring': 'Accreditation expiring', 'accreditation-lapsed': 'Accreditation lapsed', 'spot-check-selected': 'Selected for spot check', 'holiday-arrangement-missing': 'Holiday arrangement missing',
  },
  contacts: { title: 'Contacts and channels', order: 'Order', channel: 'Channel', addresses: 'E-mail addresses', url: 'Webhook URL', key: 'Robot key', secret: 'Signing secret', add: 'Add channel', remove: 'Remove' },
  documents: { title: 'Documents', kind: 'Kind', file: 'File', upload: 'Upload', name: 'File name', size: 'Size', uploadedAt: 'Uploaded', kinds: { 'self-assessment-reports': 'Self-assessment report', 'application-materials': 'Application material', 'revocation-evidence': 'Revocation evidence', 'review-reports': 'Review report', 'remediation-evidence': 'Remediation evidence', 'visit-reports': 'Visit report' } },
  selfAssessment: { title: 'Self-assessment', year: 'Year', open: 'Open the year', score: 'Score', grade: 'Self-assessed grade', posted: 'Posted internally', applies: 'Applies for review', report: 'Report (upload it under Documents first)', submit: 'Submit self-assessment' },
  ledger: { title: 'Ledger', certified: 'Certified', notCertified: 'Not certified', new: 'New this year', expiring30: 'Expiring in 30 days', expiring90: 'Expiring in 90 days', overdue: 'Overdue deadlines', byGrade: 'By grade', byIndustry: 'By industry', region: 'Region', industry: 'Industry', drill: 'List' },
  search: { q: 'Search (name, number)', region: 'Region code', grade: 'Grade', industry: 'Industry', status: 'Status', expiringBefore: 'Expiring before', search: 'Search', enterprise: 'Enterprise', name: 'Name', code: 'Credit code' },
  revoke: { title: 'Revoke certificate', grounds: 'Grounds', reason: 'Written reason', evidence: 'Evidence (document ids)', preview: 'Check before confirming', follows: 'Revoking will:', recall: 'start the task to recall the certificate and plaque', banPlain: 'bar the enterprise from applying for one year from the revocation (it may apply from the day after; it is told then)', thresholds: 'a fatal accident counts by the threshold of the profile that applies (national: 1/2/3 deaths for levels 1/2/3; Ningxia: any fatality)', confirm: 'Confirm revocation', ground: { FraudInReview: 'Fraud or false materials in the review', AccidentConcealedOrLate: 'Accident reported late or concealed', FatalAccident: 'Fatal accident at or above the threshold', SafetyFundsShort: 'Safety funds not set aside in full', SystemNotRun: 'System not run at its grade', UncontrolledHazard: 'Outstanding problems or uncontrolled major hazard', QualityAuditFailed: 'Quality audit failed after rectification' } },
  spot: { title: 'Spot checks', year: 'Year', draw: 'Draw', seed: 'Seed', samples: 'Drawn enterprises', source: 'Share source', population: 'Population', percent: 'Share', sampleSize: 'Sample size', open: 'Certificate' },
  calendar: { title: 'Holiday arrangements', year: 'Year', missing: 'The {year} arrangement is not loaded: working days fall back to weekends (provisional).', loaded: 'The {year} arrangement is in force.', stored: 'The {year} arrangement is stored and comes into force at the next host start; until then working days fall back to weekends (provisional).', date: 'Date', kind: 'Kind', name: 'Name', holiday: 'Holiday', workday: 'Adjusted working day', add: 'Add a row', save: 'Save arrangement' },
  bodies: { title: 'Review bodies', organization: 'Review organization', units: 'Review units', id: 'Id', name: 'Name', region: 'Region', level: 'Level', grades: 'Grades', industries: 'Industries', accreditedThrough: 'Accredited through', addUnit: 'Register or edit a unit', load: 'Load', edit: 'Edit', contacts: 'Contacts', addOrganization: 'Register an organization', register: 'Register', organizationContacts: 'Organization contacts', unitContacts: 'Contacts of unit {id}', list: 'Review organizations', search: 'Filter by id or name', unitCount: 'Units', total: '{n} in all' },
  registerImport: {
    title: 'Register import', hint: 'Upload a certificate ledger, or a list of review organizations or review units (.csv or .xlsx, Chinese headers). Dry-run it first to see every row checked, then confirm the import.',
    file: 'File', hold: 'Hold notices already due', dryRun: 'Dry run', confirm: 'Confirm import', dryReport: 'Dry run (nothing written)', doneReport: 'Import result',
    rows: 'Rows', problems: 'Problems', row: 'Row', column: 'Column', reason: 'Reason', ready: 'Every row passed; the import can be confirmed.', progress: 'Progress',
    rowsDone: '{done} of {total} rows done',
    sheet: { certificates: 'Certificate ledger', 'review-organizations': 'Review organizations', 'review-units': 'Review units' },
    count: { enterprisesCreated: 'Enterprises new', enterprisesChanged: 'Enterprises changed', certificatesCreated: 'Certificates new', certificatesChanged: 'Certificates changed', organizationsCreated: 'Organizations new', organizationsChanged: 'Organizations changed', unitsCreated: 'Units new', unitsChanged: 'Units changed', unchanged: 'Unchanged' },
    state: { Running: 'Running', Interrupted: 'Interrupted: post the same file again to resume', Completed: 'Completed' },
  },
  clock: { title: 'Development clock', advance: 'Advance' },
  accidents: { title: 'Accidents', record: 'Record an accident', numberHint: 'Certificate number, e.g. 宁AQBⅢ2026000001', on: 'Date', deaths: 'Deaths', concealedOrLate: 'Reported late or concealed', save: 'Record accident', yes: 'Yes', no: 'No', none: 'No accident on file for this certificate', thresholdsTitle: 'Revocation grounds that apply', concealed: 'An accident reported late or concealed: the regulator decides on revocation with evidence; the console shows it as awaiting a decision.', renewal: 'An enterprise with an accident during validity cannot renew; it starts over with an initial application.', toRevocation: 'Certificate and revocation', revocationStarted: 'Revocation (started)', listTitle: 'Accidents in the region', enterprise: 'Enterprise', listNone: 'No accident on file in the region', thresholdLine: 'Deaths that revoke · {profile}: {list} ({source})', deathsAt: '{grade} at {n}' },
  objections: { title: 'Public notice and objections', notice: 'Notice', closesOn: 'Closes on', stopped: 'An objection is open: the notice clock stands still', summary: 'Objection', on: 'Date', raise: 'Record objection', resolve: 'Resolve', upheld: 'Upheld', rejected: 'Not upheld', resolution: 'Resolution', open: 'Open', resolved: 'Resolved', none: 'No objection', state: 'State' },
  remediation: { title: 'Remediation period', running: 'In remediation since {on}: the review clock stands still', notRunning: 'The review clock runs', days: 'Remediation days so far', start: 'Open remediation period', end: 'Close remediation period', on: 'Date', deadline: 'Review deadline', left: 'Working days left' },
  workflowKind: { application: 'Application', certificate: 'Certificate', revocation: 'Revocation', 'self-assessment': 'Self-assessment', remediation: 'Remediation', accreditation: 'Accreditation' },
  channel: { Email: 'E-mail', Webhook: 'Webhook', WeCom: 'WeCom', DingTalk: 'DingTalk' },
  delivery: { Pending: 'Pending', Sending: 'Sending', Sent: 'Sent', Failed: 'Failed', FellBack: 'Fell back', Muted: 'Muted', Held: 'Held', Undeliverable: 'Undeliverable (no contact yet)', Readdressed: 'Re-sent to a new contact' },
  condition: {
    'certificate-held': 'Certificate held', 'certificate-in-force': 'Certificate in force', 'dual-prevention': 'Dual prevention', 'licence-valid': 'Licence valid', 'no-accident-during-validity': 'No accident during validity', 'no-recent-fatal-accident': 'No fatal accident in the last year',
    'no-revocation-ban': 'Not inside a revocation ban', 'post-professional-standardization': 'Post and professional standardization', 'renewal-same-grade': 'Renewal at the same grade', 'self-assessment-passed': 'Self-assessment passed', 'system-running': 'System running six months', 'upgrade-higher-grade': 'Upgrade to a higher grade',
    'fast-track-no-environment-change': 'No major change around the site', 'fast-track-no-fatal-accident': 'No fatal accident during validity', 'fast-track-no-outstanding-problems': 'No outstanding problems', 'fast-track-no-site-changes': 'No major change on site', 'fast-track-provided': 'Fast-track declaration provided',
    'fast-track-self-assessments': 'Yearly self-assessments on time', 'fast-track-standard-unchanged': 'Standard unchanged', 'fast-track-still-eligible': 'Still eligible', 'fast-track-window': 'Inside the renewal window',
  },
  level: { National: 'National', Provincial: 'Provincial', Municipal: 'Municipal' },
  outcome: { Applied: 'Applied', Ignored: 'Ignored', Rejected: 'Rejected' },
  deadline: {
    'material-review': 'Material review', review: 'On-site review', 'public-notice': 'Public notice closes', 'partial-re-review': 'Partial re-review', 'renewal-application': 'Certificate expiry (renewal)',
    'follow-up-visit': 'Follow-up visit', 'self-assessment-report': 'Self-assessment report', 'revocation-ban': 'End of revocation ban', remediation: 'Remediation', reaccreditation: 'Accreditation expiry',
  },
  event: {
    AccidentReported: 'Accident reported', AccreditationGranted: 'Accreditation granted', Announced: 'Announced', ApplicationClosed: 'Application closed', CertificateIssuedToEnterprise: 'Certificate issued to enterprise', CertificateReturned: 'Certificate returned', CertificateSuperseded: 'Certificate superseded',
    FastTrackConfirmed: 'Fast track confirmed', FollowUpVisitRecorded: 'Follow-up visit recorded', GradeCertificateIssued: 'Grade certificate issued', LicenceLapsed: 'Licence lapsed', LicenceRenewed: 'Licence renewed', MaterialReviewAccepted: 'Materials accepted', MaterialReviewRejected: 'Materials returned',
    ObjectionRaised: 'Objection raised', ObjectionResolved: 'Objection resolved', PlaqueReturned: 'Plaque returned', PublicNoticePublished: 'Public notice opened', Reaccredited: 'Reaccredited', RemediationCompleted: 'Remediation completed', RemediationEnded: 'Remediation period closed', RemediationMissed: 'Remediation missed',
    RemediationStarted: 'Remediation period opened', RenewalFailed: 'Renewal failed', RenewalFiled: 'Renewal filed', RenewalWithdrawn: 'Renewal withdrawn', ReportAudited: 'Report audited', ReverificationCompleted: 'Reverification completed', ReviewFailed: 'Review failed', ReviewUnitAssigned: 'Review unit drawn',
    SelfAssessmentYearOpened: 'Self-assessment year opened', SpotCheckDrawn: 'Spot check drawn', StruckOff: 'Struck off', TimerFired: 'Timer fired', Withdrawn: 'Withdrawn', Terminated: 'Terminated', ApplicationSubmitted: 'Application submitted', ReviewReportSubmitted: 'Review report submitted', RemediationOrdered: 'Remediation ordered',
    RevocationOpened: 'Revocation opened', SelfAssessmentSubmitted: 'Self-assessment submitted', CertificateIssued: 'Certificate issued', RevocationConfirmed: 'Revocation confirmed',
  },
  actor: { workflow: 'The {kind} workflow', system: 'System', timer: 'Timer', demo: 'Demo data', 'demo-enterprise': 'Enterprise', 'demo-review-organization': 'Review organization', 'demo-review-unit': 'Review unit', 'demo-regulator': 'Regulator', 'demo-administrator': 'Administrator', Enterprise: 'Enterprise', ReviewOrganization: 'Review organization', ReviewUnit: 'Review unit', Regulator: 'Regulator', Administrator: 'Administrator' },
}

export const i18n = createI18n({
  legacy: false,
  locale: localStorage.getItem('safetycert.locale') || 'zh-CN',
  fallbackLocale: 'zh-CN',
  missingWarn: false,
  fallbackWarn: false,
  messages: { 'zh-CN': zh, en },
})

/** A translation when there is one, the raw value otherwise (statuses and notice kinds the console does not know yet). */
export function label(group, value) {
  if (value === undefined || value === null || value === '') return ''
  const key = `${group}.${value}`
  return i18n.global.te(key) ? i18n.global.t(key) : String(value)
}

/** An instant as Beijing time, in the console's language. */
export function formatAt(at) {
  if (!at) return ''
  return new Date(at).toLocaleString(i18n.global.locale.value === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
}

/** Who raised a workflow event: a party, the timer, or another workflow (`workflow:<kind>/<id>`). */
export function actorLabel(actor) {
  const other = /^workflow:([^/]+)\//.exec(actor || '')
  return other ? i18n.global.t('actor.workflow', { kind: label('workflowKind', other[1]) }) : label('actor', actor)
}
