import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "#db/client.server";
import { mailboxMessages, type EmailAttachment } from "#db/schema";
import { emailTemplates, renderEmail, type EmailProps, type EmailTemplateName } from "#emails/index";
import { loadEnv } from "~/env.server";
import { formatLongDateTime, formatLongDateTimeRange } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import type { Logger } from "~/logger.server";
import { deliverEmail } from "~/modules/email/deliver.server";
import { getMailboxMessage, listMailbox } from "~/modules/email/mailbox.server";
import type { EmailJob } from "~/modules/email/queue.server";
import { loader as attachmentLoader } from "~/routes/admin.mailbox.$messageId.attachments.$index";
import { loader as messageLoader } from "~/routes/admin.mailbox.$messageId";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loggedInUser, request } from "../helpers/sessions";

const appUrl = "https://mentorbro.test";
const from = "Mentorbro <noreply@mentorbro.test>";
const token = "secret-token-4f9a";

/** A calendar file with Danish letters, a semicolon and a comma: bytes that a careless encoding would change. */
const invitation: EmailAttachment = {
  filename: "mentorkursus-æøå.ics",
  contentType: "text/calendar; charset=utf-8; method=PUBLISH",
  content: "BEGIN:VCALENDAR\r\nSUMMARY:Kursus\\; del 1\\, Rådhuset i Billund\r\nEND:VCALENDAR\r\n",
};

function bookedJob(to: string): EmailJob<"courseBooked"> {
  return {
    to,
    locale: "da",
    template: "courseBooked",
    props: {
      name: "Ane Jensen",
      courseTitle: "Mentorkursus",
      startsAt: "2027-03-10T16:00:00.000Z",
      endsAt: "2027-03-10T19:30:00.000Z",
      place: "Rådhuset, Jernbanegade 16, Billund",
      url: `${appUrl}/courses/sessions/1`,
    },
    attachments: [invitation],
  };
}

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

let database: TestDatabase;
let db: Database;
let closeDatabase: () => Promise<void>;

beforeAll(async () => {
  database = await createTestDatabase();
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

  it("sends attachments as base64 with their file name and content type, and none when the job has none", async () => {
    const { log } = memoryLogger();
    await deliverEmail({ db, env, log }, randomUUID(), bookedJob("ane@example.dk"));
    await deliverEmail({ db, env, log }, randomUUID(), verifyJob("ane@example.dk"));

    expect(resend.requests).toHaveLength(2);
    const attachments = resend.requests[0]?.body.attachments as Record<string, unknown>[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ filename: invitation.filename, content_type: invitation.contentType });
    const content = String(attachments[0]?.content);
    expect(content).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(content, "base64").toString("utf8")).toBe(invitation.content);
    expect(resend.requests[1]?.body).not.toHaveProperty("attachments");
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

  it("stores attachments with the message, and an empty list for a message without", async () => {
    const { log } = memoryLogger();
    await deliverEmail({ db, env, log }, randomUUID(), bookedJob("ane@example.dk"));
    await deliverEmail({ db, env, log }, randomUUID(), verifyJob("bo@example.dk"));

    const [withFile] = (await listMailbox(db, { page: 1, size: 10, to: "ane@example.dk" })).rows;
    const [withoutFile] = (await listMailbox(db, { page: 1, size: 10, to: "bo@example.dk" })).rows;
    expect((await getMailboxMessage(db, withFile?.id ?? ""))?.attachments).toEqual([invitation]);
    expect((await getMailboxMessage(db, withoutFile?.id ?? ""))?.attachments).toEqual([]);
  });

  it("lists the attachments on the message page and serves each as a download", async () => {
    const { log } = memoryLogger();
    await deliverEmail({ db, env, log }, randomUUID(), bookedJob("ane@example.dk"));
    const [row] = (await listMailbox(db, { page: 1, size: 10 })).rows;
    const id = row?.id ?? "";
    const { cookie } = await loggedInUser(db, { role: "admin" });
    const context = createTestContext(database.handle);
    const get = async (index: string, messageId = id) => {
      try {
        return await attachmentLoader({
          request: request(`/admin/mailbox/${messageId}/attachments/${index}`, { cookie }),
          context,
          params: { messageId, index },
        });
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };

    const page = await messageLoader({
      request: request(`/admin/mailbox/${id}`, { cookie }),
      context,
      params: { messageId: id },
    });
    // The page names the files; their content only travels through the download route.
    expect(page.attachments).toEqual([{ filename: invitation.filename, contentType: invitation.contentType }]);

    const response = await get("0");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(invitation.contentType);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="mentorkursus-___.ics"; filename*=UTF-8''mentorkursus-%C3%A6%C3%B8%C3%A5.ics`,
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await response.text()).toBe(invitation.content);

    for (const index of ["1", "-1", "01x", "1e0", ""]) expect((await get(index)).status, index).toBe(404);
    expect((await get("0", randomUUID())).status).toBe(404);
    expect((await get("0", "not-a-uuid")).status).toBe(404);
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

// 16:00 UTC is 17:00 in Copenhagen in March (CET): a date shown in UTC would say 16.
const course = {
  name: "Ane",
  courseTitle: "Mentorkursus – grænser og tavshedspligt",
  startsAt: "2027-03-10T16:00:00.000Z",
  url: `${appUrl}/courses/sessions/1`,
};

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
    associationRegistered: { name: "Ane", associationName: "Grindsted Idrætsforening", url: `${appUrl}/association` },
    associationInvite: { name: "Ane", associationName: "Grindsted Idrætsforening", inviterName: "Fie Forening", url: `${appUrl}/association-invite/${token}` },
    associationDecision: { name: "Ane", associationName: "Grindsted Idrætsforening", decision: "suspended", note: "Vi mangler jeres børneattester.", url: `${appUrl}/association` },
    courseBooked: { ...course, endsAt: "2027-03-10T19:30:00.000Z", place: "Rådhuset, Billund" },
    courseWaitlisted: { ...course, position: 3 },
    courseOffered: { ...course, expiresAt: "2027-03-08T11:00:00.000Z" },
    courseOfferExpired: course,
    courseCancelled: { ...course, reason: "session_cancelled" },
    courseReminder: { ...course, endsAt: "2027-03-10T19:30:00.000Z", place: "Online", when: "soon" },
    pairingProposed: { name: "Ane", url: `${appUrl}/pairings/1` },
    pairingAgreement: { name: "Ane", url: `${appUrl}/pairings/1` },
    pairingAccepted: { name: "Ane", url: `${appUrl}/coordinator/youths/1` },
    pairingDeclined: { name: "Ane", url: `${appUrl}/coordinator/youths/1` },
    pairingHelpRequested: { name: "Ane", url: `${appUrl}/coordinator/pairings/1` },
    pairingClosed: { name: "Ane", url: `${appUrl}/pairings/1` },
    taskProposalReceived: { name: "Ane", url: `${appUrl}/association/proposals/1` },
    taskProposalAccepted: { name: "Ane", url: `${appUrl}/coordinator/youths/1` },
    taskProposalDeclined: { name: "Ane", url: `${appUrl}/coordinator/youths/1` },
    taskParticipationCompleted: { name: "Ane", url: `${appUrl}/pairings/1` },
    taskParticipationCancelled: { name: "Ane", url: `${appUrl}/association/proposals/1` },
    taskApproved: { name: "Ane", url: `${appUrl}/association/tasks/1` },
    taskReturned: { name: "Ane", url: `${appUrl}/association/tasks/1` },
    taskClosed: { name: "Ane", url: `${appUrl}/association/tasks/1` },
    taskExpired: { name: "Ane", url: `${appUrl}/association/tasks/1` },
    followUpDigest: {
      name: "Ane",
      date: "2027-03-10",
      items: [{ youth: "Sara N.", mentor: "Jens", reasons: [{ kind: "check_in", due: "2027-03-08", overdueDays: 2 }, { kind: "quiet", days: 15 }], url: `${appUrl}/coordinator/pairings/1` }],
      more: 0,
      startUrl: `${appUrl}/dashboard`,
    },
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

describe("course emails", () => {
  const locales: Locale[] = ["da", "en"];
  // The clock in Copenhagen, in each language's own notation.
  const clock: Record<Locale, string> = { da: "17.00", en: "17:00" };
  const range = { endsAt: "2027-03-10T19:30:00.000Z", place: "Rådhuset, Jernbanegade 16, Billund" };
  const templates = {
    courseBooked: { ...course, ...range },
    courseWaitlisted: { ...course, position: 3 },
    courseOffered: { ...course, expiresAt: "2027-03-08T11:00:00.000Z" },
    courseOfferExpired: course,
    courseCancelled: { ...course, reason: "by_you" },
    courseReminder: { ...course, ...range, when: "soon" },
  } satisfies { [T in EmailTemplateName as T extends `course${string}` ? T : never]: EmailProps<T> };
  const names = Object.keys(templates) as (keyof typeof templates)[];
  const render = <T extends keyof typeof templates>(name: T, locale: Locale, props: Partial<EmailProps<T>> = {}) =>
    renderEmail(name, { ...templates[name], ...props } as EmailProps<T>, locale, { portalUrl: appUrl });

  it.each(names.flatMap((name) => locales.map((locale) => [name, locale] as const)))(
    "%s in %s names the course in the subject and the text, with the time in Copenhagen",
    async (name, locale) => {
      const { subject, text } = await render(name, locale);
      expect(subject).toContain(course.courseTitle);
      expect(text).toContain(course.courseTitle);
      const props = templates[name];
      const when =
        "endsAt" in props
          ? formatLongDateTimeRange(locale, props.startsAt, props.endsAt)
          : formatLongDateTime(locale, props.startsAt);
      expect(text).toContain(when);
      expect(when).toContain(clock[locale]);
      if ("place" in props) expect(text).toContain(props.place);
    },
  );

  it("tells the booked volunteer about the calendar file and how to cancel", async () => {
    const da = await render("courseBooked", "da");
    expect(da.subject).toBe("Du har en plads på Mentorkursus – grænser og tavshedspligt den 10. mar. 2027");
    expect(da.text).toContain("onsdag den 10. marts 2027 17.00–20.30");
    expect(da.text).toContain("Kalenderfilen er vedhæftet");
    expect(da.text).toContain("meld afbud på kursets side inden fristen");
    expect((await render("courseBooked", "en")).text).toContain("The calendar file is attached");
  });

  it("gives the waiting-list position and the offer's deadline", async () => {
    expect((await render("courseWaitlisted", "da")).text).toContain("Du er nummer 3 på ventelisten.");
    expect((await render("courseWaitlisted", "en")).text).toContain("You are number 3 on the waiting list.");
    for (const locale of locales) {
      const { text } = await render("courseOffered", locale);
      expect(text).toContain(formatLongDateTime(locale, templates.courseOffered.expiresAt));
    }
    expect((await render("courseOffered", "da")).text).toContain("til mandag den 8. marts 2027 kl. 12.00");
  });

  it("words the cancellation by who cancelled", async () => {
    for (const locale of locales) {
      const reasons = ["by_you", "by_coordinator", "session_cancelled"] as const;
      const emails = await Promise.all(reasons.map((reason) => render("courseCancelled", locale, { reason })));
      expect(new Set(emails.map((email) => email.subject)).size).toBe(3);
      expect(new Set(emails.map((email) => email.text)).size).toBe(3);
      for (const email of emails) expect(email.text).toContain(formatLongDateTime(locale, course.startsAt));
    }
    const sessionCancelled = await render("courseCancelled", "da", { reason: "session_cancelled" });
    expect(sessionCancelled.text).toContain("Vi er kede af");
    expect(sessionCancelled.text).toContain("kursusoversigten");
  });

  it("puts the time in the subject of the reminder on the day, and the date a few days before", async () => {
    expect((await render("courseReminder", "da", { when: "today" })).subject).toBe(
      "I dag: Mentorkursus – grænser og tavshedspligt kl. 17.00",
    );
    expect((await render("courseReminder", "en", { when: "today" })).subject).toBe(
      "Today: Mentorkursus – grænser og tavshedspligt at 17:00",
    );
    expect((await render("courseReminder", "da")).subject).toBe(
      "Påmindelse: Mentorkursus – grænser og tavshedspligt den 10. mar. 2027",
    );
    expect((await render("courseReminder", "en")).subject).toBe(
      "Reminder: Mentorkursus – grænser og tavshedspligt on 10 Mar 2027",
    );
  });
});
