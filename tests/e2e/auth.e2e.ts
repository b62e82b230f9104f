import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  arrive,
  browsersPerTest,
  checkA11y,
  demoAccount,
  errorSummary,
  heading,
  htmlLang,
  logIn,
  logOut,
  newPerson,
  openBrowser,
  readMailbox,
  signUpAndVerify,
  submitLogin,
  toastText,
  visit,
  type Browser,
} from "./helpers";

// The admin reads the portal's mailbox in a browser of their own, kept for the whole file.
let admin: Browser;
const freshBrowser = browsersPerTest();

beforeAll(async () => {
  admin = await openBrowser();
});

afterAll(async () => {
  await admin?.close();
  expect(admin?.errors ?? [], "uncaught errors in the admin's pages").toEqual([]);
});

describe("an account, as a person uses it (Danish by default)", () => {
  test("sign up, confirm the address from the email, log in, log out", async () => {
    const { page } = await freshBrowser();
    const person = newPerson("Signe");

    await visit(page, "/");
    expect(await htmlLang(page)).toBe("da");
    await page.getByRole("link", { name: "Opret bruger", exact: true }).first().click();
    await arrive(page, "/signup", "Opret bruger");

    await page.getByLabel("Fulde navn").fill(person.name);
    await page.getByLabel("E-mail", { exact: true }).fill(person.email);
    await page.getByLabel("Adgangskode", { exact: true }).fill(person.password);
    await page.getByRole("radio", { name: "Dansk", exact: true }).check();
    await page.getByRole("button", { name: "Opret bruger", exact: true }).click();
    await arrive(page, "/check-email", "Tjek din e-mail");

    const link = await readMailbox(admin.page, person.email, "/verify-email?token=");
    expect(new URL(link).origin, "links in emails point at the portal").toBe(new URL(page.url()).origin);
    await visit(page, link);
    expect(await heading(page)).toBe("Bekræft din e-mailadresse");
    await page.getByRole("button", { name: "Bekræft e-mailadresse", exact: true }).click();
    await arrive(page, "/login", "Log ind");
    expect(await toastText(page)).toBe("Din e-mailadresse er bekræftet. Du kan nu logge ind.");

    await submitLogin(page, person.email, person.password);
    await arrive(page, "/dashboard", `Velkommen, ${person.name}`);
    await page.getByText("Du er logget ind som frivillig.").waitFor();

    await logOut(page);
    expect(await toastText(page)).toBe("Du er logget ud.");

    // The session is gone: a page that needs a login sends the person to the login page.
    await visit(page, "/account");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await heading(page)).toBe("Log ind");
  });

  test("the sign-up form explains what is missing and keeps what was typed", async () => {
    const { page } = await freshBrowser();
    await visit(page, "/signup");

    await page.getByRole("button", { name: "Opret bruger", exact: true }).click();
    expect(await errorSummary(page)).toEqual([
      { href: "#name", text: "Skriv dit navn." },
      { href: "#email", text: "Skriv din e-mailadresse." },
      { href: "#password", text: "Skriv din adgangskode." },
    ]);
    expect(new URL(page.url()).pathname).toBe("/signup");
    await checkA11y(page);

    // The summary links to its field.
    await page.getByRole("link", { name: "Skriv din e-mailadresse." }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("email");

    await page.getByLabel("Fulde navn").fill("Karl Kladde");
    await page.getByLabel("E-mail", { exact: true }).fill("karl-ved-eksempel.dk");
    await page.getByRole("radio", { name: "English", exact: true }).check();
    await page.getByRole("button", { name: "Opret bruger", exact: true }).click();
    await page.getByRole("link", { name: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk." }).waitFor();
    expect(await errorSummary(page)).toEqual([
      { href: "#email", text: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk." },
      { href: "#password", text: "Skriv din adgangskode." },
    ]);
    expect(await page.getByLabel("Fulde navn").inputValue()).toBe("Karl Kladde");
    expect(await page.getByLabel("E-mail", { exact: true }).inputValue()).toBe("karl-ved-eksempel.dk");
    expect(await page.getByRole("radio", { name: "English", exact: true }).isChecked()).toBe(true);
    await checkA11y(page);

    // A common password is refused, with a Danish explanation beside the field.
    const email = newPerson("Karl").email;
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Adgangskode", { exact: true }).fill("password1234");
    await page.getByRole("button", { name: "Opret bruger", exact: true }).click();
    const weak = "Adgangskoden er for nem at gætte. Brug fx flere ord, der ikke hænger sammen.";
    await page.getByRole("link", { name: weak }).waitFor();
    expect(await errorSummary(page)).toEqual([{ href: "#password", text: weak }]);
    expect(await page.locator("#password-error").innerText()).toContain(weak);
    expect(new URL(page.url()).pathname).toBe("/signup");
    expect(await page.getByLabel("Fulde navn").inputValue()).toBe("Karl Kladde");
    expect(await page.getByLabel("E-mail", { exact: true }).inputValue()).toBe(email);
    await checkA11y(page);
  });

  test("reset a forgotten password from the emailed link", async () => {
    const { page } = await freshBrowser();
    const person = newPerson("Rasmus");
    await signUpAndVerify(page, admin.page, person);

    await page.getByRole("link", { name: "Har du glemt din adgangskode?" }).click();
    await arrive(page, "/forgot-password", "Glemt adgangskode");
    await page.getByLabel("E-mail", { exact: true }).fill(person.email);
    await page.getByRole("button", { name: "Send link", exact: true }).click();
    await page.getByText("Hvis der findes en bruger med adressen, har vi sendt et link.", { exact: false }).waitFor();
    await checkA11y(page);

    const link = await readMailbox(admin.page, person.email, "/reset-password?token=");
    await visit(page, link);
    expect(await heading(page)).toBe("Vælg ny adgangskode");
    const newPassword = `${person.password}-ny-sommer`;
    await page.getByLabel("Ny adgangskode").fill(newPassword);
    await page.getByRole("button", { name: "Gem ny adgangskode", exact: true }).click();
    await arrive(page, "/login", "Log ind");
    expect(await toastText(page)).toBe("Din adgangskode er skiftet. Log ind med den nye adgangskode.");

    // The old password no longer works.
    await submitLogin(page, person.email, person.password);
    await page.getByText("E-mail eller adgangskode er forkert.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await checkA11y(page);

    await submitLogin(page, person.email, newPassword);
    await arrive(page, "/dashboard", `Velkommen, ${person.name}`);

    // The link was used up.
    await visit(page, link.replace(/^https?:\/\/[^/]+/, ""));
    expect(await page.getByText("Linket er ugyldigt eller udløbet.").count()).toBeGreaterThan(0);
  });

  test("switch to English: the page, the next page, and a logged-in user's stored choice", async () => {
    const visitor = await freshBrowser();
    const { page } = visitor;
    await visit(page, "/");
    expect(await htmlLang(page)).toBe("da");
    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(new URL(page.url()).pathname).toBe("/");
    await page.getByRole("button", { name: "Dansk", exact: true }).waitFor();
    await checkA11y(page);

    // The choice is remembered (a cookie): the next page is English too, also when loaded afresh.
    await visit(page, "/login");
    expect(await htmlLang(page)).toBe("en");
    expect(await heading(page)).toBe("Log in");

    // A logged-in user's choice is stored on the account.
    const user = await freshBrowser();
    const person = newPerson("Emma");
    await signUpAndVerify(user.page, admin.page, person);
    await submitLogin(user.page, person.email, person.password);
    await arrive(user.page, "/dashboard", `Velkommen, ${person.name}`);
    await user.page.getByRole("button", { name: "English", exact: true }).click();
    await arrive(user.page, "/dashboard", `Welcome, ${person.name}`);
    expect(await htmlLang(user.page)).toBe("en");
    await logOut(user.page, "Log out");

    // Without any cookie left the portal is Danish again, until this user logs in.
    await user.context.clearCookies();
    await visit(user.page, "/login");
    expect(await htmlLang(user.page)).toBe("da");
    await submitLogin(user.page, person.email, person.password);
    await arrive(user.page, "/dashboard", `Welcome, ${person.name}`);
    expect(await htmlLang(user.page)).toBe("en");
  });

  test("on a phone: the menu, the language switch and logging out are all on the page", async () => {
    const { page } = await freshBrowser();
    await page.setViewportSize({ width: 390, height: 844 });
    const volunteer = demoAccount("volunteer");
    await visit(page, "/");
    for (const name of ["Forside", "Log ind", "Opret bruger"]) {
      expect(await page.getByRole("navigation").getByRole("link", { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await page.getByRole("button", { name: "English", exact: true }).isVisible()).toBe(true);
    await logIn(page, volunteer);
    expect(await page.getByRole("navigation").getByRole("link", { name: "Min konto", exact: true }).isVisible()).toBe(true);
    await logOut(page);
  });

  test("keyboard: the skip link is the first tab stop and moves focus to the main content", async () => {
    const { page } = await freshBrowser();
    await visit(page, "/login");
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute("href"),
    }));
    expect(first).toEqual({ tag: "A", text: "Gå til sidens indhold", href: "#main-content" });
    expect(await page.locator(":focus").isVisible(), "the focused skip link is visible").toBe(true);
    await checkA11y(page);

    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.tagName === "MAIN");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");

    // The next tab stop is inside the main content, not back in the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
  });

  test("an unknown address shows the Danish 404 page", async () => {
    const { page } = await freshBrowser();
    await visit(page, "/denne-side-findes-ikke", { status: 404 });
    expect(await htmlLang(page)).toBe("da");
    expect(await heading(page)).toBe("Siden findes ikke");
    await page.getByText("Vi kan ikke finde den side, du leder efter.", { exact: false }).waitFor();
    await page.getByRole("link", { name: "Gå til forsiden" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await checkA11y(page);
  });

  test("a volunteer cannot open the admin's user list (403)", async () => {
    const { page } = await freshBrowser();
    await logIn(page, demoAccount("volunteer"));
    await visit(page, "/admin/users", { status: 403 });
    expect(await heading(page)).toBe("Ingen adgang");
    expect(await htmlLang(page)).toBe("da");
  });
});
