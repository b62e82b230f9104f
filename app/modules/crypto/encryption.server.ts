import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Env } from "~/env.server";

/**
 * AES-256-GCM for sensitive free text at rest (interview and reference notes, internal decision notes).
 * Stored as `v1:<iv>:<tag>:<ciphertext>` (base64 each): the version prefix lets a later key or algorithm
 * live beside this one while old values are re-encrypted.
 */
const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;

export type EncryptionKey = Buffer;

export function generateEncryptionKey(): EncryptionKey {
  return crypto.randomBytes(KEY_BYTES);
}

/** Null unless `value` is base64 for exactly 32 bytes. */
export function parseEncryptionKey(value: string): EncryptionKey | null {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, "base64");
  return key.length === KEY_BYTES ? key : null;
}

export function encryptText(key: EncryptionKey, plaintext: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
}

/** Throws when the value was changed, or was encrypted with another key: a note is never silently wrong. */
export function decryptText(key: EncryptionKey, value: string): string {
  const [version, iv, tag, ciphertext, ...rest] = value.split(":");
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    throw new Error("Not an encrypted value of a known version");
  }
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
}

export function encryptOptional(key: EncryptionKey, plaintext: string | null | undefined) {
  return plaintext ? encryptText(key, plaintext) : null;
}

export function decryptOptional(key: EncryptionKey, value: string | null | undefined) {
  return value ? decryptText(key, value) : null;
}

/**
 * The key from `ENCRYPTION_KEY`. Without it (allowed outside production, see env.server.ts) a random key is
 * made once and kept in `<DATA_DIR>/encryption.key`, readable by the owner only, so a demo or development
 * database stays readable across restarts. Nothing is ever derived from a fixed or guessable value.
 */
export async function loadEncryptionKey(env: Pick<Env, "ENCRYPTION_KEY" | "DATA_DIR" | "NODE_ENV" | "DEMO_MODE">) {
  if (env.ENCRYPTION_KEY) {
    const key = parseEncryptionKey(env.ENCRYPTION_KEY);
    if (!key) throw new Error("ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
    return key;
  }
  if (env.NODE_ENV === "production" && !env.DEMO_MODE) throw new Error("ENCRYPTION_KEY must be set in production");
  const file = path.resolve(env.DATA_DIR, "encryption.key");
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    // "wx": when two processes start at once, one writes and the other reads what it wrote.
    const key = generateEncryptionKey();
    await fs.writeFile(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = parseEncryptionKey(await fs.readFile(file, "utf8"));
  if (!key) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}
