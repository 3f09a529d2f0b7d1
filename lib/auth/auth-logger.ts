// A forged or stale session cookie is an everyday event, not an error with a stack trace: log
// it as one line, at most once a minute.
let lastSessionWarning = 0;

export function logAuthError(error: Error, now = Date.now()) {
  // Auth.js errors carry their kind in `type` (class names are minified in the build).
  const type = (error as Error & { type?: string }).type ?? error.name;
  if (type === 'JWTSessionError') {
    if (now - lastSessionWarning > 60_000) {
      lastSessionWarning = now;
      console.warn('[auth] ignored an invalid session cookie (further ones are not logged for a minute)');
    }
    return;
  }
  // A wrong password is recorded in login_attempts; it is no error of the server.
  if (type === 'CredentialsSignin') return;
  console.error(`[auth] ${type}: ${error.message}`);
}
