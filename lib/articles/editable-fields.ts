import type { articles, RichTextNode } from '@/db/schema/articles';

// Every field an editor can change, declared once. The revision snapshot, the columns a save
// writes, the audit row and the revision diff's labels are all built from this list, so a new
// field is added here (plus its form rule in schemas.ts, which the compiler then asks for).

/** How a field is stored in a snapshot and read back from an old one. */
type FieldKind =
  | 'text' // required string; an old snapshot without it falls back to the article's value
  | 'optionalText' // string or null
  | 'id' // required positive integer
  | 'optionalId' // positive integer or null
  | 'flag' // boolean
  | 'time' // a Date on the row, an ISO 8601 string (or null) in the snapshot
  | 'doc'; // the rich-text body

type FieldSpec = {
  kind: FieldKind;
  /** Shown in the revision diff. */
  label: string;
  /** Part of the article's audit row (the body and the minor texts are not: the revision has them). */
  audited?: boolean;
  /** Set by the command's own rules (slug uniqueness, publishing time), not copied as entered. */
  ruled?: boolean;
};

export const editableFields = {
  title: { kind: 'text', label: '标题', audited: true },
  kicker: { kind: 'optionalText', label: '引题' },
  subtitle: { kind: 'optionalText', label: '副题' },
  byline: { kind: 'optionalText', label: '作者' },
  source: { kind: 'optionalText', label: '来源' },
  summary: { kind: 'optionalText', label: '摘要' },
  slug: { kind: 'text', label: '网址别名', audited: true, ruled: true },
  columnId: { kind: 'id', label: '栏目', audited: true },
  coverMediaId: { kind: 'optionalId', label: '封面图' },
  videoUrl: { kind: 'optionalText', label: '视频地址' },
  pinned: { kind: 'flag', label: '置顶', audited: true },
  publishAt: { kind: 'time', label: '发布时间', audited: true, ruled: true },
  bodyJson: { kind: 'doc', label: '正文' },
} as const satisfies Partial<Record<keyof typeof articles.$inferSelect, FieldSpec>>;

export type EditableField = keyof typeof editableFields;

type SnapshotValue = {
  text: string;
  optionalText: string | null;
  id: number;
  optionalId: number | null;
  flag: boolean;
  /** ISO 8601, or null when the article has no publish time set. */
  time: string | null;
  doc: RichTextNode;
};

/**
 * Every field an editor can change, as stored in `article_revisions.snapshot`. A revision is
 * a copy of these, so restoring one is copying them back and a diff compares two of them.
 */
export type ArticleSnapshot = { -readonly [F in EditableField]: SnapshotValue[(typeof editableFields)[F]['kind']] };

/** The fields whose spec sets `Flag`. */
type FieldsWith<Flag extends 'audited' | 'ruled'> = { [F in EditableField]: (typeof editableFields)[F] extends Record<Flag, true> ? F : never }[EditableField];

const fieldNames = Object.keys(editableFields) as EditableField[];
const namesWhere = (test: (spec: FieldSpec) => boolean) => fieldNames.filter((name) => test(editableFields[name]));

/** All fields, in display order (the body last). */
export const snapshotFields: readonly EditableField[] = fieldNames;

/** The fields copied as entered into the article's columns. */
export const contentFields = namesWhere((spec) => !spec.ruled) as Exclude<EditableField, FieldsWith<'ruled'>>[];

/** The fields the article's audit rows carry (with status and version). */
export const auditedFields = namesWhere((spec) => !!spec.audited) as FieldsWith<'audited'>[];

/** The revision diff's labels, for every field but the body (which the diff shows as text). */
export const snapshotFieldLabels = Object.fromEntries(namesWhere((spec) => spec.kind !== 'doc').map((name) => [name, editableFields[name].label])) as Record<
  Exclude<EditableField, 'bodyJson'>,
  string
>;
