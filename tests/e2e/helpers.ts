import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type BrowserContext, type Page, type Response } from "playwright-core";
import { afterEach, expect, inject } from "vitest";
import type { Role } from "#db/schema";

export const { baseUrl, accounts } = inject("e2e");

export function demoAccount(role: Role) {
  const account = accounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account for the role ${role}`);
  return account;
}

/** A demo account by its address, for a role that has several (the volunteer Frederik and the mentor Maja). */
export function demoAccountByEmail(email: string) {
  const account = accounts.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  return account;
}

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type Browser = {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions thrown in the pages: a working page has none. */
  errors: string[];
  close: () => Promise<void>;
};

/** A fresh Chromium with its own profile: no cookies, nothing shared with other browsers in the test. */
export async function openBrowser(): Promise<Browser> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "mentorbro-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const errors: string[] = [];
  const watch = (page: Page) => page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  context.pages().forEach(watch);
  context.on("page", watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close().catch(() => {});
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: opens a fresh browser per call, and after each test closes them and fails the test if
 * any of their pages threw.
 */
export function browsersPerTest() {
  const open: Browser[] = [];
  afterEach(async () => {
    const closing = open.splice(0);
    const errors = closing.flatMap((browser) => browser.errors);
    await Promise.all(closing.map((browser) => browser.close()));
    expect(errors, "uncaught errors in the pages").toEqual([]);
  });
  return async () => {
    const browser = await openBrowser();
    open.push(browser);
    return browser;
  };
}

const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it is now; fails listing each violation with the elements it found. */
export async function checkA11y(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n");
      return `  ${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n    ${violation.helpUrl}\n${targets}`;
    })
    .join("\n");
  throw new Error(`axe found ${results.violations.length} violation(s) on ${page.url()}:\n${report}`);
}

/** Opens a path (or a full URL, e.g. from an email) and checks the page with axe. */
export async function visit(page: Page, target: string, { status = 200 }: { status?: number } = {}): Promise<Response> {
  const response = await page.goto(target);
  if (!response) throw new Error(`no response for ${target}`);
  expect(response.status(), `status of ${target} (ended on ${page.url()})`).toBe(status);
  await checkA11y(page);
  return response;
}

/** The page's first-level heading, as shown. */
export async function heading(page: Page) {
  return (await page.locator("h1").first().innerText()).trim();
}

export async function htmlLang(page: Page) {
  return page.locator("html").getAttribute("lang");
}

/**
 * Waits until a click or form submission has landed on `path` showing the heading `title`,
 * then checks the page with axe: every page a test reaches is checked, not only those it opens by URL.
 */
export async function arrive(page: Page, pathname: string, title: string | RegExp) {
  try {
    await page.waitForURL((url) => url.pathname === pathname);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
  } catch (error) {
    const shown = await heading(page).catch(() => "(no h1)");
    throw new Error(
      `expected ${pathname} with the heading ${String(title)}; on ${page.url()} showing "${shown}"\n${String(error)}`,
    );
  }
  await checkA11y(page);
}

/** Text of the page's toast (the message after a redirect). */
export async function toastText(page: Page) {
  // The last paragraph holds the message; a heading, if any, comes before it, and the close button after.
  return (await page.locator(".toast .toast-message > p").last().innerText()).trim();
}

/** The error summary's messages, each with the field it links to. */
export async function errorSummary(page: Page) {
  const summary = page.getByRole("alert").filter({ has: page.locator(".alert-heading") });
  await summary.waitFor();
  return summary.locator("li a").evaluateAll((links) =>
    links.map((link) => ({ href: link.getAttribute("href"), text: (link.textContent ?? "").trim() })),
  );
}

export type Person = { name: string; email: string; password: string };

/** A new person for one test: a unique address and a password that passes the strength check. */
export function newPerson(firstName: string): Person {
  const id = randomBytes(4).toString("hex");
  return {
    name: `${firstName} Testesen`,
    email: `${firstName.toLowerCase()}.${id}@example.dk`,
    password: `grøn-kaffe-fjeldsti-${id}`,
  };
}

/** Fills and sends the login form on the current page (Danish labels). */
export async function submitLogin(page: Page, email: string, password: string) {
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Adgangskode", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
}

/** Logs in from /login and lands on the dashboard. */
export async function logIn(page: Page, person: Pick<Person, "email" | "password">, welcome: string | RegExp = /^Velkommen, /) {
  await visit(page, "/login");
  await submitLogin(page, person.email, person.password);
  await arrive(page, "/dashboard", welcome);
}

export async function logOut(page: Page, button = "Log ud") {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("button", { name: button, exact: true }).waitFor({ state: "detached" });
  await checkA11y(page);
}

/** Signs up through the form; ends on "Tjek din e-mail". */
export async function signUp(page: Page, person: Person, language: "Dansk" | "English" = "Dansk") {
  await visit(page, "/signup");
  await page.getByLabel("Fulde navn").fill(person.name);
  await page.getByLabel("E-mail", { exact: true }).fill(person.email);
  await page.getByLabel("Adgangskode", { exact: true }).fill(person.password);
  await page.getByRole("radio", { name: language, exact: true }).check();
  await page.getByRole("button", { name: "Opret bruger", exact: true }).click();
  await arrive(page, "/check-email", "Tjek din e-mail");
}

/**
 * Follows the verification link from the mailbox and confirms; ends on the login page. Pass the subject when the
 * sign-up sends more than one email (an association's registration also sends a receipt), so the newest is not
 * taken for the verification.
 */
export async function verifyFromMailbox(page: Page, adminPage: Page, email: string, subject?: string) {
  const link = await readMailbox(adminPage, email, "/verify-email?token=", subject);
  await visit(page, link);
  expect(await heading(page)).toBe("Bekræft din e-mailadresse");
  await page.getByRole("button", { name: "Bekræft e-mailadresse", exact: true }).click();
  await arrive(page, "/login", "Log ind");
  expect(await toastText(page)).toBe("Din e-mailadresse er bekræftet. Du kan nu logge ind.");
}

export async function signUpAndVerify(page: Page, adminPage: Page, person: Person, language: "Dansk" | "English" = "Dansk") {
  await signUp(page, person, language);
  await verifyFromMailbox(page, adminPage, person.email);
}

/**
 * The demo seed queues some thirty emails at start-up and the queue sends one every two seconds, so the first
 * email a run waits for can come a minute after the server started.
 */
const mailTimeoutMs = 90_000;

/**
 * Reads the portal's mailbox as the admin (in the admin's own browser) and returns the first link in the
 * newest message to `to` (with `subject`, when given) that leads to `linkPath` (e.g. "/verify-email?token=").
 * Mail is sent by a background job, so it polls until that message is there.
 */
export async function readMailbox(adminPage: Page, to: string, linkPath: string, subject?: string): Promise<string> {
  const listPath = `/admin/mailbox?to=${encodeURIComponent(to)}`;
  const deadline = Date.now() + mailTimeoutMs;
  let checkedList = false;
  for (;;) {
    await adminPage.goto(listPath);
    if (new URL(adminPage.url()).pathname === "/login") {
      await checkA11y(adminPage);
      const admin = demoAccount("admin");
      await submitLogin(adminPage, admin.email, admin.password);
      await arrive(adminPage, "/admin/mailbox", "Postkasse");
      continue;
    }
    const messages = adminPage.locator('table a[href^="/admin/mailbox/"]');
    const newest = (subject ? messages.filter({ hasText: subject }) : messages).first();
    if ((await newest.count()) > 0) {
      if (!checkedList) await checkA11y(adminPage);
      checkedList = true;
      const href = await newest.getAttribute("href");
      await visit(adminPage, href!);
      const links = await adminPage
        .locator("pre a[href]")
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
      const match = links.find((link) => {
        const url = new URL(link, baseUrl);
        return `${url.pathname}${url.search}`.startsWith(linkPath);
      });
      if (match) return match;
    }
    if (Date.now() > deadline) {
      throw new Error(`no email to ${to} with a link to ${linkPath} within ${mailTimeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
