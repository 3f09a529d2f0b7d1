import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { parseLocalDateTime, toLocalDateTimeValue } from './schemas';
import { canDoTransition, canEditArticle, effectiveStatus } from './workflow';

const admin: Actor = { id: 1, role: 'admin', branchScope: null };
const editor: Actor = { id: 2, role: 'editor', branchScope: null };
const auditor: Actor = { id: 3, role: 'auditor', branchScope: null };

describe('the editorial state machine', () => {
  it('a scheduled article is published once its time has passed', () => {
    const now = new Date('2026-11-27T02:00:00Z');
    expect(effectiveStatus('scheduled', new Date('2026-11-27T01:59:59Z'), now)).toBe('published');
    expect(effectiveStatus('scheduled', new Date('2026-11-27T02:00:00Z'), now)).toBe('published');
    expect(effectiveStatus('scheduled', new Date('2026-11-27T02:00:01Z'), now)).toBe('scheduled');
    expect(effectiveStatus('draft', new Date('2020-01-01T00:00:00Z'), now)).toBe('draft');
  });

  it('editors edit and submit only their own drafts; only admins publish, return, archive', () => {
    const ownDraft = { status: 'draft' as const, authorId: editor.id };
    expect(canEditArticle(editor, ownDraft)).toBe(true);
    expect(canEditArticle(editor, { ...ownDraft, authorId: 99 })).toBe(false);
    expect(canEditArticle(editor, { ...ownDraft, status: 'in_review' })).toBe(false);
    expect(canEditArticle(admin, { status: 'published', authorId: 99 })).toBe(true);
    expect(canEditArticle(auditor, ownDraft)).toBe(false);
    expect(canDoTransition(editor, ownDraft, 'submit')).toBe(true);
    expect(canDoTransition(editor, ownDraft, 'publish')).toBe(false);
    expect(canDoTransition(editor, { status: 'in_review', authorId: editor.id }, 'return')).toBe(false);
    expect(canDoTransition(admin, { status: 'in_review', authorId: 9 }, 'return')).toBe(true);
    expect(canDoTransition(admin, { status: 'published', authorId: 9 }, 'submit')).toBe(false);
    expect(canDoTransition(admin, { status: 'archived', authorId: 9 }, 'unarchive')).toBe(true);
  });
});

describe('publish time inputs are Beijing time', () => {
  it('reads and writes datetime-local values at +08:00', () => {
    expect(parseLocalDateTime('2026-12-01T09:30')?.toISOString()).toBe('2026-12-01T01:30:00.000Z');
    expect(toLocalDateTimeValue(new Date('2026-12-01T01:30:00Z'))).toBe('2026-12-01T09:30');
    expect(parseLocalDateTime('2026-13-01T09:30')).toBeNull();
    expect(parseLocalDateTime('明天')).toBeNull();
    expect(parseLocalDateTime('1999-01-01T00:00')).toBeNull();
  });
});
