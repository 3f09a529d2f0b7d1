import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { clientIp } from './client-ip';
import { attemptLogin } from './login';
import { authSecret } from './secret';

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
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const username = typeof credentials.username === 'string' ? credentials.username : '';
        const password = typeof credentials.password === 'string' ? credentials.password : '';
        if (!username.trim() || !password || password.length > 200) throw new LoginRefused('invalid');
        const result = await attemptLogin(await getDb(), {
          username,
          password,
          ip: clientIp(request.headers),
          userAgent: request.headers.get('user-agent'),
          sessionMaxHours: env.SESSION_MAX_HOURS,
        });
        if (!result.ok) throw new LoginRefused(result.reason);
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
}));
