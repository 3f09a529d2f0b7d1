import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { eq } from 'drizzle-orm';
import { password as passwordSchema } from '@/lib/accounts/schemas';
import { appendAudit } from '@/lib/audit/append';
import { hashPassword, normalizeUsername } from '@/lib/auth/password';
import { migrateDatabase } from '@/db/migrate';
import { openConfiguredDatabase } from '@/db/open';
import { users } from '@/db/schema/accounts';

// Creates an administrator on the configured database, the production bootstrap: no default
// admin exists outside the demo. The password is asked for (not echoed) or read from stdin.
//   npm run admin:create -- --username zhangsan [--display-name "工委办公室 张三"]
//   printf '%s\n' "$PASSWORD" | npm run admin:create -- --username zhangsan

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Keep typed characters off the screen.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
        if (s.includes(prompt)) process.stdout.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password (at least 10 characters): ');
  if (first !== (await ask('Repeat the password: '))) fail('The passwords do not match.');
  return first;
}

const { values } = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' } } });
const username = normalizeUsername(values.username ?? '');
if (!/^[a-z0-9][a-z0-9_.-]{2,31}$/.test(username)) fail('Usage: npm run admin:create -- --username NAME [--display-name "…"] (3–32 lower-case letters, digits, _ . -)');
const password = await readPassword();
const checked = passwordSchema.safeParse(password);
if (!checked.success) fail('The password needs at least 10 characters.');

const handle = await openConfiguredDatabase();
try {
  await migrateDatabase(handle);
  const passwordHash = await hashPassword(password);
  const created = await handle.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) return null;
    const [row] = await tx
      .insert(users)
      .values({ username, displayName: values['display-name']?.trim() || username, passwordHash, role: 'admin' })
      .returning();
    await appendAudit(tx, { id: null, name: 'admin:create', role: 'system' }, { action: 'user.create', entityType: 'user', entityId: row!.id, after: { username, role: 'admin', displayName: row!.displayName } });
    return row!;
  });
  if (!created) fail(`A user named ${username} already exists; nothing changed.`);
  console.log(`Administrator ${username} created (${handle.kind}).`);
} finally {
  await handle.close();
}
