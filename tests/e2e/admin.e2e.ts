import { describe, expect, test } from "vitest";
import {
  arrive,
  browsersPerTest,
  checkA11y,
  demoAccount,
  logIn,
  submitLogin,
  toastText,
  visit,
} from "./helpers";

const freshBrowser = browsersPerTest();

describe("the admin's user administration", () => {
  test("find a user, change the role, disable the account after confirming, and see it all in the audit log", async () => {
    const { page } = await freshBrowser();
    const association = demoAccount("association");
    await logIn(page, demoAccount("admin"));

    await visit(page, "/admin/users");
    await page.getByLabel("Søg", { exact: true }).fill("forening@demo");
    await page.getByRole("button", { name: "Filtrér", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "forening@demo");
    await checkA11y(page);
    const rows = page.locator("table tbody tr");
    expect(await rows.count()).toBe(1);
    expect(await page.getByRole("status").innerText()).toBe("Viser 1 bruger");

    await rows.first().getByRole("link").click();
    await page.waitForURL((url) => /^\/admin\/users\/[0-9a-f-]{36}$/.test(url.pathname));
    const userPath = new URL(page.url()).pathname;
    await arrive(page, userPath, /Fie Forening/);

    await page.getByLabel("Rolle", { exact: true }).selectOption("coordinator");
    await page.getByRole("button", { name: "Skift rolle", exact: true }).click();
    await page.locator(".toast").getByText("Rollen er ændret. Brugeren er logget ud.").waitFor();
    expect(await page.getByLabel("Rolle", { exact: true }).inputValue()).toBe("coordinator");

    // Disabling asks first; cancelling changes nothing.
    await page.getByRole("button", { name: "Deaktivér bruger", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.getByRole("heading").innerText()).toContain("Vil du deaktivere");
    await checkA11y(page);
    await dialog.getByRole("button", { name: "Deaktivér bruger", exact: true }).click();
    await page.locator(".toast").getByText("Brugeren er deaktiveret og logget ud.").waitFor();
    expect(await toastText(page)).toBe("Brugeren er deaktiveret og logget ud.");
    expect(new URL(page.url()).pathname).toBe(userPath);

    // The disabled account can no longer log in.
    const other = await freshBrowser();
    await visit(other.page, "/login");
    await submitLogin(other.page, association.email, association.password);
    await other.page.getByText("Din bruger er spærret").waitFor();

    await visit(page, "/admin/audit?action=admin.");
    const actions = await page.locator("table tbody").innerText();
    expect(actions).toContain("admin.role_changed");
    expect(actions).toContain("admin.account_disabled");

    // Put the demo account back as it was, for the other tests.
    await visit(page, userPath);
    await page.getByLabel("Rolle", { exact: true }).selectOption("association");
    await page.getByRole("button", { name: "Skift rolle", exact: true }).click();
    await page.locator(".toast").getByText("Rollen er ændret. Brugeren er logget ud.").waitFor();
    await page.getByRole("button", { name: "Aktivér bruger", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Aktivér bruger", exact: true }).click();
    await page.locator(".toast").getByText("Brugeren er aktiveret igen.").waitFor();
    await arrive(page, userPath, /Fie Forening/);
  });
});
