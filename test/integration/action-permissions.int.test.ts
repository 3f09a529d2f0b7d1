// First: the stand-ins it registers must be in place before the modules below are imported.
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { session } from './setup/request-mocks';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as accountActions from '@/lib/accounts/actions';
import * as articleActions from '@/lib/articles/actions';
import * as bookingActions from '@/lib/bookings/actions';
import * as branchActions from '@/lib/branches/actions';
import * as columnActions from '@/lib/columns/actions';
import * as lectureActions from '@/lib/lectures/actions';
import * as mediaActions from '@/lib/media/actions';
import * as peopleActions from '@/lib/people/actions';
import * as recordActions from '@/lib/records/actions';
import * as inspectionActions from '@/lib/inspections/actions';
import * as developmentActions from '@/lib/development/actions';
import * as hallActions from '@/lib/hall/actions';
import * as reviewActions from '@/lib/reviews/actions';
import * as ruleActions from '@/lib/rules/actions';
import * as trainingActions from '@/lib/training/actions';
import * as trainingRuleActions from '@/lib/training/rules-actions';
import { trainingRuleFormValues } from '@/lib/training/rules';
import { loadTrainingRuleSets } from '@/lib/training/rules-queries';
import { ruleFormValues } from '@/lib/rules/form';
import { loadBranchRuleSets } from '@/lib/rules/queries';
import { type Action, permissionMatrix, scopeOf } from '@/lib/auth/permissions';
import { type Role, roles } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { verifyAuditChain } from '@/lib/audit/verify';
import {
  accountsSnapshot,
  addUser,
  auditRowsAfter,
  DEMO_PASSWORD,
  demoUsername,
  expectNoPasswordEcho,
  form,
  type FormAction,
  lastAuditId,
  loadSession,
  signedIn,
  submit,
  userRow,
} from './auth-fixtures';
import { articleIn, docJson, editorForm, revisionsOf } from './article-fixtures';
import { columnRow, insertColumn } from './column-fixtures';
import { isListed, isShowcased, lectureForm, lectureRow, lecturerRow } from './lectures-fixtures';
import { mediaCases, withTemporaryMediaStorage } from './media-matrix';
import { branchCases, peopleCases } from './branches-matrix';
import { draftIn, recordForm, submittedIn } from './records-fixtures';
import { developmentCases } from './development-fixtures';
import { bookingCases } from './bookings-fixtures';
import { reviewCases } from './reviews-fixtures';
import { inspectionCases } from './inspections-fixtures';
import { hallCases } from './hall-fixtures';
import { trainingCases } from './training-fixtures';
import { fileForm } from './media-fixtures';
import { png } from '../fixtures/media';
import { withDemoDatabase } from './setup/demo-database';

// Every server action × every role, through the real actions on the seeded demo. What each role
// may do is read from permissionMatrix, so a change to the matrix changes what is expected here.

const db = withDemoDatabase();
const actors = {} as Record<Role, SessionUser>;
/** Each demo account's current password: changing one's own password is allowed to every role. */
const passwords = Object.fromEntries(roles.map((r) => [r, DEMO_PASSWORD])) as Record<Role, string>;
let targetId: number;
let created = 0;
let columnsCreated = 0;
let photosUploaded = 0;
let ruleSetsCreated = 0;

beforeAll(async () => {
  for (const role of roles) actors[role] = await signedIn(db.db, demoUsername[role]);
  targetId = (await addUser(db.db, { username: 'matrix-target', role: 'editor' })).id;
});
withTemporaryMediaStorage();

const target = () => userRow(db.db, 'matrix-target');

type ActionCase = {
  permission: Action;
  /** A valid submission for `role`: it fails only if the role may not act. */
  form: (role: Role) => Promise<FormData>;
  /** The audit action a success records; several rows, in order, comma-separated. */
  audit: string;
};

/** Every exported action of every lib/<domain>/actions.ts, by module and export name. */
const cases: Record<string, Record<string, ActionCase>> = {
  articles: {
    createArticleAction: {
      permission: 'articles.write',
      audit: 'article.create',
      form: async () => form({ title: '矩阵测试文章', columnId: (await columnRow(db.db, 'work-news')).id, bodyJson: docJson('正文') }),
    },
    saveArticleAction: {
      permission: 'articles.write',
      audit: 'article.update',
      form: async (role) => form(editorForm(await articleIn(db.db, { status: 'draft', authorId: actors[role].id }), { title: '矩阵保存' })),
    },
    autosaveArticleAction: {
      permission: 'articles.write',
      audit: 'article.autosave',
      form: async (role) => form(editorForm(await articleIn(db.db, { status: 'draft', authorId: actors[role].id }), { title: '矩阵自动保存' })),
    },
    submitArticleAction: {
      permission: 'articles.submit',
      audit: 'article.submit',
      form: async (role) => {
        const a = await articleIn(db.db, { status: 'draft', authorId: actors[role].id });
        return form({ id: a.id, version: a.version });
      },
    },
    publishArticleAction: {
      permission: 'articles.publish',
      audit: 'article.publish',
      form: async () => {
        const a = await articleIn(db.db, { status: 'in_review', authorId: actors.editor.id });
        return form({ id: a.id, version: a.version });
      },
    },
    returnArticleAction: {
      permission: 'articles.publish',
      audit: 'article.return',
      form: async () => {
        const a = await articleIn(db.db, { status: 'in_review', authorId: actors.editor.id });
        return form({ id: a.id, version: a.version, comment: '请补充活动照片。' });
      },
    },
    archiveArticleAction: {
      permission: 'articles.publish',
      audit: 'article.archive',
      form: async () => {
        const a = await articleIn(db.db, { status: 'published', authorId: actors.editor.id });
        return form({ id: a.id, version: a.version });
      },
    },
    unarchiveArticleAction: {
      permission: 'articles.publish',
      audit: 'article.unarchive',
      form: async () => {
        const a = await articleIn(db.db, { status: 'archived', authorId: actors.editor.id });
        return form({ id: a.id, version: a.version });
      },
    },
    restoreRevisionAction: {
      permission: 'articles.publish',
      audit: 'article.restore_revision',
      form: async () => {
        const a = await articleIn(db.db, { status: 'draft', authorId: actors.editor.id });
        const [revision] = await revisionsOf(db.db, a.id);
        return form({ id: a.id, version: a.version, revisionId: revision!.id });
      },
    },
  },
  accounts: {
    createUserAction: {
      permission: 'users.manage',
      audit: 'user.create',
      form: async () => form({ username: `matrix-new-${++created}`, displayName: '矩阵测试', role: 'editor', password: 'long-enough-password' }),
    },
    updateUserAction: {
      permission: 'users.manage',
      audit: 'user.update',
      form: async () => {
        const t = await target();
        return form({ id: t.id, version: t.version, displayName: `${t.displayName}+`, role: t.role, branchId: '' });
      },
    },
    resetPasswordAction: {
      permission: 'users.manage',
      audit: 'user.reset_password',
      form: async () => form({ id: targetId, mode: 'generate' }),
    },
    setUserActiveAction: {
      permission: 'users.manage',
      audit: 'user.deactivate|user.activate',
      form: async () => form({ id: targetId, active: String(!(await target()).active) }),
    },
    changeOwnPasswordAction: {
      permission: 'account.changePassword',
      audit: 'user.change_password',
      form: async (role) => {
        const next = `${passwords[role]}-next`;
        return form({ currentPassword: passwords[role], newPassword: next, confirmPassword: next });
      },
    },
  },
  media: mediaCases(
    () => db.db,
    (role) => actors[role],
  ),
  branches: branchCases(() => db.db),
  people: peopleCases(() => db.db),
  records: {
    saveRecordDraftAction: {
      permission: 'records.write',
      audit: 'record.create',
      form: async () => recordForm(db.db, 'U01-B1', { topic: '矩阵草稿' }),
    },
    submitRecordAction: {
      permission: 'records.write',
      audit: 'record.submit',
      form: async () => recordForm(db.db, 'U01-B1', { topic: '矩阵提交' }),
    },
    correctRecordAction: {
      permission: 'records.write',
      audit: 'record.correct',
      form: async () => {
        const r = await submittedIn(db.db, 'U01-B1');
        return recordForm(db.db, 'U01-B1', { id: r.id, version: r.version, heldOn: r.heldOn, reason: '矩阵更正原因' });
      },
    },
    deleteRecordDraftAction: {
      permission: 'records.write',
      audit: 'record.delete',
      form: async () => {
        const d = await draftIn(db.db, 'U01-B1');
        return form({ id: d.id, version: d.version });
      },
    },
    uploadRecordPhotoAction: {
      permission: 'records.write',
      audit: 'media.upload',
      form: async () => fileForm({ altText: '矩阵活动照片' }, await png(320 + ++photosUploaded, 240), 'photo.png', 'image/png'),
    },
  },
  columns: {
    createColumnAction: {
      permission: 'columns.manage',
      audit: 'column.create',
      form: async () => form({ name: '矩阵栏目', slug: `matrix-column-${++columnsCreated}`, description: '' }),
    },
    updateColumnAction: {
      permission: 'columns.manage',
      audit: 'column.update',
      form: async () => {
        const c = await columnRow(db.db, 'special-topics');
        return form({ id: c.id, version: c.version, name: c.name === '专题专栏' ? '专题专栏（改）' : '专题专栏', slug: c.slug, description: c.description ?? '' });
      },
    },
    moveColumnAction: {
      permission: 'columns.manage',
      audit: 'column.reorder',
      form: async () => form({ id: (await columnRow(db.db, 'special-topics')).id, direction: 'up' }),
    },
    setColumnVisibleAction: {
      permission: 'columns.manage',
      audit: 'column.hide|column.show',
      form: async () => {
        const c = await columnRow(db.db, 'special-topics');
        return form({ id: c.id, visible: String(!c.visible) });
      },
    },
    deleteColumnAction: {
      permission: 'columns.manage',
      audit: 'column.delete',
      form: async () => form({ id: (await insertColumn(db.db, { slug: `matrix-doomed-${++columnsCreated}` })).id, targetColumnId: '', confirm: 'on' }),
    },
  },
  lectures: {
    createLecturerAction: {
      permission: 'lectures.manage',
      audit: 'lecturer.create',
      form: async () => form({ name: '矩阵讲师', unitName: '市级机关某局', specialties: '党史党建', inPool: 'on' }),
    },
    updateLecturerAction: {
      permission: 'lectures.manage',
      audit: 'lecturer.update',
      form: async () => {
        const l = await lecturerRow(db.db, '贺俊达');
        return form({ id: l.id, version: l.version, name: l.name, unitName: l.unitName, title: l.title === '机关党委专职副书记' ? '机关党委副书记' : '机关党委专职副书记', inPool: 'on' });
      },
    },
    setLecturerListedAction: {
      permission: 'lectures.manage',
      audit: 'lecturer.list|lecturer.unlist',
      form: async () => {
        const l = await lecturerRow(db.db, '贺俊达');
        return form({ lecturerId: l.id, year: 2030, listed: String(!(await isListed(db.db, l.id, 2030))) });
      },
    },
    createLectureAction: {
      permission: 'lectures.manage',
      audit: 'lecture.create',
      form: async () => form(lectureForm((await lecturerRow(db.db, '贺俊达')).id)),
    },
    updateLectureAction: {
      permission: 'lectures.manage',
      audit: 'lecture.update',
      form: async () => {
        const l = await lectureRow(db.db, '新任支部书记第一课');
        return form({ ...lectureForm(l.lecturerId, l.title), id: l.id, version: l.version, durationMinutes: l.durationMinutes === 120 ? 110 : 120 });
      },
    },
    setLecturePublishedAction: {
      permission: 'lectures.manage',
      audit: 'lecture.publish|lecture.unpublish',
      form: async () => {
        const l = await lectureRow(db.db, '党内法规学习要点');
        return form({ id: l.id, published: String(!l.published) });
      },
    },
    setLectureShowcaseAction: {
      permission: 'lectures.manage',
      audit: 'lecture.showcase|lecture.unshowcase',
      form: async () => {
        const l = await lectureRow(db.db, '伟大建党精神的历史渊源与时代价值');
        return form({ lectureId: l.id, year: 2030, showcase: String(!(await isShowcased(db.db, l.id, 2030))) });
      },
    },
  },
  rules: {
    createBranchRuleSetAction: {
      permission: 'rules.manage',
      audit: 'rules.create',
      form: async () =>
        form({
          ...ruleFormValues((await loadBranchRuleSets(db.db)).at(-1)!.rules),
          name: '矩阵测试规则',
          source: '矩阵测试',
          effectiveFrom: addDays(todayInBeijing(), 100 + ++ruleSetsCreated),
        }),
    },
  },
  'training/rules': {
    createTrainingRuleSetAction: {
      permission: 'training.rules',
      audit: 'training.rules_create',
      form: async () =>
        form({
          ...trainingRuleFormValues((await loadTrainingRuleSets(db.db)).at(-1)!.rules),
          name: '矩阵测试培训规则',
          source: '矩阵测试',
          effectiveFrom: addDays(todayInBeijing(), 300 + ++ruleSetsCreated),
        }),
    },
  },
  reviews: reviewCases(() => db.db),
  inspections: inspectionCases(() => db.db),
  development: developmentCases(() => db.db),
  hall: hallCases(() => db.db),
  bookings: bookingCases(() => db.db),
  training: trainingCases(() => db.db),
};

const modules: Record<string, Record<string, unknown>> = { accounts: accountActions, articles: articleActions, bookings: bookingActions, branches: branchActions, columns: columnActions, development: developmentActions, hall: hallActions, inspections: inspectionActions, lectures: lectureActions, media: mediaActions, people: peopleActions, records: recordActions, reviews: reviewActions, rules: ruleActions, training: trainingActions, 'training/rules': trainingRuleActions };
const matrix = Object.entries(cases).flatMap(([domain, actions]) =>
  Object.entries(actions).flatMap(([name, c]) => roles.map((role) => ({ domain, name, role, ...c }))),
);

describe('the table of actions', () => {
  it('covers every exported action of every lib/<domain>/actions.ts', async () => {
    // Sign-in and sign-out (lib/auth/actions.ts) run before there is a session to check.
    const root = path.join(import.meta.dirname, '../../lib');
    // A domain's actions.ts is keyed by the domain, a further <part>-actions.ts as "<domain>/<part>".
    const files = fs
      .readdirSync(root)
      .filter((d) => d !== 'auth' && fs.statSync(path.join(root, d)).isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(root, d)).flatMap((f) => (f === 'actions.ts' ? [[d, `${d}/${f}`]] : /^[a-z]+-actions\.ts$/.test(f) ? [[`${d}/${f.replace(/-actions\.ts$/, '')}`, `${d}/${f}`]] : [])));
    const domains = files.map(([key]) => key!);
    expect(domains.sort()).toEqual(Object.keys(cases).sort());
    for (const [domain, file] of files) {
      const exported = modules[domain!] ?? ((await import(path.join(root, file!))) as Record<string, unknown>);
      expect(Object.keys(exported).sort(), `lib/${domain}/actions.ts`).toEqual(Object.keys(cases[domain!]!).sort());
    }
  });

  it('names only permissions of the matrix, and every role of the matrix is a demo account', () => {
    for (const c of matrix) expect(Object.keys(permissionMatrix)).toContain(c.permission);
    expect(Object.keys(demoUsername).sort()).toEqual([...roles].sort());
  });
});

for (const { domain, name, role, permission, audit } of matrix) {
  const allowed = scopeOf(role, permission) !== null;
  const title = allowed
    ? `${domain}/${name} as ${role} succeeds and records ${audit} (matrix: ${permission} → ${scopeOf(role, permission)})`
    : `${domain}/${name} as ${role} is refused with 403 and changes nothing (matrix: no ${permission})`;

  it(title, async () => {
    session.user = actors[role];
    const submission = await cases[domain]![name]!.form(role);
    const before = await accountsSnapshot(db.db);
    const lastAudit = await lastAuditId(db.db);

    const outcome = await submit(modules[domain]![name] as FormAction, submission);

    if (allowed) {
      if (outcome.kind === 'state') expect(outcome.state, outcome.state.message).toMatchObject({ ok: true });
      else expect(outcome.url).toMatch(/^\/admin\//);
      const rows = await auditRowsAfter(db.db, lastAudit);
      expect(rows.map((r) => [r.action, r.actorId])).toEqual(audit.split(',').map((a) => [expect.stringMatching(new RegExp(`^(${a})$`)), actors[role].id]));
      if (permission === 'account.changePassword') passwords[role] = submission.get('newPassword') as string;
    } else {
      expect(outcome).toEqual({ kind: 'state', state: { ok: false, status: 403, message: '您没有执行此操作的权限。' } });
      expect(await accountsSnapshot(db.db)).toEqual(before);
    }
  });
}

describe('signed out', () => {
  for (const { domain, name } of matrix.filter((c) => c.role === 'admin')) {
    it(`${domain}/${name} answers 401 and changes nothing`, async () => {
      session.user = null;
      const submission = await cases[domain]![name]!.form('admin');
      const before = await accountsSnapshot(db.db);
      const outcome = await submit(modules[domain]![name] as FormAction, submission);
      expect(outcome).toMatchObject({ kind: 'state', state: { ok: false, status: 401, message: '登录已失效，请重新登录后再试。' } });
      if (outcome.kind === 'state') expectNoPasswordEcho(outcome.state, submission);
      expect(await accountsSnapshot(db.db)).toEqual(before);
    });
  }
});

describe('afterwards', () => {
  it('the audit chain verifies, and every actor is still signed in after changing its own password', async () => {
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true });
    for (const role of roles) expect(await loadSession(db.db, actors[role].sessionId), role).toMatchObject({ role });
  });
});
