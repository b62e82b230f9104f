import { z } from "zod";

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    APP_URL: z.string().url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    DATA_DIR: z.string().min(1).default(".data"),
    DEMO_MODE: boolean.optional(),
    JOBS: boolean.default("true"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.string().url().optional(),
    EMAIL_FROM: z.string().min(3).default("Mentorbro <mentorbro@billund.dk>"),
    ENCRYPTION_KEY: z
      .string()
      .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value.trim()) && Buffer.from(value.trim(), "base64").length === 32, {
        message: "must be 32 bytes, base64-encoded (openssl rand -base64 32)",
      })
      .optional(),
  })
  .refine((env) => env.WEB_CONCURRENCY === 1 || env.DATABASE_URL, {
    message: "WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database belongs to one process",
    path: ["WEB_CONCURRENCY"],
  })
  .refine((env) => env.NODE_ENV !== "production" || (env.DEMO_MODE ?? !env.DATABASE_URL) || env.ENCRYPTION_KEY, {
    message:
      "ENCRYPTION_KEY is required in production (outside demo mode): it encrypts vetting notes; make one with openssl rand -base64 32 and keep it out of the repository",
    path: ["ENCRYPTION_KEY"],
  })
  .transform((env) => ({
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    // The embedded database exists for trying the portal out, so it comes with demo data unless told otherwise.
    DEMO_MODE: env.DEMO_MODE ?? !env.DATABASE_URL,
  }));

export type Env = z.infer<typeof schema>;

/** Reads and validates the environment once; a wrong value stops start-up with a message naming the variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example and the README.`);
  }
  return parsed.data;
}
