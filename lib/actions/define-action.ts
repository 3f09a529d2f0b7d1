import 'server-only';
import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { appendAudit, type AuditEntry } from '@/lib/audit/append';
import { clientIp } from '@/lib/auth/client-ip';
import { getCurrentUser } from '@/lib/auth/current-user';
import { type Action, can, type Target } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/sessions';
import { AppError, CommittedRefusal } from '@/lib/errors';
import type { ActionState } from './state';

export type ActionContext = {
  tx: Database;
  user: SessionUser;
  /** Writes the audit row inside the action's transaction: it commits or rolls back with it. */
  audit: (entry: AuditEntry) => Promise<void>;
  /** Checks the permission against a record the action loaded (branch or owner scoping). */
  authorizeTarget: (target: Target) => void;
  /** The request's client: validated address (or null) and Cookie header. */
  client: { ip: string | null; cookieHeader: string | null };
};

type Definition<Schema extends z.ZodType, Result> = {
  permission: Action;
  schema: Schema;
  run: (ctx: ActionContext, input: z.infer<Schema>) => Promise<Result>;
  /** Cache invalidation after the transaction committed. */
  revalidate?: (input: z.infer<Schema>, result: Result) => void;
  /** Work outside the database once the change is durable, e.g. removing stored files. Failures are logged. */
  afterCommit?: (input: z.infer<Schema>, result: Result) => Promise<void>;
  /** Where to go after success; otherwise the state carries `successMessage`. */
  redirectTo?: (input: z.infer<Schema>, result: Result) => string;
  successMessage?: string | ((result: Result) => string);
  /** Values the form shows once after success. */
  successData?: (result: Result) => Record<string, string> | undefined;
};

const SECRET_FIELD = /password/i;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  return values;
}

/** Uploaded files reach the schema, never the values echoed back to the form. */
function formFiles(formData: FormData): Record<string, File> {
  const files: Record<string, File> = {};
  for (const [key, value] of formData) if (typeof value !== 'string') files[key] = value;
  return files;
}

const safeValues = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELD.test(k)));

/**
 * The one path every write takes: session → permission → zod → transaction with audit row →
 * revalidate → redirect or state. Returns a form action for useActionState.
 */
export function defineAction<Schema extends z.ZodType, Result>(definition: Definition<Schema, Result>) {
  return async function action(_previous: ActionState, formData: FormData): Promise<ActionState> {
    const values = formValues(formData);
    const user = await getCurrentUser();
    if (!user) return { ok: false, status: 401, message: '登录已失效，请重新登录后再试。', values: safeValues(values) };
    if (!can(user, definition.permission)) return { ok: false, status: 403, message: '您没有执行此操作的权限。' };
    if (user.mustChangePassword && definition.permission !== 'account.changePassword') {
      return { ok: false, status: 403, message: '请先修改管理员为您设置的初始密码。' };
    }

    const parsed = definition.schema.safeParse({ ...values, ...formFiles(formData) });
    if (!parsed.success) {
      return { ok: false, status: 400, message: '请检查标出的内容。', fieldErrors: z.flattenError(parsed.error).fieldErrors as ActionState['fieldErrors'], values: safeValues(values) };
    }

    const requestHeaders = await headers();
    const ip = clientIp(requestHeaders);
    let result: Result;
    try {
      const outcome = await (await getDb()).transaction(async (tx) => {
        try {
          const ctx: ActionContext = {
            tx,
            user,
            audit: (entry) => appendAudit(tx, { id: user.id, name: user.username, role: user.role, ip }, entry),
            authorizeTarget: (target) => {
              if (!can(user, definition.permission, target)) throw new AppError('forbidden', '您没有执行此操作的权限。');
            },
            client: { ip, cookieHeader: requestHeaders.get('cookie') },
          };
          return { result: await definition.run(ctx, parsed.data) };
        } catch (error) {
          // Returned, not thrown, so the transaction commits what the refusal recorded.
          if (error instanceof CommittedRefusal) return { refusal: error };
          throw error;
        }
      });
      if ('refusal' in outcome) throw outcome.refusal;
      result = outcome.result;
    } catch (error) {
      if (error instanceof AppError) {
        return {
          ok: false,
          status: error.status,
          message: error.field ? '请检查标出的内容。' : error.message,
          fieldErrors: error.field ? { [error.field]: [error.message] } : undefined,
          values: safeValues(values),
          data: error.data,
        };
      }
      console.error(`[action ${definition.permission}]`, error);
      return { ok: false, status: 500, message: '保存失败：服务器出现问题，您填写的内容仍在表单中，请稍后重试。', values: safeValues(values) };
    }
    await definition.afterCommit?.(parsed.data, result).catch((error: unknown) => console.error(`[action ${definition.permission}] after commit`, error));
    definition.revalidate?.(parsed.data, result);
    if (definition.redirectTo) redirect(definition.redirectTo(parsed.data, result));
    const message = typeof definition.successMessage === 'function' ? definition.successMessage(result) : definition.successMessage;
    return { ok: true, message: message ?? '已保存。', data: definition.successData?.(result) };
  };
}
