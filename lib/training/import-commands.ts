import 'server-only';
import { trainingAttendance } from '@/db/schema/training';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import { bumpSession, lockSession } from './attendance-commands';
import { problemSummary } from './import-match';
import { matchSheetForSession } from './import-roster';
import { readSheet } from './import-sheet';
import type { ImportConfirmInput, ImportPreviewInput } from './schemas';

// Importing an attendance sheet in two steps. The preview reads the file and matches each row,
// writing nothing but the audit row of the read (it shows personal data). The confirmation sends
// the rows back; they are matched again here, and either every row is a distinct enrolled trainee
// and all are written in this one transaction, or nothing is.

export async function previewImport(ctx: ActionContext, input: ImportPreviewInput) {
  const session = await lockSession(ctx, input.sessionId);
  const sheet = await readSheet(input.sheet);
  if (!sheet.ok) throw new AppError('invalid', sheet.message, 'sheet');
  const report = await matchSheetForSession(ctx.tx, session, sheet.rows);
  await ctx.audit({
    action: 'training.import_preview',
    entityType: 'training_session',
    entityId: session.id,
    after: { file: input.sheet.name.slice(0, 100), rows: report.rows.length, matched: report.matched, problems: report.problems },
  });
  return { report, rows: sheet.rows };
}

export async function importAttendance(ctx: ActionContext, input: ImportConfirmInput) {
  const session = await lockSession(ctx, input.sessionId);
  const report = await matchSheetForSession(ctx.tx, session, input.rows);
  if (report.problems > 0) throw new AppError('invalid', problemSummary(report), 'rows');
  const traineeIds = report.rows.filter((r) => !r.alreadyPresent).map((r) => r.traineeId!);
  if (traineeIds.length) {
    await ctx.tx.insert(trainingAttendance).values(traineeIds.map((traineeId) => ({ sessionId: session.id, traineeId, createdBy: ctx.user.id })));
  }
  await bumpSession(ctx, session);
  await ctx.audit({ action: 'training.import', entityType: 'training_session', entityId: session.id, after: { added: traineeIds.sort((a, b) => a - b), already: report.alreadyPresent } });
  return { added: traineeIds.length, already: report.alreadyPresent };
}
