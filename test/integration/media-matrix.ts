import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/db/open';
import { articleAttachments } from '@/db/schema/articles';
import { media } from '@/db/schema/media';
import type { Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { pdf, png } from '../fixtures/media';
import { articleIn } from './article-fixtures';
import { form } from './auth-fixtures';
import { fileForm, useTemporaryStorage } from './media-fixtures';

// The media actions' rows of the permission matrix (action-permissions.int.test.ts): a valid
// submission per role, built on rows written straight to the database where no file is needed.

type Case = { permission: Action; audit: string; form: (role: Role) => Promise<FormData> };

/** Registers a throwaway storage directory for the file's tests, so nothing lands in ./data. */
export function withTemporaryMediaStorage() {
  let storage: Awaited<ReturnType<typeof useTemporaryStorage>> | undefined;
  beforeAll(async () => {
    storage = await useTemporaryStorage();
  });
  afterAll(() => storage?.cleanup());
}

const uniqueKey = (prefix: string, ext: string) => `${prefix}/00/${randomBytes(32).toString('hex')}.${ext}`;

export function mediaCases(db: () => Database, actor: (role: Role) => SessionUser): Record<string, Case> {
  let uploaded = 0;
  const insertMedia = async () => {
    const [row] = await db()
      .insert(media)
      .values({ storageKey: uniqueKey('images', 'png'), originalName: 'matrix.png', mimeType: 'image/png', byteSize: 1, width: 1, height: 1, altText: '矩阵测试图片' })
      .returning();
    return row!;
  };
  const draftWithAttachments = async (role: Role, count: number) => {
    const article = await articleIn(db(), { status: 'draft', authorId: actor(role).id });
    const rows = await db()
      .insert(articleAttachments)
      .values(Array.from({ length: count }, (_, i) => ({ articleId: article.id, storageKey: uniqueKey(`attachments/${article.id}`, 'pdf'), originalName: `${i}.pdf`, kind: 'pdf' as const, byteSize: 1, sortOrder: i })))
      .returning();
    return { article, rows };
  };
  return {
    uploadMediaAction: {
      permission: 'media.manage',
      audit: 'media.upload',
      form: async () => fileForm({ altText: '矩阵测试图片' }, await png(300 + ++uploaded, 200), 'matrix.png', 'image/png'),
    },
    updateMediaAction: {
      permission: 'media.manage',
      audit: 'media.update',
      form: async () => {
        const m = await insertMedia();
        return form({ id: m.id, version: m.version, altText: '改过的替代文本' });
      },
    },
    deleteMediaAction: {
      permission: 'media.manage',
      audit: 'media.delete',
      form: async () => form({ id: (await insertMedia()).id }),
    },
    addAttachmentAction: {
      permission: 'articles.write',
      audit: 'attachment.add',
      form: async (role) => fileForm({ articleId: (await articleIn(db(), { status: 'draft', authorId: actor(role).id })).id }, pdf(), '通知.pdf', 'application/pdf'),
    },
    removeAttachmentAction: {
      permission: 'articles.write',
      audit: 'attachment.remove',
      form: async (role) => form({ id: (await draftWithAttachments(role, 1)).rows[0]!.id }),
    },
    moveAttachmentAction: {
      permission: 'articles.write',
      audit: 'attachment.reorder',
      form: async (role) => form({ id: (await draftWithAttachments(role, 2)).rows[1]!.id, direction: 'up' }),
    },
  };
}
