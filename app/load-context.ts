import type { Database } from "#db/client.server";
import type { EncryptionKey } from "./modules/crypto/encryption.server";
import type { Env } from "./env.server";
import type { JobQueue } from "./jobs.server";
import type { Logger } from "./logger.server";

/** What the server hands every loader and action: one database, the configuration, and who is asking. */
export interface AppContext {
  db: Database;
  env: Env;
  jobs: JobQueue;
  log: Logger;
  requestId: string;
  ip: string;
  /** Encrypts and decrypts sensitive notes (vetting); loaded once at start. */
  encryptionKey: EncryptionKey;
  /** The CSP nonce of this response, for the scripts Remix renders. */
  nonce: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}
