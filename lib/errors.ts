// One error type for expected failures: a code, an HTTP-style status and a message safe to show
// (in Chinese). Anything else is unexpected and reaches users only as a generic message.
export type AppErrorCode = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unauthenticated' | 'too_many_attempts';

const STATUS: Record<AppErrorCode, number> = { invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, too_many_attempts: 429 };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** The form field the message belongs next to, when there is one. */
    readonly field?: string,
    /** Facts the form may show with the message, e.g. who changed a record first. */
    readonly data?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

/**
 * A refusal whose writes still commit: what the action recorded before refusing (a failed
 * password attempt, its audit row) must outlive the refusal, or a limit could never be reached.
 */
export class CommittedRefusal extends AppError {}
