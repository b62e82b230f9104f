import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "#db/client.server";
import { mailboxMessages } from "#db/schema";
import { emailTemplates, renderEmail, type EmailProps, type EmailTemplateName } from "#emails/index";
import { loadEnv } from "~/env.server";
import type { Logger } from "~/logger.server";
import { deliverEmail } from "~/modules/email/deliver.server";
import { getMailboxMessage, listMailbox } from "~/modules/email/mailbox.server";
import type { EmailJob } from "~/modules/email/queue.server";
import { createTestDatabase } from "../helpers/db";

const appUrl = "https://mentorbro.test";
const from = "Mentorbro <noreply@mentorbro.test>";
const token = "secret-token-4f9a";

function verifyJob(to: string): EmailJob<"verifyEmail"> {
  return {
    to,
    locale: "da",
    template: "verifyEmail",
    props: { name: "Ane Jensen", url: `${appUrl}/verify?token=${token}` },
  };
}

/** A real pino logger writing into memory, so tests can prove what never reaches the logs. */
function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const log: Logger = pino({ level: "info" }, stream);
  return { log, output: () => lines.join("") };
}

interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A local HTTP server that answers like the Resend API: POST /emails → 200 { id }. */
function startFakeResend() {
  const requests: RecordedRequest[] = [];
  const state = { failWith: null as number | null };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      });
      res.setHeader("content-type", "application/json");
      if (state.failWith !== null) {
        res.statusCode = state.failWith;
        res.end(JSON.stringify({ statusCode: state.failWith, name: "validation_error", message: "Refused" }));
      } else if (req.method === "POST" && req.url === "/emails") {
        res.statusCode = 200;
        res.end(JSON.stringify({ id: randomUUID() }));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ statusCode: 404, name: "not_found", message: "Not found" }));
      }
    });
  });
  return new Promise<{ url: string; requests: RecordedRequest[]; state: typeof state; close: () => Promise<void> }>(
    (resolve) => {
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        resolve({
          url: `http://127.0.0.1:${port}`,
          requests,
          state,
          close: () =>
            new Promise<void>((done) => {
              server.closeAllConnections();
              server.close(() => done());
            }),
        });
      });
    },
  );
}

let db: Database;
let closeDatabase: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase();
  db = database.db;
  closeDatabase = database.close;
});

afterAll(async () => {
  await closeDatabase?.();
});

describe("deliverEmail through Resend", () => {
  let resend: Awaited<ReturnType<typeof startFakeResend>>;
  let env: ReturnType<typeof loadEnv>;

  beforeAll(async () => {
    resend = await startFakeResend();
    env = loadEnv({
      NODE_ENV: "test",
      APP_URL: appUrl,
      EMAIL_FROM: from,
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: resend.url,
    });
  });

  afterAll(async () => {
    await resend.close();
  });

  beforeEach(async () => {
    resend.requests.length = 0;
    resend.state.failWith = null;
    await db.delete(mailboxMessages);
  });

  it("posts the rendered email with from, to, subject, html, text and the job's idempotency key", async () => {
    const { log, output } = memoryLogger();
    const jobId = randomUUID();
    const job = verifyJob("ane@example.dk");

    await deliverEmail({ db, env, log }, jobId, job);

    const expected = await renderEmail(job.template, job.props, job.locale, { portalUrl: appUrl });
    expect(resend.requests).toHaveLength(1);
    const [request] = resend.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/emails");
    expect(request?.headers.authorization).toBe("Bearer re_test_key");
    expect(request?.headers["idempotency-key"]).toBe(`mentorbro-email/${jobId}`);
    expect(request?.body).toMatchObject({
      from,
      to: "ane@example.dk",
      subject: expected.subject,
      html: expected.html,
      text: expected.text,
    });
    expect(String(request?.body.text)).toContain(`${appUrl}/verify?token=${token}`);
    // Sent, so nothing lands in the local mailbox.
    expect((await listMailbox(db, { page: 1, size: 10 })).total).toBe(0);
    // The log names the job but never the recipient or the link's token.
    expect(output()).toContain(jobId);
    expect(output()).not.toContain("ane@example.dk");
    expect(output()).not.toContain(token);
  });

  it("sends the same idempotency key when the same job is delivered twice", async () => {
    const { log } = memoryLogger();
    const jobId = randomUUID();
    await deliverEmail({ db, env, log }, jobId, verifyJob("bo@example.dk"));
    await deliverEmail({ db, env, log }, jobId, verifyJob("bo@example.dk"));
    await deliverEmail({ db, env, log }, randomUUID(), verifyJob("bo@example.dk"));

    const keys = resend.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBe(`mentorbro-email/${jobId}`);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it.each([422, 500])("throws when Resend answers %i, so that the job is retried", async (status) => {
    const { log, output } = memoryLogger();
    resend.state.failWith = status;

    await expect(deliverEmail({ db, env, log }, randomUUID(), verifyJob("cy@example.dk"))).rejects.toThrow(
      String(status),
    );
    expect(resend.requests).toHaveLength(1);
    expect(output()).not.toContain("cy@example.dk");
  });
});

describe("deliverEmail without a Resend key", () => {
  const env = loadEnv({ NODE_ENV: "test", APP_URL: appUrl, EMAIL_FROM: from });

  beforeEach(async () => {
    await db.delete(mailboxMessages);
  });

  it("stores the message in the local mailbox, readable in full", async () => {
    const { log, output } = memoryLogger();
    const jobId = randomUUID();
    const job = verifyJob("dorte@example.dk");

    await deliverEmail({ db, env, log }, jobId, job);

    const { rows, total } = await listMailbox(db, { page: 1, size: 10 });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ to: "dorte@example.dk", template: "verifyEmail" });
    const expected = await renderEmail(job.template, job.props, job.locale, { portalUrl: appUrl });
    expect(rows[0]?.subject).toBe(expected.subject);

    const message = await getMailboxMessage(db, rows[0]?.id ?? "");
    expect(message).toMatchObject({
      idempotencyKey: `mentorbro-email/${jobId}`,
      html: expected.html,
      text: expected.text,
    });
    expect(output()).not.toContain("dorte@example.dk");
    expect(output()).not.toContain(token);
  });

  it("keeps one row when the same job is delivered twice", async () => {
    const { log } = memoryLogger();
    const jobId = randomUUID();
    await deliverEmail({ db, env, log }, jobId, verifyJob("erik@example.dk"));
    await deliverEmail({ db, env, log }, jobId, verifyJob("erik@example.dk"));

    expect((await listMailbox(db, { page: 1, size: 10 })).total).toBe(1);
  });

  it("pages newest first and filters by recipient", async () => {
    const { log } = memoryLogger();
    const deliver = (to: string, job: EmailJob) => deliverEmail({ db, env, log }, randomUUID(), { ...job, to });
    // The oldest and the newest message to frida use templates of their own, so the order is visible.
    await deliver("frida@example.dk", { to: "", locale: "da", template: "resetPassword", props: { name: "F", url: `${appUrl}/r` } });
    for (let i = 0; i < 3; i++) await deliver("frida@example.dk", verifyJob(""));
    await deliver("gorm@example.dk", verifyJob(""));
    await deliver("gorm@example.dk", verifyJob(""));
    await deliver("frida@example.dk", { to: "", locale: "en", template: "passwordChanged", props: { name: "F" } });

    const first = await listMailbox(db, { page: 1, size: 2, to: "frida@example.dk" });
    const second = await listMailbox(db, { page: 2, size: 2, to: "frida@example.dk" });
    const third = await listMailbox(db, { page: 3, size: 2, to: "frida@example.dk" });
    expect(first.total).toBe(5);
    expect([first.rows.length, second.rows.length, third.rows.length]).toEqual([2, 2, 1]);
    const all = [...first.rows, ...second.rows, ...third.rows];
    expect(new Set(all.map((row) => row.id)).size).toBe(5);
    expect(all.every((row) => row.to === "frida@example.dk")).toBe(true);
    expect(all[0]?.template).toBe("passwordChanged");
    expect(all.at(-1)?.template).toBe("resetPassword");
    const times = all.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const gorm = await listMailbox(db, { page: 1, size: 10, to: "gorm@example.dk" });
    expect(gorm.total).toBe(2);
    expect(gorm.rows.map((row) => row.to)).toEqual(["gorm@example.dk", "gorm@example.dk"]);
    expect((await listMailbox(db, { page: 1, size: 10 })).total).toBe(7);
  });

  it("returns null for a malformed or unknown message id", async () => {
    expect(await getMailboxMessage(db, "not-a-uuid")).toBeNull();
    expect(await getMailboxMessage(db, randomUUID())).toBeNull();
  });
});

describe("renderEmail", () => {
  const samples: { [T in EmailTemplateName]: EmailProps<T> } = {
    verifyEmail: { name: "Ane", url: `${appUrl}/verify?token=${token}` },
    accountExists: { name: "Ane", loginUrl: `${appUrl}/login`, resetUrl: `${appUrl}/forgot-password` },
    resetPassword: { name: "Ane", url: `${appUrl}/reset?token=${token}` },
    passwordChanged: { name: "Ane" },
    confirmNewEmail: { name: "Ane", url: `${appUrl}/confirm-email?token=${token}` },
    emailChangeRequested: { name: "Ane", newEmail: "ny@example.dk" },
    applicationReceived: { name: "Ane", url: `${appUrl}/application` },
    actionNeeded: { name: "Ane", url: `${appUrl}/application` },
    approvalExpired: { name: "Ane", url: `${appUrl}/application` },
    volunteerApproved: { name: "Ane", url: `${appUrl}/application`, approvedUntil: "2028-02-01" },
    renewalDue: { name: "Ane", url: `${appUrl}/application`, approvedUntil: "2028-02-01" },
    volunteerRejected: { name: "Ane", url: `${appUrl}/application`, reason: "references" },
  };
  const names = Object.keys(emailTemplates) as EmailTemplateName[];

  it.each(names)("%s has a Danish and a different English subject, with every link in the plain text", async (name) => {
    const props = samples[name];
    const da = await renderEmail(name, props, "da", { portalUrl: appUrl });
    const en = await renderEmail(name, props, "en", { portalUrl: appUrl });

    expect(da.subject).not.toBe("");
    expect(en.subject).not.toBe("");
    expect(da.subject).not.toBe(en.subject);
    expect(da.html).toContain('lang="da"');
    expect(en.html).toContain('lang="en"');
    expect(da.text).toContain("Hej Ane,");
    expect(en.text).toContain("Hi Ane,");
    for (const [key, value] of Object.entries(props)) {
      if (!key.toLowerCase().endsWith("url")) continue;
      expect(da.text).toContain(value);
      expect(en.text).toContain(value);
      // Clickable in HTML: the button and the written-out link both point at it.
      expect(da.html.split(`href="${value}"`).length - 1).toBeGreaterThanOrEqual(2);
    }
    expect(da.html).not.toMatch(/<script/i);
    expect(da.text).toContain(appUrl);
  });

  it("names the new address in the email to the old one", async () => {
    const { text } = await renderEmail("emailChangeRequested", samples.emailChangeRequested, "da");
    expect(text).toContain("ny@example.dk");
  });
});
