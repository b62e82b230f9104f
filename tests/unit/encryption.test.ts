import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "~/env.server";
import {
  decryptText,
  encryptText,
  generateEncryptionKey,
  loadEncryptionKey,
  parseEncryptionKey,
} from "~/modules/crypto/encryption.server";

describe("encryption", () => {
  const key = generateEncryptionKey();

  it("round-trips text, with a fresh IV every time", () => {
    const plaintext = "Referencen nævnte et alkoholproblem for fem år siden. Æøå ✓";
    const first = encryptText(key, plaintext);
    const second = encryptText(key, plaintext);
    expect(first).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(first).not.toContain("alkohol");
    expect(first).not.toBe(second);
    expect(decryptText(key, first)).toBe(plaintext);
    expect(decryptText(key, second)).toBe(plaintext);
  });

  it("refuses a changed ciphertext, tag or IV, another key and an unknown version", () => {
    const value = encryptText(key, "fortroligt");
    const [version, iv, tag, ciphertext] = value.split(":") as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64");
    };
    expect(() => decryptText(key, [version, iv, tag, flip(ciphertext)].join(":"))).toThrow();
    expect(() => decryptText(key, [version, iv, flip(tag), ciphertext].join(":"))).toThrow();
    expect(() => decryptText(key, [version, flip(iv), tag, ciphertext].join(":"))).toThrow();
    expect(() => decryptText(generateEncryptionKey(), value)).toThrow();
    expect(() => decryptText(key, ["v0", iv, tag, ciphertext].join(":"))).toThrow();
    expect(() => decryptText(key, "fortroligt")).toThrow();
  });

  it("accepts only a 32-byte base64 key", () => {
    expect(parseEncryptionKey(key.toString("base64"))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(Buffer.alloc(16).toString("base64"))).toBeNull();
    expect(parseEncryptionKey("not base64!")).toBeNull();
  });

  it("requires ENCRYPTION_KEY in production outside demo mode, and checks its shape", () => {
    expect(() => loadEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", LOG_LEVEL: "silent" })).toThrow(/ENCRYPTION_KEY/);
    expect(loadEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", ENCRYPTION_KEY: key.toString("base64") }).ENCRYPTION_KEY).toBeDefined();
    expect(() => loadEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(/ENCRYPTION_KEY/);
    // Demo mode (the embedded database) may run without one.
    expect(loadEnv({ NODE_ENV: "production" }).ENCRYPTION_KEY).toBeUndefined();
  });

  it("without a key outside production, makes one random key per data folder, readable by the owner only", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mentorbro-key-"));
    try {
      const env = loadEnv({ NODE_ENV: "development", DATA_DIR: dir });
      const first = await loadEncryptionKey(env);
      const second = await loadEncryptionKey(env);
      expect(first.length).toBe(32);
      expect(second.equals(first)).toBe(true);
      const stat = await fs.stat(path.join(dir, "encryption.key"));
      expect(stat.mode & 0o777).toBe(0o600);
      const other = await loadEncryptionKey(loadEnv({ NODE_ENV: "development", DATA_DIR: path.join(dir, "other") }));
      expect(other.equals(first)).toBe(false);
      expect((await loadEncryptionKey({ ...env, ENCRYPTION_KEY: key.toString("base64") })).equals(key)).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
