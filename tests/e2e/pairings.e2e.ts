import { randomBytes } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { copenhagenWallClock } from "~/modules/volunteers/dates";
import { expectToast } from "./application-steps";
import { arrive, browsersPerTest, checkA11y, demoAccount, demoAccountByEmail, logIn, readMailbox, visit } from "./helpers";

const freshBrowser = browsersPerTest();

/** The approved demo mentor: a civil-society mentor in Grindsted with one of her two places free. */
const maja = { name: "Maja Mentor", email: "mentor@demo.mentorbro.dk" };

/** A whole number as the page shows it ("1.234" in Danish). */
function count(text: string) {
  const digits = text.replace(/\D/g, "");
  if (!digits) throw new Error(`no number in "${text}"`);
  return Number(digits);
}

/** The value of a row of a summary list (`<dl>`), found by its label. */
function summaryValue(scope: Page | Locator, label: string) {
  return scope.locator(`.summary-list-row:has(> dt:text-is("${label}")) > dd`);
}

/** A section of the page, by its heading. */
function section(page: Page, heading: string) {
  return page.locator("section", { has: page.getByRole("heading", { level: 2, name: heading, exact: true }) });
}

/** A row of a table, by the text of its row header. */
function rowOf(table: Locator, header: string) {
  return table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: header, exact: true }) });
}

type ReportFigures = { youths: number; eud: number; activePairings: number; closedPairings: number; afterHours: number };

/** The report for its default period (the year to date): the figures this test moves. */
async function readReport(page: Page): Promise<ReportFigures> {
  await visit(page, "/coordinator/reports");
  await page.getByRole("heading", { level: 1, name: "Opgørelse over forløb" }).waitFor();
  const outcomes = page.getByRole("table", { name: /^Ungeforløb efter status ved periodens slutning/ });
  const firstCell = async (row: Locator) => count(await row.getByRole("cell").first().innerText());
  // "2 af 5 forløb (40 %)", or a sentence when no pairing ran in the period.
  const afterHours = (await summaryValue(page, "Med kontakt uden for almindelig arbejdstid").innerText()).trim();
  const share = /^([\d.]+) af /.exec(afterHours);
  return {
    youths: await firstCell(rowOf(outcomes, "I alt")),
    eud: await firstCell(rowOf(outcomes, "heraf EUD")),
    activePairings: count(await summaryValue(page, "I gang i perioden").innerText()),
    closedPairings: count(await summaryValue(page, "Heraf afsluttet i perioden").innerText()),
    afterHours: share ? count(share[1]!) : 0,
  };
}

/**
 * A moment for the mentor's contact, on a Copenhagen clock, that is after working hours and already past. It
 * has to be today: the pairing began today (contacts from before the day the mentor said yes are refused), and
 * a contact in the future is refused too. From 17:00, 17:00 has passed; in working hours, 06:30 (before 07:00
 * counts as after-hours) has; before 07:00, midnight has.
 */
function pastAfterHoursToday(now = new Date()) {
  const { date, time } = copenhagenWallClock(now);
  return { date, time: time >= "17:00" ? "17:00" : time >= "07:00" ? "06:30" : "00:00" };
}

describe("a youth and a mentor from proposal to outcome", () => {
  test("a coordinator proposes a mentor, the mentor says yes and confirms, logs an evening contact, the coordinator follows up and closes with an outcome, and the report counts it", async () => {
    const admin = await freshBrowser();
    const coordinator = (await freshBrowser()).page;
    const mentor = (await freshBrowser()).page;
    const firstName = `Liva-${randomBytes(3).toString("hex")}`;
    const lastName = "Testesen";
    const fullName = `${firstName} ${lastName}`;
    const birthYear = new Date().getFullYear() - 20;
    const today = copenhagenWallClock(new Date()).date;
    const summary = "Liva vil gerne i lære som tømrer og have en voksen at øve jobsamtaler med. Hun spiller håndbold.";
    const note = "Liva er glad for sport og musik og har brug for en at ringe til om aftenen.";

    // The report before: the demo data already has outcomes and pairings, so the test compares before and after.
    await logIn(coordinator, demoAccount("coordinator"));
    const before = await readReport(coordinator);

    // 1. The coordinator writes the youth's record from the intake conversation.
    await visit(coordinator, "/coordinator/youths/new");
    await coordinator.getByRole("heading", { level: 1, name: "Ny ung" }).waitFor();
    await coordinator.getByLabel("Fornavn", { exact: true }).fill(firstName);
    await coordinator.getByLabel("Efternavn", { exact: true }).fill(lastName);
    await coordinator.getByLabel("Fødselsår", { exact: true }).fill(String(birthYear));
    await coordinator.getByLabel("By", { exact: true }).selectOption("Grindsted");
    await coordinator.getByRole("group", { name: "Hvem har henvist den unge?" }).getByRole("radio", { name: "Ungeafdelingen", exact: true }).check();
    await coordinator.getByLabel("Dato for samtykket", { exact: true }).fill(today);
    await coordinator.getByLabel("Hvad dækker samtykket?", { exact: true }).fill("Registrering af oplysningerne og deling af resuméet med en mentor.");
    const interests = coordinator.getByRole("group", { name: /^Interesser/ });
    await interests.getByRole("checkbox", { name: "Sport", exact: true }).check();
    await interests.getByRole("checkbox", { name: "Musik", exact: true }).check();
    await coordinator.getByRole("group", { name: "Mål med forløbet" }).getByRole("checkbox", { name: "Job", exact: true }).check();
    await coordinator.getByRole("group", { name: "Hvilke sprog taler den unge?" }).getByRole("checkbox", { name: "Dansk", exact: true }).check();
    await coordinator.getByRole("checkbox", { name: "Tirsdag, aften" }).check();
    await coordinator.getByRole("checkbox", { name: "Har brug for støtte efter kl. 17" }).check();
    await coordinator.getByLabel(/^Resumé til mentoren/).fill(summary);
    await coordinator.getByRole("button", { name: "Opret den unge", exact: true }).click();
    await coordinator.waitForURL((url) => /^\/coordinator\/youths\/[0-9a-f-]{36}$/.test(url.pathname));
    const youthPath = new URL(coordinator.url()).pathname;
    await arrive(coordinator, youthPath, fullName);
    await expectToast(coordinator, "Den unge er oprettet.");

    // Ready for matching, then the suggestions: Maja is among them, with the reasons she fits.
    await coordinator.getByRole("button", { name: "Klar til matchning", exact: true }).click();
    await expectToast(coordinator, "Den unge er klar til matchning. Find en mentor.");
    await coordinator.getByRole("link", { name: "Find en mentor", exact: true }).click();
    await arrive(coordinator, `${youthPath}/match`, `Find en mentor til ${firstName}`);
    const card = coordinator.locator("li.match-candidate").filter({ has: coordinator.getByRole("heading", { level: 3, name: maja.name, exact: true }) });
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain("Civilsamfundsmentor · Grindsted · 1 af 2 pladser ledige");
    const reasons = await card.locator(".match-reasons li").allInnerTexts();
    expect(reasons.some((reason) => /2 fælles interesser: (Sport, Musik|Musik, Sport)$/.test(reason)), reasons.join("\n")).toBe(true);
    expect(reasons.some((reason) => reason.endsWith("Samme by: Grindsted")), reasons.join("\n")).toBe(true);
    expect(reasons.some((reason) => reason.endsWith("1 fælles tidspunkt: Tirsdag aften")), reasons.join("\n")).toBe(true);
    expect(reasons.some((reason) => reason.endsWith("Kan kontaktes efter kl. 17")), reasons.join("\n")).toBe(true);

    await card.getByText(`Foreslå ${maja.name} som mentor`, { exact: true }).click();
    await card.getByLabel(/^Besked til mentoren/).fill(note);
    await checkA11y(coordinator);
    await card.getByRole("button", { name: "Send forslaget", exact: true }).click();
    await arrive(coordinator, youthPath, fullName);
    await expectToast(coordinator, "Forslaget er sendt. Mentoren får en e-mail og svarer i portalen.");
    expect(await summaryValue(section(coordinator, "Mentor"), "Status").innerText()).toBe("Foreslået – venter på mentorens svar");

    // 2. Maja finds the proposal from her start page, reads what the youth agreed to share, and says yes.
    const majaAccount = demoAccountByEmail(maja.email);
    await logIn(mentor, majaAccount);
    await mentor.getByText("Du har 1 forslag, der venter på dit svar.", { exact: true }).waitFor();
    await mentor.getByRole("link", { name: "Se dine forløb", exact: true }).click();
    await arrive(mentor, "/pairings", "Mine forløb");
    await mentor.getByRole("link", { name: firstName, exact: true }).click();
    await mentor.waitForURL((url) => /^\/pairings\/[0-9a-f-]{36}$/.test(url.pathname));
    const pairingPath = new URL(mentor.url()).pathname;
    const pairingId = pairingPath.split("/").pop()!;
    await arrive(mentor, pairingPath, new RegExp(`^${firstName}, \\d+ år$`));
    expect(await summaryValue(mentor, "Status").innerText()).toBe("Venter på dit svar");
    await mentor.getByText(summary, { exact: true }).waitFor();
    await mentor.getByText(note, { exact: true }).waitFor();
    // The email she got leads to the same page.
    const proposalLink = await readMailbox(admin.page, maja.email, pairingPath, "Et forslag om en ung til dig");
    expect(new URL(proposalLink).pathname).toBe(pairingPath);

    await mentor.getByRole("button", { name: "Ja tak", exact: true }).click();
    await expectToast(mentor, "Tak! Du har sagt ja. Koordinatoren sætter et opstartsmøde og skriver jeres aftale.");
    expect(await summaryValue(mentor, "Status").innerText()).toBe("Under opstart");

    // The coordinator writes the kick-off and the agreement on the youth's page.
    await visit(coordinator, youthPath);
    const agreement = coordinator.locator("#agreement");
    await agreement.getByLabel("Dato for opstartsmødet", { exact: true }).fill(today);
    await agreement.getByLabel("Klokkeslæt", { exact: true }).fill("15:00");
    await agreement.getByLabel("Hvor tit mødes de?", { exact: true }).fill("En gang om ugen");
    await agreement.getByLabel("Hvor mange måneder?", { exact: true }).fill("6");
    await agreement.getByLabel("Hvordan får de fat i hinanden?", { exact: true }).fill("SMS og telefon");
    await agreement.getByLabel("Aftale for tiden efter kl. 17", { exact: true }).fill("Liva må ringe til kl. 21 på hverdage.");
    await agreement.getByRole("button", { name: "Send aftalen til mentoren", exact: true }).click();
    await expectToast(coordinator, "Aftalen er sendt til mentoren.");
    expect(await summaryValue(agreement, "Bekræftet af mentoren").innerText()).toMatch(/^Ikke endnu – sendt /);

    // Maja reads the agreement and confirms it: the pairing is running.
    await visit(mentor, pairingPath);
    expect(await summaryValue(mentor, "Status").innerText()).toBe("Aftalen venter på din bekræftelse");
    expect(await summaryValue(mentor, "Sådan får I fat i hinanden").innerText()).toBe("SMS og telefon");
    await mentor.getByRole("button", { name: "Bekræft aftalen", exact: true }).click();
    await expectToast(mentor, "Aftalen er bekræftet. Forløbet er i gang.");
    expect(await summaryValue(mentor, "Status").innerText()).toBe("I gang");

    // 3. Maja logs a phone call outside working hours; it is marked as such.
    const contact = pastAfterHoursToday();
    const contacts = section(mentor, "Kontakter");
    await contacts.getByLabel("Dato", { exact: true }).fill(contact.date);
    await contacts.getByLabel("Klokkeslæt", { exact: true }).fill(contact.time);
    await contacts.getByLabel("Varighed i minutter", { exact: true }).fill("20");
    await contacts.getByRole("group", { name: "Hvordan havde I kontakt?" }).getByRole("radio", { name: "Telefon", exact: true }).check();
    await contacts.getByLabel(/^Kort note/).fill("Vi øvede jobsamtalen til i morgen.");
    await contacts.getByRole("button", { name: "Gem kontakten", exact: true }).click();
    await expectToast(mentor, "Kontakten er gemt og markeret som efter kl. 17 / weekend.");
    const logged = mentor.getByRole("table", { name: `Kontakter med ${firstName}, nyeste først` }).locator("tbody tr");
    expect(await logged.count()).toBe(1);
    await logged.first().getByText("Efter kl. 17 / weekend", { exact: true }).waitFor();
    expect(await logged.first().innerText()).toContain("20 min.");

    // 4. The coordinator follows the pairing up from the youth's page: the contact is there, marked.
    await visit(coordinator, youthPath);
    await coordinator.getByRole("link", { name: "Opfølgning på forløbet", exact: true }).click();
    await arrive(coordinator, `/coordinator/pairings/${pairingId}`, "Opfølgning på forløbet");
    expect(await summaryValue(coordinator, "Forløbet").innerText()).toBe("I gang");
    expect(await summaryValue(coordinator, "Kontakter efter kl. 17 eller i weekenden").innerText()).toBe("1 af 1");
    const seen = coordinator.getByRole("table", { name: "Kontakter registreret af mentoren" }).locator("tbody tr");
    expect(await seen.count()).toBe(1);
    await seen.first().getByText("Efter kl. 17 / weekend", { exact: true }).waitFor();
    expect(await seen.first().innerText()).toContain("Vi øvede jobsamtalen til i morgen.");

    // A check-in with both of them, the first one, so it asks whether they fit.
    const checkIn = section(coordinator, "Ny opfølgning");
    await checkIn.getByLabel("Dato for samtalen", { exact: true }).fill(today);
    await checkIn.getByRole("group", { name: "Hvem talte du med?" }).getByRole("radio", { name: "Begge", exact: true }).check();
    await checkIn.getByRole("group", { name: "Hvordan går det?" }).getByRole("radio", { name: "Godt", exact: true }).check();
    await checkIn.getByLabel(/^Fremgang på målene/).fill("Liva har sendt to ansøgninger om læreplads.");
    await checkIn.getByRole("group", { name: "Passer de godt sammen?" }).getByRole("radio", { name: "Ja", exact: true }).check();
    await checkIn.getByRole("group", { name: "Er du bekymret for den unges sikkerhed?" }).getByRole("radio", { name: "Nej", exact: true }).check();
    await checkIn.getByLabel(/^Næste skridt/).fill("Møde med virksomheden i næste uge.");
    await checkIn.getByRole("button", { name: "Gem opfølgning", exact: true }).click();
    await expectToast(coordinator, "Opfølgningen er gemt.");
    const held = section(coordinator, "Opfølgninger").locator("article");
    expect(await held.count()).toBe(1);
    expect(await summaryValue(held.first(), "Passer godt sammen").innerText()).toBe("Ja");

    // The goal is reached: a planned ending without a new mentor, and the youth's course ends in vocational education.
    const close = section(coordinator, "Afslut forløbet");
    await close.getByRole("group", { name: "Var afslutningen planlagt?" }).getByRole("radio", { name: "Planlagt", exact: true }).check();
    await close.getByRole("group", { name: "Årsag" }).getByRole("radio", { name: "Målet er nået", exact: true }).check();
    await close.getByLabel(/^Din afslutning/).fill("Liva er startet på tømreruddannelsen og har det godt.");
    await close.getByRole("group", { name: "Skal den unge have en ny mentor?" }).getByRole("radio", { name: "Nej", exact: true }).check();
    await close.getByLabel(/^Den unges forløb/).selectOption({ label: "Uddannelse: EUD" });
    await close.getByRole("button", { name: "Afslut forløbet", exact: true }).click();
    await expectToast(coordinator, "Forløbet er afsluttet, og det er den unges forløb i Ungeafdelingen også.");
    const ending = section(coordinator, "Afslutning");
    await ending.waitFor();
    expect(await summaryValue(ending, "Årsag").innerText()).toBe("Målet er nået");
    expect(await summaryValue(ending, "Ny mentor ønsket").innerText()).toBe("Nej");
    expect(await summaryValue(coordinator, "Forløbet").innerText()).toBe("Afsluttet");

    // The youth's record is closed with the outcome; Maja is told and her page says it ended.
    await visit(coordinator, youthPath);
    await coordinator.getByText(/^Forløbet blev afsluttet .+\. Udfald: Uddannelse: EUD\.$/).waitFor();
    const closedLink = await readMailbox(admin.page, maja.email, pairingPath, "Jeres forløb er afsluttet");
    expect(new URL(closedLink).pathname).toBe(pairingPath);
    await visit(mentor, pairingPath);
    expect(await summaryValue(mentor, "Status").innerText()).toBe("Afsluttet");

    // 5. The report for the year to date counts the outcome, the closed pairing and its after-hours contact.
    const after = await readReport(coordinator);
    expect(after).toEqual({
      youths: before.youths + 1,
      eud: before.eud + 1,
      activePairings: before.activePairings + 1,
      closedPairings: before.closedPairings + 1,
      afterHours: before.afterHours + 1,
    });
  });
});
