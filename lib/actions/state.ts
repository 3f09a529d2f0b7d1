/** What every form action returns: a message, errors by field, and the values to show again. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Submitted values (never passwords), so a refused form keeps what the user typed. */
  values?: Record<string, string>;
  status?: number;
  /** Values to show once after success, e.g. a generated one-time password. */
  data?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };
