import { type DevelopmentDocumentKind, developmentDocumentKinds } from '@/db/schema/development';
import type { DocumentMime } from './document-types';

// Chinese names of document kinds and file types, for the file page and its forms.

export const documentTypeLabels: Record<DocumentMime, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
};

export const documentKindLabels: Record<DevelopmentDocumentKind, string> = {
  application: '入党申请书',
  thought_report: '思想汇报',
  political_review: '政审材料',
  assessment: '培养考察材料',
  admission_form: '入党志愿书',
  conversion_application: '转正申请',
  other: '其他',
};

export const documentKindOptions = developmentDocumentKinds.map((kind) => ({ value: kind, label: documentKindLabels[kind] }));
