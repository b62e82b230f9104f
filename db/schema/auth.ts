import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["admin", "coordinator", "volunteer", "association"]);
export const localeEnum = pgEnum("locale", ["da", "en"]);
export const authTokenPurposeEnum = pgEnum("auth_token_purpose", ["verify_email", "reset_password", "change_email"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored trimmed and lower-cased; the unique index makes one account per address. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull().default("volunteer"),
    locale: localeEnum("locale").notNull().default("da"),
    passwordHash: text("password_hash").notNull(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("users_email_key").on(table.email),
    check("users_email_lower", sql`${table.email} = lower(${table.email})`),
    index("users_name_idx").on(sql`lower(${table.name})`, table.id),
    index("users_email_sort_idx").on(table.email, table.id),
    index("users_created_idx").on(table.createdAt, table.id),
    index("users_last_login_idx").on(table.lastLoginAt, table.id),
    index("users_role_name_idx").on(table.role, sql`lower(${table.name})`, table.id),
    index("users_search_idx").using("gin", sql`(${table.name} || ' ' || ${table.email}) gin_trgm_ops`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token, hex; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    idleExpiresAt: timestamp("idle_expires_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("sessions_user_idx").on(table.userId), index("sessions_expires_idx").on(table.expiresAt)],
);

/** Single-use links sent by email: verify an address, reset a password, confirm a new address. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    /** SHA-256 of the token in the link, hex. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: authTokenPurposeEnum("purpose").notNull(),
    newEmail: text("new_email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [
    index("auth_tokens_user_purpose_idx").on(table.userId, table.purpose),
    check("auth_tokens_new_email", sql`(${table.purpose} = 'change_email') = (${table.newEmail} is not null)`),
  ],
);

export const accountStateEnum = pgEnum("account_state", ["active", "unverified", "disabled"]);

/**
 * How many users there are per role and state, kept exact by a trigger on `users` (migration 0004), so the
 * admin list can show its total without counting a large table on every page view.
 */
export const userCounts = pgTable(
  "user_counts",
  {
    role: roleEnum("role").notNull(),
    state: accountStateEnum("state").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.role, table.state] })],
);

/** Fixed-window counters shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type AuthToken = typeof authTokens.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type AccountState = (typeof accountStateEnum.enumValues)[number];
export type AuthTokenPurpose = (typeof authTokenPurposeEnum.enumValues)[number];
