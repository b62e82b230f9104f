import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "#db/schema";
import { createSession, validateSessionToken } from "~/modules/auth/session.server";
import { changeUserRole, listUsers, parseUserListQuery, setUserDisabled } from "~/modules/auth/users.server";
import { buildUser, createUser } from "../factories/users";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let adminId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  adminId = (await createUser(database.db, { role: "admin", name: "Admin" })).id;
  const hash = (await buildUser()).passwordHash;
  const names = ["Gitte Østergaard", "Bent Andersen", "Camilla Berg", "Dorthe Dahl", "Emil Eriksen", "Frida Friis"];
  for (const [i, name] of names.entries()) {
    await createUser(database.db, {
      name,
      email: `person${i}@list.test`,
      role: i % 2 === 0 ? "volunteer" : "association",
      passwordHash: hash,
      disabled: i === 5,
    });
  }
});
afterAll(() => database.close());

const query = (params: string) => parseUserListQuery(new URLSearchParams(params));

describe("the admin user list", () => {
  it("pages and sorts in the database, and counts the same filter", async () => {
    const first = await listUsers(database.db, query("size=10&sort=name&dir=asc&q=list.test"));
    expect(first.total).toBe(6);
    expect(first.rows.map((row) => row.name)).toEqual([
      "Bent Andersen",
      "Camilla Berg",
      "Dorthe Dahl",
      "Emil Eriksen",
      "Frida Friis",
      "Gitte Østergaard",
    ]);
    const second = await listUsers(database.db, query("size=10&page=2&sort=name&q=list.test"));
    expect(second.rows).toHaveLength(0);
    expect(second.total).toBe(6);
    const desc = await listUsers(database.db, query("size=10&sort=email&dir=desc&q=list.test"));
    expect(desc.rows[0]?.email).toBe("person5@list.test");
  });

  it("filters by role, status and search words together", async () => {
    expect((await listUsers(database.db, query("role=association&q=list.test"))).total).toBe(3);
    expect((await listUsers(database.db, query("status=disabled"))).rows.map((row) => row.name)).toEqual(["Frida Friis"]);
    expect((await listUsers(database.db, query("q=camilla"))).rows.map((row) => row.email)).toEqual(["person2@list.test"]);
    // LIKE wildcards in the search are taken literally.
    expect((await listUsers(database.db, query("q=%25"))).total).toBe(0);
  });

  it("gives the pages past the middle the same rows as counting from the start would", async () => {
    const all = await listUsers(database.db, query("size=100&sort=createdAt&dir=desc"));
    expect(all.total).toBe(all.rows.length);
    for (const page of [1, 2, 3, 4]) {
      // Two rows a page (smaller than the URL allows) so that seven users make four pages.
      const { rows } = await listUsers(database.db, { ...query("sort=createdAt&dir=desc"), size: 2, page });
      expect(rows.map((row) => row.id), `page ${page}`).toEqual(all.rows.slice((page - 1) * 2, page * 2).map((row) => row.id));
    }
  });

  it("keeps its totals exact through sign-ups, role changes, disabling and deletion", async () => {
    const actual = async (where: string) =>
      (await database.db.select().from(users)).filter((user) =>
        where === "association" ? user.role === "association" : where === "disabled" ? user.disabledAt !== null : true,
      ).length;
    const extra = await createUser(database.db, { role: "association" });
    await changeUserRole(database.db, { actorId: adminId }, extra.id, "volunteer");
    await setUserDisabled(database.db, { actorId: adminId }, extra.id, true);
    expect((await listUsers(database.db, query("role=association"))).total).toBe(await actual("association"));
    expect((await listUsers(database.db, query("status=disabled"))).total).toBe(await actual("disabled"));
    await database.db.delete(users).where(eq(users.id, extra.id));
    expect((await listUsers(database.db, query(""))).total).toBe(await actual("all"));
  });

  it("falls back to defaults for nonsense in the URL", () => {
    expect(query("page=-4&size=7&sort=password&dir=up&role=king")).toEqual({
      page: 1,
      size: 25,
      sort: "name",
      dir: "asc",
      q: "",
      role: "",
      status: "",
    });
  });
});

describe("admin changes to accounts", () => {
  const origin = () => ({ actorId: adminId, requestId: "req-1", ip: "192.0.2.1" });

  it("changes a role, revokes the user's sessions, and audits who did it", async () => {
    const user = await createUser(database.db);
    const { token } = await createSession(database.db, user);
    expect(await changeUserRole(database.db, origin(), user.id, "coordinator")).toEqual({ ok: true });
    const [changed] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(changed?.role).toBe("coordinator");
    expect(await validateSessionToken(database.db, token)).toBeNull();
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(event).toMatchObject({ action: "admin.role_changed", actorId: adminId, requestId: "req-1", details: { from: "volunteer", to: "coordinator" } });
  });

  it("disables and enables an account, ending its sessions", async () => {
    const user = await createUser(database.db);
    const { token } = await createSession(database.db, user);
    expect(await setUserDisabled(database.db, origin(), user.id, true)).toEqual({ ok: true });
    expect(await validateSessionToken(database.db, token)).toBeNull();
    expect(await setUserDisabled(database.db, origin(), user.id, false)).toEqual({ ok: true });
    const actions = (await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id))).map((e) => e.action);
    expect(actions).toEqual(["admin.account_disabled", "admin.account_enabled"]);
  });

  it("does not let an admin lock themselves out, and says when the user does not exist", async () => {
    expect(await changeUserRole(database.db, origin(), adminId, "volunteer")).toEqual({ ok: false, reason: "self" });
    expect(await setUserDisabled(database.db, origin(), adminId, true)).toEqual({ ok: false, reason: "self" });
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await changeUserRole(database.db, origin(), missing, "admin")).toEqual({ ok: false, reason: "not_found" });
    expect(await setUserDisabled(database.db, origin(), missing, true)).toEqual({ ok: false, reason: "not_found" });
  });

  it("keeps the audit trail append-only", async () => {
    await expect(database.db.update(auditEvents).set({ action: "tampered" })).rejects.toThrow();
    await expect(database.db.delete(auditEvents)).rejects.toThrow();
    expect((await database.db.select().from(auditEvents)).some((event) => event.action === "tampered")).toBe(false);
  });
});
