/** What every form action returns: a message, errors by field, and the values to show again. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Submitted values (never passwords), so a refused form keeps what the user typed. */
  values?: Record<string, string>;
  status?: number;
};

export const initialActionState: ActionState = { ok: false };
