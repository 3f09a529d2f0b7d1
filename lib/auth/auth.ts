import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { logAuthError } from './auth-logger';
import { clientIp } from './client-ip';
import { cookieFrom, DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, deviceIdFor, withDeviceToken } from './device-cookie';
import { attemptLogin } from './login';
import { authSecret } from './secret';
import { revokeSession } from './sessions';

/** A refused sign-in; `code` tells the login form which message to show. */
class LoginRefused extends CredentialsSignin {
  constructor(code: 'invalid' | 'locked' | 'inactive') {
    super();
    this.code = code;
  }
}

// Auth.js signs the session cookie; the cookie carries only a server-side session id (`sid`),
// checked against the database on every request (lib/auth/current-user.ts).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: env.SESSION_MAX_HOURS * 3600 },
  // Auth.js's own pages are English; every one of them leads to ours.
  pages: { signIn: '/login', signOut: '/logout', error: '/login' },
  logger: { error: logAuthError, warn: () => {}, debug: () => {} },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const username = typeof credentials.username === 'string' ? credentials.username : '';
        const password = typeof credentials.password === 'string' ? credentials.password : '';
        if (!username.trim() || !password || password.length > 200) throw new LoginRefused('invalid');
        const deviceCookie = cookieFrom(request.headers.get('cookie'), DEVICE_COOKIE);
        const result = await attemptLogin(await getDb(), {
          username,
          password,
          ip: clientIp(request.headers),
          userAgent: request.headers.get('user-agent'),
          sessionMaxHours: env.SESSION_MAX_HOURS,
          deviceIdFor: (usernameKey) => deviceIdFor(authSecret(), deviceCookie, usernameKey),
        });
        if (!result.ok) throw new LoginRefused(result.reason);
        // This browser is now known for this user: its own allowance of attempts from here on.
        (await cookies()).set(DEVICE_COOKIE, withDeviceToken(authSecret(), deviceCookie, result.usernameKey), {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: new URL(request.url).protocol === 'https:',
          maxAge: DEVICE_COOKIE_MAX_AGE,
        });
        return { id: String(result.userId), sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && 'sid' in user) token.sid = user.sid as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
  events: {
    // Every way out — our sign-out button, or a POST to Auth.js's own /api/auth/signout — ends
    // the server-side session, so a copy of the cookie is worthless afterwards.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession(await getDb(), sid);
    },
  },
}));
