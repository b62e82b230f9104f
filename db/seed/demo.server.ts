import fs from "node:fs/promises";
import path from "node:path";
import { count } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { users, type Role } from "#db/schema";
import type { Env } from "~/env.server";
import { createUser, randomPassword } from "../../tests/factories/users";

const demoAccounts: { role: Role; name: string; email: string }[] = [
  { role: "admin", name: "Anne Administrator", email: "admin@demo.mentorbro.dk" },
  { role: "coordinator", name: "Karin Koordinator", email: "koordinator@demo.mentorbro.dk" },
  { role: "volunteer", name: "Frederik Frivillig", email: "frivillig@demo.mentorbro.dk" },
  { role: "association", name: "Fie Forening", email: "forening@demo.mentorbro.dk" },
];

type Credentials = { role: Role; email: string; password: string }[];

/**
 * Demo mode only: on an empty database, creates one account per role with a fresh random password,
 * kept in the git-ignored data folder so every start can print them again.
 */
export async function ensureDemoData(db: Database, env: Env) {
  const file = path.resolve(env.DATA_DIR, "demo-accounts.json");
  const [existing] = await db.select({ value: count() }).from(users);
  let credentials: Credentials | null = null;
  if (Number(existing?.value ?? 0) === 0) {
    credentials = [];
    for (const account of demoAccounts) {
      const password = randomPassword();
      await createUser(db, { ...account, password });
      credentials.push({ role: account.role, email: account.email, password });
    }
    await fs.mkdir(env.DATA_DIR, { recursive: true });
    await fs.writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  } else {
    credentials = await fs
      .readFile(file, "utf8")
      .then((text) => JSON.parse(text) as Credentials)
      .catch(() => null);
  }
  if (credentials) printCredentials(credentials, env);
}

function printCredentials(credentials: Credentials, env: Env) {
  const lines = credentials.map((c) => `  ${c.role.padEnd(12)} ${c.email.padEnd(32)} ${c.password}`);
  console.log(
    [
      "",
      `Demo accounts (password / adgangskode) for ${env.APP_URL}:`,
      ...lines,
      "Emails land in the mailbox at /admin/mailbox (log in as admin).",
      "",
    ].join("\n"),
  );
}
