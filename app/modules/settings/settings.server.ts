import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client.server";
import { appSettings } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can, type Permission } from "~/modules/auth/permissions";
import { originOf } from "~/modules/volunteers/context.server";
import type { Actor, Result } from "~/modules/volunteers/types";

/**
 * Known settings: their type, the default a missing or malformed row reads as, and who may change them.
 * The rows live in `app_settings`; four eyes is seeded by migration 0006, the others start as defaults.
 */
const settings = {
  four_eyes_approval: { schema: z.boolean(), fallback: true, permission: "update:vetting-policy:any" },
  /** How long a waitlist offer holds a seat, at most (shorter close to the start). */
  course_offer_hours: { schema: z.number().int().min(1).max(168), fallback: 24, permission: "update:course-settings:any" },
  /** How many days before a course session the first reminder goes out. */
  course_reminder_days: { schema: z.number().int().min(1).max(14), fallback: 2, permission: "update:course-settings:any" },
  /** How many coordinator check-ins the first month of a pairing holds. */
  check_ins_first_month: { schema: z.number().int().min(1).max(4), fallback: 2, permission: "update:follow-up-settings:any" },
  /** Days between coordinator check-ins after the first month. */
  check_in_interval_days: { schema: z.number().int().min(7).max(90), fallback: 30, permission: "update:follow-up-settings:any" },
} as const satisfies Record<string, { schema: z.ZodTypeAny; fallback: unknown; permission: Permission }>;
export type SettingKey = keyof typeof settings;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settings)[K]["schema"]>;

export async function getSetting<K extends SettingKey>(db: Database, key: K): Promise<SettingValue<K>> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  const parsed = settings[key].schema.safeParse(row?.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : settings[key].fallback;
}

export async function setSetting<K extends SettingKey>(
  db: Database,
  actor: Actor,
  key: K,
  value: SettingValue<K>,
): Promise<Result<object, "forbidden" | "invalid">> {
  if (!can(actor.role, settings[key].permission)) return { ok: false, reason: "forbidden" };
  if (!settings[key].schema.safeParse(value).success) return { ok: false, reason: "invalid" };
  await db.transaction(async (tx) => {
    const before = await getSetting(tx, key);
    await tx
      .insert(appSettings)
      .values({ key, value, updatedBy: actor.id })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedBy: actor.id, updatedAt: new Date() } });
    await audit(tx, originOf(actor), { action: "settings.updated", subjectType: "setting", subjectId: key, details: { before, after: value } });
  });
  return { ok: true };
}

/**
 * Writes the settings whose value differs from the saved one, each through `setSetting` (so each change is an
 * audit event with before and after); an unchanged value writes nothing.
 */
export async function saveChangedSettings<K extends SettingKey>(db: Database, actor: Actor, changes: readonly (readonly [K, SettingValue<K>])[]): Promise<Result<object, "forbidden" | "invalid">> {
  for (const [key, value] of changes) {
    if ((await getSetting(db, key)) === value) continue;
    const saved = await setSetting(db, actor, key, value);
    if (!saved.ok) return saved;
  }
  return { ok: true };
}
