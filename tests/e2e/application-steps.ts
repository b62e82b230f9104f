import type { Page } from "playwright-core";
import { expect } from "vitest";
import { arrive, checkA11y, toastText } from "./helpers";

/** The application form's "next" button (Danish). */
export const nextStep = (page: Page) => page.getByRole("button", { name: "Gem og gå videre", exact: true }).click();

/** Waits for a step of the application form and checks it with axe. */
export async function applicationStep(page: Page, name: string) {
  await page.waitForURL((url) => url.pathname === `/apply/${name}`);
  await page.locator("form").first().waitFor();
  await checkA11y(page);
}

/** Waits for the toast after a redirect, checks its text and the page with axe. */
export async function expectToast(page: Page, text: string) {
  await page.locator(".toast").getByText(text).waitFor();
  expect(await toastText(page)).toBe(text);
  await checkA11y(page);
}

/**
 * Fills the application from the interests step to the end and sends it, as a business mentor in Grindsted
 * free on Tuesday evenings; ends on "Min ansøgning".
 */
export async function completeApplication(page: Page) {
  await applicationStep(page, "interests");
  await page.getByRole("checkbox", { name: "Sport" }).check();
  await page.getByRole("checkbox", { name: "Dansk" }).check();
  await nextStep(page);

  await applicationStep(page, "availability");
  await page.getByLabel("Hvilken by bor du i?").selectOption("Grindsted");
  await page.getByRole("checkbox", { name: "Tirsdag, aften" }).check();
  await page.getByRole("group", { name: /efter kl\. 17/ }).getByRole("radio", { name: "Ja" }).check();
  await nextStep(page);

  await applicationStep(page, "preferences");
  await page.getByRole("radio", { name: "1 ung" }).check();
  await nextStep(page);

  await applicationStep(page, "references");
  const references = [
    { name: "Hanne Jensen", relation: "Tidligere chef", phone: "+45 20 11 22 33" },
    { name: "Per Nielsen", relation: "Formand i håndboldklubben", phone: "+45 30 44 55 66" },
  ];
  for (const [index, reference] of references.entries()) {
    const group = page.getByRole("group", { name: `Reference ${index + 1}` });
    await group.getByLabel("Navn").fill(reference.name);
    await group.getByLabel("Hvordan kender I hinanden?").fill(reference.relation);
    await group.getByLabel("Telefonnummer").fill(reference.phone);
  }
  await nextStep(page);

  await applicationStep(page, "consents");
  await page.getByRole("checkbox", { name: /private straffeattest/ }).check();
  await page.getByRole("checkbox", { name: /adfærdskodeks og tavshedserklæring/ }).check();
  await page.getByRole("checkbox", { name: /behandler mine oplysninger/ }).check();
  await nextStep(page);

  await applicationStep(page, "summary");
  await page.getByRole("button", { name: "Send ansøgning", exact: true }).click();
  await arrive(page, "/application", "Min ansøgning");
  await expectToast(page, "Tak! Vi har fået din ansøgning.");
}

/** From the first step (logged in): a business mentor's kind and about-you answers, then the rest. */
export async function applyAsBusinessMentor(page: Page) {
  await page.goto("/apply/kind?kind=business");
  await applicationStep(page, "kind");
  await nextStep(page);
  await applicationStep(page, "about");
  await page.getByLabel("Hvorfor vil du være mentor?").fill("Jeg vil gerne hjælpe en ung videre mod job eller uddannelse.");
  await page.getByLabel("Hvilke erfaringer har du med unge eller med at hjælpe andre?").fill("Har trænet ungdomshold i ti år.");
  await page.getByLabel("Hvad laver du til daglig?").fill("Salgschef");
  await nextStep(page);
  await completeApplication(page);
}
