import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { developmentDocuments, developmentRecords } from '@/db/schema/development';
import { appendAudit } from '@/lib/audit/append';
import { clientIp } from '@/lib/auth/client-ip';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { getStorage, type StoredFile } from '@/lib/media/storage';
import type { DocumentMime } from './document-types';
import type { DevelopmentDocumentItem } from './types';

// Reads of a development file's documents, scoped like the file (a secretary: their subtree).
// Every download is written to the trail: the documents are personal data.

export const documentUrl = (personId: number, documentId: number) => `/admin/development/${personId}/documents/${documentId}`;

/** The file's documents, oldest first, removed ones included (with who removed them and why). */
export async function listDevelopmentDocuments(actor: Actor, personId: number): Promise<DevelopmentDocumentItem[]> {
  authorize(actor, 'development.read');
  const db = await getDb();
  const [record] = await db.select({ id: developmentRecords.id, branchId: developmentRecords.branchId }).from(developmentRecords).where(eq(developmentRecords.personId, personId));
  if (!record) return [];
  authorize(actor, 'development.read', { branchId: record.branchId });
  const uploader = alias(users, 'uploader');
  const remover = alias(users, 'remover');
  const rows = await db
    .select({
      id: developmentDocuments.id,
      kind: developmentDocuments.kind,
      title: developmentDocuments.title,
      name: developmentDocuments.originalName,
      mimeType: developmentDocuments.mimeType,
      byteSize: developmentDocuments.byteSize,
      uploadedAt: developmentDocuments.uploadedAt,
      uploadedByName: uploader.displayName,
      removedAt: developmentDocuments.removedAt,
      removedByName: remover.displayName,
      removalReason: developmentDocuments.removalReason,
    })
    .from(developmentDocuments)
    .leftJoin(uploader, eq(uploader.id, developmentDocuments.uploadedBy))
    .leftJoin(remover, eq(remover.id, developmentDocuments.removedBy))
    .where(eq(developmentDocuments.recordId, record.id))
    .orderBy(asc(developmentDocuments.uploadedAt), asc(developmentDocuments.id));
  return rows.map((r) => ({ ...r, url: r.removedAt ? null : documentUrl(personId, r.id) }));
}

export type DocumentDownload = { name: string; mimeType: DocumentMime; file: StoredFile };

/**
 * A document for download, with its stored bytes, after the read is appended to the trail.
 * Null when it does not exist, belongs to another person's file, was removed, or its file is
 * missing; outside the reader's scope it is refused (403) like the file itself.
 */
export async function openDevelopmentDocument(actor: Actor & { username: string }, personId: number, documentId: number): Promise<DocumentDownload | null> {
  authorize(actor, 'development.read');
  const db = await getDb();
  const [row] = await db
    .select({ document: developmentDocuments, branchId: developmentRecords.branchId })
    .from(developmentDocuments)
    .innerJoin(developmentRecords, eq(developmentRecords.id, developmentDocuments.recordId))
    .where(and(eq(developmentDocuments.id, documentId), eq(developmentRecords.personId, personId)))
    .limit(1);
  if (!row) return null;
  authorize(actor, 'development.read', { branchId: row.branchId });
  const { document } = row;
  if (document.removedAt) return null;
  const file = await getStorage().get(document.storageKey);
  if (!file) return null;
  const ip = clientIp(await headers());
  try {
    await db.transaction((tx) =>
      appendAudit(tx, { id: actor.id, name: actor.username, role: actor.role, ip }, { action: 'development.document_download', entityType: 'development_document', entityId: document.id, after: { personId, recordId: document.recordId, title: document.title } }),
    );
  } catch (error) {
    // No trail row, no download: the opened stream is let go.
    await file.body.cancel().catch(() => undefined);
    throw error;
  }
  return { name: document.originalName, mimeType: document.mimeType, file };
}
