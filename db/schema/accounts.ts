import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';

export const roles = ['admin', 'editor', 'branch_secretary', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // Stored normalized (trimmed, lower-case) so look-ups and rate limits share one key.
    username: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    role: text({ enum: roles }).notNull(),
    // Branch roles are scoped to this node of the branch tree and its descendants.
    branchId: integer().references(() => branches.id, { onDelete: 'restrict' }),
    active: boolean().notNull().default(true),
    // Bumped on role change, deactivation or password reset: older sessions stop working.
    sessionVersion: integer().notNull().default(1),
    mustChangePassword: boolean().notNull().default(false),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdBy: integer().references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    index('users_branch_idx').on(t.branchId),
    check('users_role_check', oneOf(t.role, roles)),
    check('users_branch_role_check', sql`${t.role} <> 'branch_secretary' or ${t.branchId} is not null`),
  ],
);

/** Server-side session rows: the signed cookie names one; idle expiry and sign-out act here. */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionVersion: integer().notNull(),
    ip: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

/** Login attempts, kept in the database so limits hold across several app instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    usernameKey: text().notNull(),
    /** Validated client address; null when it was not known. */
    ip: text(),
    /** Set when the browser held a valid device cookie for this user (lib/auth/device-cookie.ts). */
    deviceId: text(),
    succeeded: boolean().notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_username_idx').on(t.usernameKey, t.attemptedAt),
    index('login_attempts_ip_idx').on(t.ip, t.attemptedAt),
    index('login_attempts_device_idx').on(t.deviceId, t.attemptedAt).where(sql`${t.deviceId} is not null`),
  ],
);
