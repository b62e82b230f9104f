/**
 * The bench server's ENCRYPTION_KEY. The seed encrypts vetting notes with it and the server must read them
 * back, on this run and on later `--skip-seed` runs, so it is made once (random, like the app's own
 * development key) and kept in the git-ignored .cache/bench.
 */
import fs from "node:fs";
import path from "node:path";
import { generateEncryptionKey, parseEncryptionKey, type EncryptionKey } from "~/modules/crypto/encryption.server";

export const BENCH_KEY_FILE = path.resolve(".cache/bench/encryption.key");

export function benchEncryptionKey(file = BENCH_KEY_FILE): { key: EncryptionKey; base64: string } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": two bench runs starting at once agree on the first key written.
    fs.writeFileSync(file, `${generateEncryptionKey().toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const base64 = fs.readFileSync(file, "utf8").trim();
  const key = parseEncryptionKey(base64);
  if (!key) throw new Error(`${file} does not hold a 32-byte base64 key; delete it and run the bench again`);
  return { key, base64 };
}
