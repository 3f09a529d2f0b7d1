import type { Database } from '@/db/open';
import type { Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { todayInBeijing } from '@/lib/calendar/days';
import { addUser, form } from './auth-fixtures';
import { addBranch, addPerson, addTerm, branchRow } from './branches-fixtures';

// The tree's and the roster's rows of the permission matrix (action-permissions.int.test.ts): a
// valid submission per role. Scoped targets sit in the demo secretary's branch (U01-B1), so a
// submission fails only when the role may not act at all.

type Case = { permission: Action; audit: string; form: (role: Role) => Promise<FormData> };

const SECRETARY_BRANCH = 'U01-B1';
let made = 0;

export function branchCases(db: () => Database): Record<string, Case> {
  const inScope = async () => (await branchRow(db(), SECRETARY_BRANCH)).id;
  return {
    createBranchAction: {
      permission: 'branches.manage',
      audit: 'branch.create',
      form: async () => form({ parentId: (await branchRow(db(), 'U01')).id, kind: 'branch', name: `矩阵测试支部${++made}`, code: `MX-B${made}` }),
    },
    updateBranchAction: {
      permission: 'branches.manage',
      audit: 'branch.update',
      form: async () => {
        const b = await addBranch(db(), 'U01');
        return form({ id: b.id, version: b.version, name: `${b.name}（改）`, code: b.code, unitName: b.unitName, establishedOn: '', contactPhone: '' });
      },
    },
    moveBranchAction: {
      permission: 'branches.manage',
      audit: 'branch.move',
      form: async () => {
        const b = await addBranch(db(), 'U01');
        return form({ id: b.id, version: b.version, parentId: (await branchRow(db(), 'U03')).id });
      },
    },
    dissolveBranchAction: {
      permission: 'branches.manage',
      audit: 'branch.dissolve',
      form: async () => {
        const b = await addBranch(db(), 'U01');
        return form({ id: b.id, version: b.version, dissolvedOn: todayInBeijing() });
      },
    },
    appointPositionAction: {
      permission: 'people.manage',
      audit: 'committee.appoint',
      form: async () => {
        const branchId = await inScope();
        const p = await addPerson(db(), branchId);
        return form({ branchId, personId: p.id, position: 'committee_member', startsOn: '2026-01-01' });
      },
    },
    setTermAction: {
      permission: 'people.manage',
      audit: 'committee.set_term',
      form: async () => {
        const branchId = await inScope();
        const t = await addTerm(db(), branchId, (await addPerson(db(), branchId)).id);
        return form({ id: t.id, version: t.version, startsOn: t.startsOn, endsOn: '2027-06-30' });
      },
    },
    endTermAction: {
      permission: 'people.manage',
      audit: 'committee.end',
      form: async () => {
        const branchId = await inScope();
        const t = await addTerm(db(), branchId, (await addPerson(db(), branchId)).id);
        return form({ id: t.id, version: t.version, endedOn: todayInBeijing() });
      },
    },
  };
}

export function peopleCases(db: () => Database): Record<string, Case> {
  const inScope = async () => (await branchRow(db(), SECRETARY_BRANCH)).id;
  return {
    createPersonAction: {
      permission: 'people.manage',
      audit: 'person.create',
      form: async () => form({ branchId: await inScope(), name: `矩阵人员${++made}`, status: 'applicant', statusSince: '2026-01-05' }),
    },
    updatePersonAction: {
      permission: 'people.manage',
      audit: 'person.update',
      form: async () => {
        const p = await addPerson(db(), await inScope());
        return form({ id: p.id, version: p.version, name: p.name, status: p.status, joinedPartyOn: p.joinedPartyOn ?? '', jobTitle: '科员' });
      },
    },
    transferPersonAction: {
      permission: 'people.manage',
      audit: 'person.transfer',
      form: async () => {
        const p = await addPerson(db(), await inScope());
        return form({ id: p.id, version: p.version, toBranchId: (await branchRow(db(), 'U01-B1-P1')).id, transferredOn: todayInBeijing(), reason: '矩阵测试' });
      },
    },
    linkAccountAction: {
      permission: 'users.manage',
      audit: 'person.link_account',
      form: async () => {
        const p = await addPerson(db(), await inScope());
        const u = await addUser(db(), { username: `matrix-link-${++made}`, role: 'editor' });
        return form({ id: p.id, version: p.version, userId: u.id });
      },
    },
    unlinkAccountAction: {
      permission: 'users.manage',
      audit: 'person.unlink_account',
      form: async () => {
        const u = await addUser(db(), { username: `matrix-unlink-${++made}`, role: 'editor' });
        const p = await addPerson(db(), await inScope(), { userId: u.id });
        return form({ id: p.id, version: p.version });
      },
    },
  };
}
