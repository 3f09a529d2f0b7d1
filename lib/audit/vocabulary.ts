// Everything the portal writes to the trail: each action with the kind of record it concerns and
// its Chinese label. `appendAudit` accepts only these pairs, so an action cannot be written without
// being listed here, and the trail's filter offers this list without reading the table.

/** Kinds of record the trail speaks of (`audit_log.entity_type`). */
export const auditEntityTypes = {
  user: '用户账号',
  article: '文章',
  article_attachment: '文章附件',
  media: '媒体文件',
  column: '栏目',
  branch: '党组织',
  committee_position: '委员职务',
  person: '党员',
  activity_record: '组织生活记录',
  branch_rule_set: '组织生活规则',
  finding: '审核问题',
  inspection: '明察暗访',
  lecturer: '党课讲师',
  lecture: '党课',
  lecture_season: '送课季度',
  lecture_booking: '送课预约',
  development_record: '发展党员档案',
  development_rule_set: '发展党员规则',
  development_batch: '发展党员批量步骤',
  development_document: '发展党员材料',
  hall_session: '大讲堂场次',
  training_round: '培训班次',
  training_session: '培训课次',
  trainee: '参训学员',
  training_rule_set: '培训规则',
} as const;

export type AuditEntityType = keyof typeof auditEntityTypes;

/** Action groups: the part of an action before the dot, offered as "every action of this group". */
export const auditActionGroups = {
  auth: '登录',
  user: '用户账号',
  article: '文章',
  attachment: '文章附件',
  media: '媒体文件',
  column: '栏目',
  branch: '党组织',
  committee: '委员职务',
  person: '党员',
  record: '组织生活记录',
  rules: '组织生活规则',
  review: '记录审核',
  finding: '审核问题',
  inspection: '明察暗访',
  lecturer: '党课讲师',
  lecture: '党课',
  season: '送课季度',
  booking: '送课预约',
  development: '发展党员',
  hall: '大讲堂',
  training: '培训',
} as const;

type Group = keyof typeof auditActionGroups;
type ActionSpec = { entityType: AuditEntityType; label: string };

export const auditActions = {
  'auth.login': { entityType: 'user', label: '登录' },
  'user.create': { entityType: 'user', label: '新建用户' },
  'user.update': { entityType: 'user', label: '修改用户' },
  'user.reset_password': { entityType: 'user', label: '重置密码' },
  'user.activate': { entityType: 'user', label: '启用账号' },
  'user.deactivate': { entityType: 'user', label: '停用账号' },
  'user.change_password': { entityType: 'user', label: '修改本人密码' },
  'user.change_password_failed': { entityType: 'user', label: '修改本人密码失败' },
  'article.create': { entityType: 'article', label: '新建文章' },
  'article.update': { entityType: 'article', label: '保存文章' },
  'article.autosave': { entityType: 'article', label: '自动保存文章' },
  'article.restore_revision': { entityType: 'article', label: '恢复历史版本' },
  'article.submit': { entityType: 'article', label: '提交审核' },
  'article.publish': { entityType: 'article', label: '发布文章' },
  'article.return': { entityType: 'article', label: '退回修改' },
  'article.archive': { entityType: 'article', label: '归档文章' },
  'article.unarchive': { entityType: 'article', label: '取消归档' },
  'attachment.add': { entityType: 'article_attachment', label: '添加附件' },
  'attachment.remove': { entityType: 'article_attachment', label: '移除附件' },
  'attachment.reorder': { entityType: 'article_attachment', label: '调整附件顺序' },
  'media.upload': { entityType: 'media', label: '上传媒体' },
  'media.update': { entityType: 'media', label: '修改媒体' },
  'media.delete': { entityType: 'media', label: '删除媒体' },
  'column.create': { entityType: 'column', label: '新建栏目' },
  'column.update': { entityType: 'column', label: '修改栏目' },
  'column.reorder': { entityType: 'column', label: '调整栏目顺序' },
  'column.show': { entityType: 'column', label: '显示栏目' },
  'column.hide': { entityType: 'column', label: '隐藏栏目' },
  'column.delete': { entityType: 'column', label: '删除栏目' },
  'branch.create': { entityType: 'branch', label: '新建党组织' },
  'branch.update': { entityType: 'branch', label: '修改党组织' },
  'branch.move': { entityType: 'branch', label: '调整上级组织' },
  'branch.dissolve': { entityType: 'branch', label: '撤销党组织' },
  'committee.appoint': { entityType: 'committee_position', label: '任命委员' },
  'committee.set_term': { entityType: 'committee_position', label: '修改任期' },
  'committee.end': { entityType: 'committee_position', label: '免去职务' },
  'person.create': { entityType: 'person', label: '新增党员' },
  'person.update': { entityType: 'person', label: '修改党员信息' },
  'person.transfer': { entityType: 'person', label: '组织关系转接' },
  'person.link_account': { entityType: 'person', label: '关联账号' },
  'person.unlink_account': { entityType: 'person', label: '解除账号关联' },
  'person.read': { entityType: 'person', label: '查看个人信息' },
  'record.create': { entityType: 'activity_record', label: '新建记录' },
  'record.update': { entityType: 'activity_record', label: '修改记录' },
  'record.submit': { entityType: 'activity_record', label: '提交记录' },
  'record.correct': { entityType: 'activity_record', label: '更正记录' },
  'record.delete': { entityType: 'activity_record', label: '删除记录' },
  'rules.create': { entityType: 'branch_rule_set', label: '新增规则版本' },
  'review.mark': { entityType: 'activity_record', label: '审核合格' },
  'finding.raise': { entityType: 'finding', label: '提出问题' },
  'finding.answer': { entityType: 'finding', label: '报送整改说明' },
  'finding.reopen': { entityType: 'finding', label: '退回重新整改' },
  'finding.close': { entityType: 'finding', label: '确认整改到位' },
  'inspection.create': { entityType: 'inspection', label: '新建明察暗访' },
  'inspection.add_finding': { entityType: 'finding', label: '明察暗访提出问题' },
  'inspection.release': { entityType: 'inspection', label: '发布督查结果' },
  'inspection.notice_draft': { entityType: 'article', label: '生成通报草稿' },
  'lecturer.create': { entityType: 'lecturer', label: '新增党课讲师' },
  'lecturer.update': { entityType: 'lecturer', label: '修改党课讲师' },
  'lecturer.list': { entityType: 'lecturer', label: '列入年度讲师名单' },
  'lecturer.unlist': { entityType: 'lecturer', label: '移出年度讲师名单' },
  'lecture.create': { entityType: 'lecture', label: '新增党课' },
  'lecture.update': { entityType: 'lecture', label: '修改党课' },
  'lecture.publish': { entityType: 'lecture', label: '公开党课' },
  'lecture.unpublish': { entityType: 'lecture', label: '撤下党课' },
  'lecture.showcase': { entityType: 'lecture', label: '列入年度精品党课' },
  'lecture.unshowcase': { entityType: 'lecture', label: '移出年度精品党课' },
  'season.create': { entityType: 'lecture_season', label: '新增送课季度' },
  'season.update': { entityType: 'lecture_season', label: '修改送课季度' },
  'season.offer': { entityType: 'lecture_season', label: '列入送课菜单' },
  'season.unoffer': { entityType: 'lecture_season', label: '移出送课菜单' },
  'booking.request': { entityType: 'lecture_booking', label: '预约送课' },
  'booking.schedule': { entityType: 'lecture_booking', label: '安排送课' },
  'booking.decline': { entityType: 'lecture_booking', label: '答复无法安排送课' },
  'booking.cancel': { entityType: 'lecture_booking', label: '取消送课预约' },
  'booking.deliver': { entityType: 'lecture_booking', label: '确认送课完成' },
  'booking.rate': { entityType: 'lecture_booking', label: '评价送课' },
  'development.open': { entityType: 'development_record', label: '登记入党申请' },
  'development.step': { entityType: 'development_record', label: '记录发展步骤' },
  'development.read': { entityType: 'development_record', label: '查看发展档案' },
  'development.rules_create': { entityType: 'development_rule_set', label: '新增发展党员规则版本' },
  'development.batch': { entityType: 'development_batch', label: '批量记录发展步骤' },
  'development.correct': { entityType: 'development_record', label: '补正发展步骤日期' },
  'development.document_upload': { entityType: 'development_document', label: '上传发展党员材料' },
  'development.document_remove': { entityType: 'development_document', label: '移除发展党员材料' },
  'development.document_download': { entityType: 'development_document', label: '下载发展党员材料' },
  'hall.create': { entityType: 'hall_session', label: '新增大讲堂场次' },
  'hall.update': { entityType: 'hall_session', label: '修改大讲堂场次' },
  'hall.delete': { entityType: 'hall_session', label: '删除大讲堂场次' },
  'hall.register': { entityType: 'hall_session', label: '大讲堂报名' },
  'hall.attendance': { entityType: 'hall_session', label: '确认大讲堂出席' },
  'training.round_create': { entityType: 'training_round', label: '新建培训班次' },
  'training.round_update': { entityType: 'training_round', label: '修改培训班次' },
  'training.session_create': { entityType: 'training_session', label: '新增培训课次' },
  'training.session_update': { entityType: 'training_session', label: '修改培训课次' },
  'training.enrol': { entityType: 'training_round', label: '培训报名' },
  'training.attendance': { entityType: 'training_session', label: '登记培训出勤' },
  'training.import_preview': { entityType: 'training_session', label: '预览导入签到表' },
  'training.import': { entityType: 'training_session', label: '导入签到表' },
  'training.complete': { entityType: 'trainee', label: '学员结业' },
  'training.rules_create': { entityType: 'training_rule_set', label: '新增培训规则版本' },
} as const satisfies Record<`${Group}.${string}`, ActionSpec>;

export type AuditAction = keyof typeof auditActions;

/** The record kind an action is written with. */
export type AuditEntityTypeOf<A extends AuditAction> = (typeof auditActions)[A]['entityType'];

/** The actions written on one kind of record, e.g. `AuditActionOn<'article'>`. */
export type AuditActionOn<E extends AuditEntityType> = { [A in AuditAction]: AuditEntityTypeOf<A> extends E ? A : never }[AuditAction];

const entityTypeLabels: Record<string, string> = auditEntityTypes;
const actionLabels: Record<string, ActionSpec> = auditActions;
const groupLabels: Record<string, string> = auditActionGroups;

/** `文章（article）`; a kind no longer written (an older row's) as stored. */
export const entityTypeOptionLabel = (value: string) => (Object.hasOwn(entityTypeLabels, value) ? `${entityTypeLabels[value]}（${value}）` : value);

/** `新建用户（user.create）`; an action no longer written as stored. */
export const actionOptionLabel = (value: string) => (Object.hasOwn(actionLabels, value) ? `${actionLabels[value]!.label}（${value}）` : value);

/** `user.` → `用户账号：全部操作（user.*）`. */
export function actionGroupOptionLabel(prefix: string): string {
  const group = prefix.slice(0, -1);
  return Object.hasOwn(groupLabels, group) ? `${groupLabels[group]}：全部操作（${group}.*）` : `${prefix}*（全部）`;
}
