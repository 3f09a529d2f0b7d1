import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { developmentDocuments, developmentRecords } from '@/db/schema/development';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import { cleanFileName } from '@/lib/media/file-name';
import { contentKey, getStorage } from '@/lib/media/storage';
import type { RemoveDocumentInput, UploadDocumentInput } from './document-schemas';
import { documentFileName, sniffDocument } from './document-types';

// Writes of a development file's documents. The file's branch is checked before anything is
// read from the upload or stored; removal only marks the row (who, when, why) and keeps the file.

async function recordOf(ctx: ActionContext, personId: number) {
  const [record] = await ctx.tx
    .select({ id: developmentRecords.id, branchId: developmentRecords.branchId })
    .from(developmentRecords)
    .where(eq(developmentRecords.personId, personId))
    .for('update');
  if (!record) throw new AppError('not_found', '没有找到该党员的发展档案。');
  ctx.authorizeTarget({ branchId: record.branchId });
  return record;
}

const auditable = (d: typeof developmentDocuments.$inferSelect) => ({ recordId: d.recordId, kind: d.kind, title: d.title, name: d.originalName, mimeType: d.mimeType, byteSize: d.byteSize, storageKey: d.storageKey });

export async function uploadDevelopmentDocument(ctx: ActionContext, input: UploadDocumentInput) {
  const record = await recordOf(ctx, input.personId);
  const data = new Uint8Array(await input.file.arrayBuffer());
  const type = sniffDocument(data);
  if (!type) throw new AppError('invalid', '只能上传 PDF、JPEG、PNG 图片、Word（.docx）或 Excel（.xlsx）文件（按文件内容识别，与文件名无关），且文件须完整。', 'file');
  const storageKey = contentKey(`development/${record.id}`, data, type.ext);
  const [same] = await ctx.tx
    .select({ title: developmentDocuments.title })
    .from(developmentDocuments)
    .where(and(eq(developmentDocuments.recordId, record.id), eq(developmentDocuments.storageKey, storageKey), isNull(developmentDocuments.removedAt)));
  if (same) throw new AppError('conflict', `该档案已有内容相同的材料（${same.title}）。`, 'file');

  await getStorage().put(storageKey, data);
  const [row] = await ctx.tx
    .insert(developmentDocuments)
    .values({
      recordId: record.id,
      kind: input.kind,
      title: input.title,
      storageKey,
      mimeType: type.mime,
      byteSize: data.byteLength,
      originalName: documentFileName(cleanFileName(input.file.name, '材料'), type.ext),
      uploadedBy: ctx.user.id,
    })
    .returning();
  await ctx.audit({ action: 'development.document_upload', entityType: 'development_document', entityId: row!.id, after: { personId: input.personId, ...auditable(row!) } });
  return row!;
}

export async function removeDevelopmentDocument(ctx: ActionContext, input: RemoveDocumentInput) {
  const record = await recordOf(ctx, input.personId);
  const [row] = await ctx.tx
    .select()
    .from(developmentDocuments)
    .where(and(eq(developmentDocuments.id, input.id), eq(developmentDocuments.recordId, record.id)))
    .for('update');
  if (!row) throw new AppError('not_found', '该材料不存在。');
  if (row.removedAt) throw new AppError('conflict', '该材料已被移除，请刷新页面。');
  const [removed] = await ctx.tx
    .update(developmentDocuments)
    .set({ removedAt: new Date(), removedBy: ctx.user.id, removalReason: input.reason })
    .where(eq(developmentDocuments.id, row.id))
    .returning();
  await ctx.audit({
    action: 'development.document_remove',
    entityType: 'development_document',
    entityId: row.id,
    before: auditable(row),
    after: { personId: input.personId, removedAt: removed!.removedAt, reason: input.reason },
  });
  return removed!;
}
