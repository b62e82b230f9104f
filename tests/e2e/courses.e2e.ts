import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { copenhagenWallClock } from "~/modules/volunteers/dates";
import { applyAsBusinessMentor, expectToast } from "./application-steps";
import { arrive, baseUrl, browsersPerTest, checkA11y, demoAccount, logIn, newPerson, readMailbox, signUpAndVerify, visit } from "./helpers";

const freshBrowser = browsersPerTest();

/**
 * A session that starts in a little over an hour: inside the two hours in which the check-in list is open,
 * and late enough for booking. It ends within the same Copenhagen day, as the form requires.
 */
function soonSession() {
  const start = new Date(Math.ceil((Date.now() + 75 * 60_000) / 300_000) * 300_000);
  const from = copenhagenWallClock(start);
  const end = copenhagenWallClock(new Date(start.getTime() + 60 * 60_000));
  return { date: from.date, from: from.time, to: end.date === from.date ? end.time : "23:59" };
}

async function sessionPage(page: Page, path: string, title: string | RegExp) {
  await visit(page, path);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

describe("mentor courses", () => {
  test("a volunteer books and gets the calendar file; a full session waitlists the next; a cancellation offers the seat; attendance ticks the training step", async () => {
    const admin = await freshBrowser();
    const coordinator = (await freshBrowser()).page;
    const first = (await freshBrowser()).page;
    const second = (await freshBrowser()).page;
    const holder = newPerson("Jonna");
    const applicant = newPerson("Malik");

    // The coordinator adds a one-seat session of the required introduction, starting within the hour.
    await logIn(coordinator, demoAccount("coordinator"));
    await visit(coordinator, "/coordinator/courses");
    await coordinator.getByRole("link", { name: "Introduktion til mentorrollen" }).click();
    await coordinator.waitForURL((url) => /^\/coordinator\/courses\/[0-9a-f-]{36}$/.test(url.pathname));
    await checkA11y(coordinator);
    const when = soonSession();
    await coordinator.getByText("Ny session", { exact: true }).click();
    const form = coordinator.locator("form", { has: coordinator.getByRole("button", { name: "Opret sessionen" }) });
    await form.getByLabel("Dato", { exact: true }).first().fill(when.date);
    await form.getByLabel("Starttidspunkt").fill(when.from);
    await form.getByLabel("Sluttidspunkt").fill(when.to);
    await form.getByLabel("Adresse", { exact: true }).fill("Billund Rådhus, Jorden Rundt 1, 7190 Billund");
    await form.getByLabel(/^By/).fill("Billund");
    await form.getByLabel("Antal pladser").fill("1");
    await form.getByLabel(/Frist for afbud/).fill("0");
    await form.getByRole("button", { name: "Opret sessionen" }).click();
    await coordinator.waitForURL((url) => /^\/coordinator\/sessions\/[0-9a-f-]{36}$/.test(url.pathname));
    await expectToast(coordinator, "Sessionen er oprettet.");
    const sessionId = new URL(coordinator.url()).pathname.split("/").pop()!;
    const publicPath = `/courses/${sessionId}`;

    // 1. A volunteer books the seat and gets the email with the calendar file.
    await signUpAndVerify(first, admin.page, holder);
    await logIn(first, holder);
    await sessionPage(first, publicPath, "Introduktion til mentorrollen");
    await first.getByRole("button", { name: "Tilmeld mig" }).click();
    await expectToast(first, "Du er tilmeldt. Du får en bekræftelse med en kalenderfil på e-mail.");
    await readMailbox(admin.page, holder.email, publicPath, "Du har en plads på Introduktion til mentorrollen");
    const calendarLink = admin.page.getByRole("link", { name: /kursus\.ics/ });
    const calendar = await admin.page.request.get(new URL((await calendarLink.getAttribute("href"))!, baseUrl).toString());
    expect(calendar.headers()["content-type"]).toContain("text/calendar");
    const ics = await calendar.text();
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain("SUMMARY:Introduktion til mentorrollen");

    // 2. The session is full: an applicant is offered the waitlist and gets the first place in line.
    await signUpAndVerify(second, admin.page, applicant);
    await logIn(second, applicant);
    await applyAsBusinessMentor(second);
    await sessionPage(second, publicPath, "Introduktion til mentorrollen");
    await second.getByRole("button", { name: "Skriv mig på ventelisten" }).click();
    await expectToast(second, "Du er skrevet på ventelisten. Du kan se din plads i køen her på siden.");
    await second.getByText("Du er nummer 1 på ventelisten.").waitFor();

    // 3. The first volunteer cancels (confirmed in the modal); the seat is offered to the applicant by email.
    await sessionPage(first, publicPath, "Introduktion til mentorrollen");
    await first.getByRole("button", { name: "Meld afbud" }).click();
    const dialog = first.getByRole("dialog");
    await dialog.waitFor();
    await checkA11y(first);
    await dialog.getByRole("button", { name: "Meld afbud" }).click();
    await expectToast(first, "Dit afbud er registreret. Tak fordi du gav besked.");
    const offer = await readMailbox(admin.page, applicant.email, publicPath, "Der er en ledig plads til dig");
    await visit(second, offer);
    await second.getByText("Der er en ledig plads til dig.").waitFor();
    await second.getByRole("button", { name: "Tag imod pladsen" }).click();
    await expectToast(second, "Pladsen er din. Du får en bekræftelse med en kalenderfil på e-mail.");
    await second.getByText("Du har en plads på holdet.").waitFor();

    // 4. The coordinator checks the applicant in.
    await visit(coordinator, `/coordinator/sessions/${sessionId}`);
    const row = coordinator.locator("form", { hasText: applicant.name }).filter({ has: coordinator.getByRole("button", { name: "Mødt" }) });
    await row.getByRole("button", { name: "Mødt" }).click();
    await expectToast(coordinator, "Fremmødet er gemt.");

    // 5. The applicant's checklist shows the course done, and My courses the hours.
    await visit(second, "/application");
    await arrive(second, "/application", "Min ansøgning");
    await expect.poll(async () => second.getByText(/Introkursus: Klaret/).count()).toBe(1);
    await visit(second, "/my-courses");
    await second.getByText("3 timer", { exact: false }).first().waitFor();
  });
});
