import type { Database } from "#db/client.server";
import { users, type NewUser, type Role } from "#db/schema";
import { hashPassword } from "~/modules/auth/password.server";

let sequence = 0;

export interface UserSpec {
  email?: string;
  name?: string;
  role?: Role;
  locale?: "da" | "en";
  password?: string;
  /** Skip hashing when many users share one password (benchmarks, large seeds). */
  passwordHash?: string;
  verified?: boolean;
  disabled?: boolean;
}

/** A long, random passphrase that passes the strength check. */
export function randomPassword() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `mb-${Buffer.from(bytes).toString("base64url")}`;
}

export async function buildUser(spec: UserSpec = {}): Promise<NewUser & { password: string }> {
  sequence += 1;
  const password = spec.password ?? randomPassword();
  const role = spec.role ?? "volunteer";
  return {
    email: (spec.email ?? `${role}${sequence}-${Date.now().toString(36)}@example.test`).toLowerCase(),
    name: spec.name ?? `Test ${role} ${sequence}`,
    role,
    locale: spec.locale ?? "da",
    passwordHash: spec.passwordHash ?? (await hashPassword(password)),
    emailVerifiedAt: spec.verified === false ? null : new Date(),
    disabledAt: spec.disabled ? new Date() : null,
    password,
  };
}

export async function createUser(db: Database, spec: UserSpec = {}) {
  const { password, ...values } = await buildUser(spec);
  const [user] = await db.insert(users).values(values).returning();
  return { ...user!, password };
}
