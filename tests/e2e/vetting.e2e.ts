import { describe, expect, test } from "vitest";
import {
  arrive,
  browsersPerTest,
  checkA11y,
  demoAccount,
  errorSummary,
  logIn,
  newPerson,
  readMailbox,
  signUpAndVerify,
  submitLogin,
  visit,
} from "./helpers";
import { applicationStep, completeApplication, expectToast, nextStep } from "./application-steps";

const freshBrowser = browsersPerTest();

describe("recruiting and vetting a mentor", () => {
  test("a visitor applies as a business mentor, two coordinators vet and approve, and the volunteer is told", async () => {
    const admin = await freshBrowser();
    const applicant = await freshBrowser();
    const person = newPerson("Birthe");

    // 1. The visitor reads about the role, makes an account and applies through every step.
    await signUpAndVerify(applicant.page, admin.page, person);
    const page = applicant.page;
    await visit(page, "/mentor/business");
    await page.getByRole("link", { name: "Søg som erhvervsmentor" }).first().click();
    await arrive(page, "/login", "Log ind");
    await submitLogin(page, person.email, person.password);
    await applicationStep(page, "kind");
    expect(await page.getByRole("radio", { name: "Erhvervsmentor" }).isChecked()).toBe(true);
    await nextStep(page);

    // A missing answer is refused with the field named; what was typed stays.
    await applicationStep(page, "about");
    await page.getByLabel("Hvilke erfaringer har du med unge eller med at hjælpe andre?").fill("Har trænet ungdomshold i ti år.");
    await page.getByLabel("Hvad laver du til daglig?").fill("Salgschef");
    await nextStep(page);
    const errors = await errorSummary(page);
    expect(errors).toEqual([{ href: "#motivation", text: "Udfyld feltet." }]);
    await checkA11y(page);
    expect(await page.getByLabel("Hvad laver du til daglig?").inputValue()).toBe("Salgschef");
    await page.getByLabel("Hvorfor vil du være mentor?").fill("Jeg vil gerne hjælpe en ung videre mod job eller uddannelse.");
    await nextStep(page);

    await completeApplication(page);
    expect(await page.getByText("Sendt – vi er i gang med at behandle den").count()).toBe(1);

    // A second coordinator: the admin gives a new colleague the role.
    const colleague = await freshBrowser();
    const second = newPerson("Signe");
    await signUpAndVerify(colleague.page, admin.page, second);
    await visit(admin.page, `/admin/users?q=${encodeURIComponent(second.email)}`);
    await admin.page.locator("table tbody tr").first().getByRole("link").click();
    await admin.page.waitForURL((url) => /^\/admin\/users\/[0-9a-f-]{36}$/.test(url.pathname));
    await admin.page.getByLabel("Rolle", { exact: true }).selectOption("coordinator");
    await admin.page.getByRole("button", { name: "Skift rolle", exact: true }).click();
    await expectToast(admin.page, "Rollen er ændret. Brugeren er logget ud.");

    // 2. The first coordinator finds the application among those needing an interview and records the checks.
    const first = await freshBrowser();
    const coordinator = first.page;
    await logIn(coordinator, demoAccount("coordinator"));
    await visit(coordinator, "/coordinator/volunteers");
    await coordinator.getByRole("link", { name: "Mangler samtale" }).click();
    await coordinator.waitForURL((url) => url.searchParams.get("quick") === "needs_interview");
    await coordinator.getByLabel("Søg", { exact: true }).fill(person.email);
    await coordinator.getByRole("button", { name: "Filtrér", exact: true }).click();
    await coordinator.waitForURL((url) => url.searchParams.get("q") === person.email);
    await checkA11y(coordinator);
    await coordinator.getByRole("link", { name: person.name }).click();
    await coordinator.waitForURL((url) => /^\/coordinator\/volunteers\/[0-9a-f-]{36}$/.test(url.pathname));
    const volunteerPath = new URL(coordinator.url()).pathname;
    await arrive(coordinator, volunteerPath, person.name);
    expect(await coordinator.getByText("Før godkendelse mangler: Samtale, Referencer, Straffeattest, Mentorkursus.").count()).toBe(1);

    const interview = coordinator.locator("#step-interview");
    await interview.getByRole("radio", { name: "Bestået", exact: true }).check();
    await interview.getByLabel(/^Motivation/).fill("Stærk motivation; kender målgruppen fra sporten.");
    await interview.getByLabel(/^Grænser/).fill("Forstår tavshedspligt og grænser for kontakt.");
    await interview.getByRole("button", { name: "Gem samtale" }).click();
    await expectToast(coordinator, "Samtalen er gemt.");
    expect(await coordinator.locator("#step-interview h3").innerText()).toBe("Samtale: Bestået");

    for (const position of [1, 2]) {
      const form = coordinator.getByRole("group", { name: `Svar fra reference ${position}` });
      await form.getByRole("radio", { name: "Positiv" }).check();
      await coordinator.getByRole("button", { name: `Gem svar fra reference ${position}` }).click();
      await expectToast(coordinator, "Svaret fra referencen er gemt.");
    }
    expect(await coordinator.locator("#step-references h3").innerText()).toBe("Referencer: Bestået");

    const attest = coordinator.locator("#step-criminal_record");
    await attest.getByRole("radio", { name: "OK", exact: true }).check();
    await attest.getByLabel("Vurderet den").fill(new Date().toISOString().slice(0, 10));
    await attest.getByRole("button", { name: "Gem vurdering" }).click();
    await expectToast(coordinator, "Vurderingen af straffeattesten er gemt.");
    expect(await coordinator.locator("#step-criminal_record h3").innerText()).toBe("Straffeattest: Bestået");

    const training = coordinator.locator("#step-training");
    await training.getByText("Registrér kursus").click();
    await training.getByRole("checkbox", { name: "Mentorkurset er gennemført" }).check();
    await training.getByRole("button", { name: "Gem kursusstatus" }).click();
    await expectToast(coordinator, "Kursusstatus er gemt.");
    await coordinator.getByText("Alle krævede trin er gennemført eller fritaget.").waitFor();

    // The one who interviewed cannot approve (four eyes).
    await coordinator.getByRole("button", { name: "Godkend som mentor" }).click();
    await coordinator.getByText("Du holdt samtalen, så en anden koordinator skal godkende (fire øjne).", { exact: true }).waitFor();
    await checkA11y(coordinator);

    // 3. The second coordinator approves.
    await logIn(colleague.page, second);
    await visit(colleague.page, volunteerPath);
    await colleague.page.getByRole("button", { name: "Godkend som mentor" }).click();
    await expectToast(colleague.page, "Den frivillige er godkendt som mentor. Vi har sendt en velkomstmail.");
    expect(await colleague.page.locator(".font-lead").first().innerText()).toBe("Erhvervsmentor · Godkendt");

    // 4. The volunteer sees the approval and has the welcome email.
    await visit(page, "/application");
    expect(await page.locator(".summary-list").first().getByText("Godkendt", { exact: true }).count()).toBe(1);
    const link = await readMailbox(admin.page, person.email, "/application", "Velkommen som frivillig mentor");
    expect(await admin.page.locator("pre").innerText()).toContain("du er godkendt som frivillig mentor");
    await visit(page, link);
    expect(new URL(page.url()).pathname).toBe("/application");
  });
});
