import { randomBytes } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { formatDate } from "~/i18n/format";
import { addMonths, copenhagenToday } from "~/modules/volunteers/dates";
import { expectToast } from "./application-steps";
import { arrive, browsersPerTest, checkA11y, demoAccount, logIn, newPerson, readMailbox, verifyFromMailbox, visit } from "./helpers";

const freshBrowser = browsersPerTest();

/** The demo youth the coordinator proposes: ready for matching, born 2007, in Grindsted. */
const sara = { firstName: "Sara", lastName: "Nielsen", birthYear: 2007 };

/** The value of a row of a summary list (`<dl>`), found by its label. */
function summaryValue(scope: Page | Locator, label: string) {
  return scope.locator(`.summary-list-row:has(> dt:text-is("${label}")) > dd`);
}

/** A row of a table, by the text of its row header. */
function rowOf(table: Locator, header: string) {
  return table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: header, exact: true }) });
}

/** Waits for a page reached by a click whose address matches `pattern`, and returns its path. */
async function landOn(page: Page, pattern: RegExp) {
  await page.waitForURL((url) => pattern.test(url.pathname));
  return new URL(page.url()).pathname;
}

describe("Ungenetværket: an association, its task and a youth who takes part", () => {
  test("an association registers, is approved and posts a task; a coordinator proposes a youth; the association says yes and confirms the hours", async () => {
    const admin = (await freshBrowser()).page;
    const association = (await freshBrowser()).page;
    const coordinator = (await freshBrowser()).page;
    const visitor = (await freshBrowser()).page;
    const run = randomBytes(3).toString("hex");
    const contact = newPerson("Fie");
    const associationName = `Grindsted Spejderne ${run}`;
    const taskTitle = `Hjælper til spejdermødet tirsdag aften ${run}`;
    const expiresOn = addMonths(copenhagenToday(), 2);
    const note = "Sara vil gerne prøve at hjælpe til med de yngste spejdere og kommer gerne med en veninde.";
    const saraAge = new Date().getUTCFullYear() - sara.birthYear;

    // 1. A visitor registers the association and becomes its contact person.
    await visit(association, "/associations/register");
    await association.getByRole("heading", { level: 1, name: "Tilmeld jeres forening til Ungenetværket" }).waitFor();
    await association.getByLabel("Foreningens navn", { exact: true }).fill(associationName);
    await association.getByRole("group", { name: "Hvilken slags forening er I?" }).getByRole("radio", { name: "Spejder", exact: true }).check();
    await association.getByLabel(/^CVR-nummer/).fill("12345674");
    await association.getByLabel("By", { exact: true }).fill("Grindsted");
    await association.getByLabel("Adresse", { exact: true }).fill("Spejdervej 4, 7200 Grindsted");
    await association.getByLabel("Om foreningen", { exact: true }).fill("Vi er en spejdergruppe med 40 børn. Unge kan hjælpe til ved møderne om tirsdagen.");
    await association.getByLabel("Dit navn", { exact: true }).fill(contact.name);
    await association.getByLabel("Din e-mailadresse", { exact: true }).fill(contact.email);
    await association.getByLabel("Vælg en adgangskode", { exact: true }).fill(contact.password);
    await association.getByRole("group", { name: "Hvilket sprog vil du have e-mails på?" }).getByRole("radio", { name: "Dansk", exact: true }).check();
    await association.getByRole("button", { name: "Send tilmelding", exact: true }).click();
    await association.getByRole("heading", { level: 1, name: "Tak for jeres tilmelding" }).waitFor();
    expect(new URL(association.url()).search).toBe("?sent=1");
    await checkA11y(association);
    await association.getByText("Tjek din e-mail. Vi har sendt dig et link, så du kan bekræfte din e-mailadresse.", { exact: true }).waitFor();

    // The receipt leads to the association's page; the verification email lets the contact person in.
    const receipt = await readMailbox(admin, contact.email, "/association", "Vi har modtaget jeres tilmelding til Ungenetværket");
    expect(new URL(receipt).pathname).toBe("/association");
    await verifyFromMailbox(association, admin, contact.email, "Bekræft din e-mailadresse");
    await logIn(association, contact, `Velkommen, ${contact.name}`);
    const start = association.locator("section", { has: association.getByRole("heading", { level: 2, name: "Jeres forening", exact: true }) });
    await start.getByText("Afventer godkendelse", { exact: true }).waitFor();
    await start.getByRole("link", { name: `Gå til ${associationName}`, exact: true }).click();
    await arrive(association, "/association", associationName);
    await association.getByText(/^Tak for jeres tilmelding\. En koordinator fra Ungeafdelingen ser den igennem/).waitFor();

    // 2. The coordinator finds the association among those waiting and approves it, without direct publishing.
    await logIn(coordinator, demoAccount("coordinator"));
    await visit(coordinator, "/coordinator/associations");
    await coordinator.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Afventer godkendelse", exact: true }).click();
    await coordinator.waitForURL((url) => url.pathname === "/coordinator/associations" && url.searchParams.get("status") === "pending");
    const pending = coordinator.getByRole("table", { name: "Foreninger" });
    const listed = rowOf(pending, associationName);
    await listed.waitFor();
    await checkA11y(coordinator);
    expect(await listed.innerText()).toContain("Spejder");
    await listed.getByRole("link", { name: associationName, exact: true }).click();
    const associationPath = await landOn(coordinator, /^\/coordinator\/associations\/[0-9a-f-]{36}$/);
    await arrive(coordinator, associationPath, associationName);
    await coordinator.getByText(`${contact.name}, ${contact.email}`, { exact: false }).waitFor();
    expect(await coordinator.getByRole("checkbox", { name: "Foreningen må slå opgaver op uden godkendelse" }).isChecked()).toBe(false);
    await coordinator.getByRole("button", { name: "Godkend foreningen", exact: true }).click();
    await expectToast(coordinator, "Foreningen er godkendt.");
    await coordinator.getByText(/^Godkendt af .+ den /).waitFor();

    // The contact person is told, and the association's page says it is approved.
    const approval = await readMailbox(admin, contact.email, "/association", `${associationName} er godkendt i Ungenetværket`);
    await visit(association, approval);
    await arrive(association, "/association", associationName);
    await association.getByText("Foreningen er godkendt. I kan slå opgaver op og svare på unge, der foreslås til jeres opgaver.", { exact: true }).waitFor();

    // 3. The association writes a task with children under 15 and sends it for approval.
    await association.getByRole("link", { name: "Jeres opgaver", exact: true }).click();
    await arrive(association, "/association/tasks", "Vores opgaver");
    await association.getByRole("link", { name: "Ny opgave", exact: true }).click();
    await arrive(association, "/association/tasks/new", "Ny opgave");
    await association.getByLabel("Titel", { exact: true }).fill(taskTitle);
    await association.getByLabel("Beskrivelse", { exact: true }).fill("Hjælp lederne med lege og bål for de 8–12-årige. Tag tøj på, der kan tåle at blive beskidt.");
    await association.getByLabel("Kategori", { exact: true }).selectOption({ label: "Børn og unge" });
    await association.getByLabel("Adresse", { exact: true }).fill("Spejdervej 4, 7200 Grindsted");
    await association.getByLabel("By", { exact: true }).fill("Grindsted");
    await association.getByRole("group", { name: "Hvornår foregår opgaven?" }).getByRole("radio", { name: "Tilbagevendende", exact: true }).check();
    await association.getByLabel(/^Hvornår gentages opgaven\?/).fill("tirsdage kl. 17–19");
    await association.getByRole("group", { name: /^Tid på dagen/ }).getByRole("checkbox", { name: "Om aftenen (fra kl. 17)", exact: true }).check();
    await association.getByLabel("Tid pr. gang (minutter)", { exact: true }).fill("120");
    await association.getByLabel("Opslaget udløber", { exact: true }).fill(expiresOn);
    await association.getByLabel("Antal pladser", { exact: true }).fill("2");
    await association.getByLabel("Mindstealder", { exact: true }).fill("15");
    const easy = association.getByRole("group", { name: /^Gør det let at sige ja/ });
    await easy.getByRole("checkbox", { name: "Tag en ven eller din mentor med", exact: true }).check();
    await easy.getByRole("checkbox", { name: "Aftener", exact: true }).check();
    await association.getByRole("checkbox", { name: "Opgaven indebærer kontakt med børn under 15 år", exact: true }).check();
    await association.getByLabel("Navn", { exact: true }).fill(contact.name);
    await association.getByLabel(/^Telefon/).fill("+45 75 00 00 00");
    await checkA11y(association);
    await association.getByRole("button", { name: "Send til godkendelse", exact: true }).click();
    const ownTaskPath = await landOn(association, /^\/association\/tasks\/[0-9a-f-]{36}$/);
    const taskId = ownTaskPath.split("/").pop()!;
    await arrive(association, ownTaskPath, taskTitle);
    await expectToast(association, "Opgaven er sendt til godkendelse hos Ungeafdelingen.");
    await association.getByText("Venter på godkendelse", { exact: true }).waitFor();
    await association.getByText("Opgaven venter på, at Ungeafdelingen godkender den. I kan stadig rette den.", { exact: true }).waitFor();

    // Not public before a coordinator has approved it.
    await visit(visitor, `/tasks/${taskId}`, { status: 404 });

    // The coordinator approves it from the tasks waiting for approval.
    await visit(coordinator, "/coordinator/tasks");
    await coordinator.getByRole("heading", { level: 1, name: "Opgaver til godkendelse" }).waitFor();
    await coordinator.getByRole("link", { name: taskTitle, exact: true }).click();
    await arrive(coordinator, `/coordinator/tasks/${taskId}`, taskTitle);
    await coordinator.getByRole("button", { name: "Godkend og offentliggør", exact: true }).click();
    await arrive(coordinator, "/coordinator/tasks", "Opgaver til godkendelse");
    await expectToast(coordinator, "Opgaven er godkendt og offentliggjort.");
    const published = await readMailbox(admin, contact.email, "/association/tasks/", "Jeres opgave er godkendt og offentliggjort");
    expect(new URL(published).pathname).toBe(ownTaskPath);

    // The public list shows it to anyone: filtered by town and a tag, with its places and the children mark.
    await visit(visitor, "/tasks");
    await visitor.getByRole("heading", { level: 1, name: "Frivillige opgaver i foreningerne" }).waitFor();
    const filters = visitor.getByRole("search", { name: "Filtrér opgaverne" });
    await filters.getByLabel("By", { exact: true }).selectOption("Grindsted");
    await filters.getByRole("group", { name: "Gør det let at sige ja" }).getByRole("checkbox", { name: "Tag en ven eller din mentor med", exact: true }).check();
    await filters.getByRole("button", { name: "Filtrér", exact: true }).click();
    await visitor.waitForURL((url) => url.pathname === "/tasks" && url.searchParams.get("town") === "Grindsted" && url.searchParams.get("tags") === "bring_someone");
    const item = visitor.locator("li").filter({ has: visitor.getByRole("heading", { level: 2, name: taskTitle, exact: true }) });
    await item.waitFor();
    await checkA11y(visitor);
    const itemText = await item.innerText();
    expect(itemText).toContain(`${associationName} · Grindsted · Børn og unge`);
    expect(itemText).toContain("tirsdage kl. 17–19");
    expect(itemText).toContain("2 af 2 pladser ledige");
    expect(itemText).toContain("Med børn under 15 år");
    await item.getByRole("link", { name: taskTitle, exact: true }).click();
    await arrive(visitor, `/tasks/${taskId}`, taskTitle);
    expect(await summaryValue(visitor, "Pladser").innerText()).toBe("2 af 2 pladser ledige");
    expect(await summaryValue(visitor, "Tid pr. gang").innerText()).toBe("2 timer");
    expect(await summaryValue(visitor, "Mindstealder").innerText()).toBe("Fra 15 år");
    expect(await summaryValue(visitor, "Opslaget udløber").innerText()).toBe(formatDate("da", expiresOn));
    await visitor.getByText("Børneattest", { exact: true }).waitFor();
    await visitor.getByText(/^Opgaven indebærer direkte kontakt med børn under 15 år\. Derfor skal foreningen indhente en børneattest/).waitFor();
    // A visitor sees the contact's name but not the phone; the page offers nothing to propose.
    expect(await summaryValue(visitor, "Kontaktperson").innerText()).not.toContain("75 00 00 00");
    expect(await visitor.getByRole("link", { name: "Foreslå en ung til opgaven" }).count()).toBe(0);

    // 4. The coordinator proposes Sara from the task's page.
    await visit(coordinator, `/tasks/${taskId}`);
    expect(await summaryValue(coordinator, "Kontaktperson").innerText()).toContain("+45 75 00 00 00");
    await coordinator.getByRole("link", { name: "Foreslå en ung til opgaven", exact: true }).click();
    const proposePath = `/tasks/${taskId}/propose`;
    await arrive(coordinator, proposePath, `Foreslå en ung til »${taskTitle}«`);
    expect(await summaryValue(coordinator, "Ledige pladser").innerText()).toBe("2 af 2");
    await coordinator.getByLabel("Søg på navn", { exact: true }).fill(sara.firstName);
    await coordinator.getByRole("button", { name: "Søg", exact: true }).click();
    await coordinator.waitForURL((url) => url.pathname === proposePath && url.searchParams.get("q") === sara.firstName);
    const found = rowOf(coordinator.getByRole("table", { name: "Unge der passer på søgningen" }), `${sara.firstName} ${sara.lastName}`);
    await found.waitFor();
    await checkA11y(coordinator);
    await found.getByRole("link", { name: `Vælg ${sara.firstName} ${sara.lastName}`, exact: true }).click();
    await coordinator.waitForURL((url) => url.pathname === proposePath && url.searchParams.has("youth"));
    await coordinator.getByRole("heading", { level: 2, name: "Forslaget", exact: true }).waitFor();
    await checkA11y(coordinator);
    expect(await summaryValue(coordinator, "Du foreslår").innerText()).toContain(`${sara.firstName} ${sara.lastName}, ${saraAge} år`);
    await coordinator.getByLabel("Besked til foreningen", { exact: true }).fill(note);
    const arrangement = await coordinator.getByLabel("Kontaktaftale", { exact: true }).inputValue();
    expect(arrangement).toMatch(new RegExp(`^Kontakt går gennem koordinator .+, ${demoAccount("coordinator").email.replace(/\./g, "\\.")}$`));
    await coordinator.getByRole("button", { name: "Send forslaget til foreningen", exact: true }).click();
    const youthPath = await landOn(coordinator, /^\/coordinator\/youths\/[0-9a-f-]{36}$/);
    expect(new URL(coordinator.url()).hash).toBe("#tasks");
    await arrive(coordinator, youthPath, `${sara.firstName} ${sara.lastName}`);
    await expectToast(coordinator, "Forslaget er sendt til foreningen. Du får besked, når foreningen har svaret.");
    const saraTasks = coordinator.getByRole("table", { name: `Frivilligopgaver for ${sara.firstName}` });
    const waiting = await rowOf(saraTasks, taskTitle).innerText();
    expect(waiting).toContain("Foreslået – venter på foreningens svar");
    expect(waiting).toContain("Når foreningen siger ja");

    // 5. The association is told, reads the proposal with Sara's first name and age only, and says yes.
    const proposalLink = await readMailbox(admin, contact.email, "/association/proposals/", "En ung er foreslået til en af jeres opgaver");
    const proposalPath = new URL(proposalLink).pathname;
    await visit(association, "/association");
    const toAnswerCount = summaryValue(association, "Forslag, der venter på jeres svar");
    expect(await toAnswerCount.innerText()).toBe("1");
    await toAnswerCount.getByRole("link").click();
    await arrive(association, "/association/proposals", "Forslag og deltagere");
    const toAnswer = rowOf(association.getByRole("table", { name: "Venter på jeres svar" }), `${sara.firstName}, ${saraAge} år`);
    expect(await toAnswer.innerText()).toContain(taskTitle);
    expect(await association.locator("main").innerText()).not.toContain(sara.lastName);
    await toAnswer.getByRole("link", { name: `${sara.firstName}, ${saraAge} år`, exact: true }).click();
    await arrive(association, proposalPath, `${sara.firstName}, ${saraAge} år`);
    expect(await summaryValue(association, "Status").innerText()).toBe("Foreslået – venter på foreningens svar");
    expect(await summaryValue(association, "Besked fra forslagsstilleren").innerText()).toBe(note);
    expect(await summaryValue(association, "Foreslået af").innerText()).toMatch(/ \(koordinator\)$/);
    expect(await association.locator("main").innerText()).not.toContain(sara.lastName);
    // The contact arrangement is kept until the association says yes.
    expect(await association.getByText(arrangement, { exact: true }).count()).toBe(0);

    await association.getByRole("button", { name: "Ja tak", exact: true }).click();
    await expectToast(association, "I har sagt ja. Kontaktaftalen står nedenfor.");
    expect(await summaryValue(association, "Status").innerText()).toBe("Deltager");
    const contactSection = association.locator("section", { has: association.getByRole("heading", { level: 2, name: "Kontaktaftale", exact: true }) });
    await contactSection.getByText(arrangement, { exact: true }).waitFor();
    expect(await association.locator("main").innerText()).not.toContain(sara.lastName);

    // Sara has helped out; the association confirms 7,5 hours and the participation is completed.
    await association.getByLabel("Timer i alt", { exact: true }).fill("7,5");
    await association.getByRole("button", { name: "Bekræft timer og afslut", exact: true }).click();
    await expectToast(association, "Timerne er bekræftet, og deltagelsen er afsluttet.");
    expect(await summaryValue(association, "Status").innerText()).toBe("Afsluttet");
    await association.getByText(`${sara.firstName} har afsluttet opgaven.`, { exact: true }).waitFor();
    await association.getByText("Bekræftede timer: 7,5 timer", { exact: true }).waitFor();

    // 6. The coordinator sees it on Sara's page, with the association's contact person now shown.
    await visit(coordinator, youthPath);
    const done = await rowOf(coordinator.getByRole("table", { name: `Frivilligopgaver for ${sara.firstName}` }), taskTitle).innerText();
    expect(done).toContain(associationName);
    expect(done).toContain("Afsluttet");
    expect(done).toContain("7,5 timer");
    expect(done).toContain(contact.name);
    const saraSection = coordinator.locator("section", { has: coordinator.getByRole("heading", { level: 2, name: "Frivilligopgaver", exact: true }) });
    expect(await summaryValue(saraSection, "Timer i alt").innerText()).toBe("7,5 timer");

    // The report for the year to date counts the association's participation and its hours.
    await visit(coordinator, "/coordinator/reports");
    const byAssociation = rowOf(coordinator.getByRole("table", { name: "Deltagelser pr. forening" }), associationName);
    expect(await byAssociation.getByRole("cell").allInnerTexts()).toEqual(["1", "1", "1", "7,5"]);
    // The first emails of a run wait behind the demo seed's (see readMailbox), hence more time than the default.
  }, 240_000);
});
