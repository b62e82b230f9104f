import { describe, expect, it } from "vitest";
import { renderEmail, type EmailProps } from "#emails/index";

const url = "http://localhost:3000/application";
type VolunteerTemplate = "applicationReceived" | "actionNeeded" | "volunteerApproved" | "volunteerRejected" | "renewalDue" | "approvalExpired";
const samples: { [T in VolunteerTemplate]: EmailProps<T> } = {
  applicationReceived: { name: "Ane", url },
  actionNeeded: { name: "Ane", url },
  volunteerApproved: { name: "Ane", url, approvedUntil: "2028-02-01" },
  volunteerRejected: { name: "Ane", url, reason: "references" },
  renewalDue: { name: "Ane", url, approvedUntil: "2026-04-10" },
  approvalExpired: { name: "Ane", url },
};

describe("vetting emails", () => {
  it.each(Object.keys(samples) as VolunteerTemplate[])("%s is Danish and English and links back to the portal", async (name) => {
    const da = await renderEmail(name, samples[name] as never, "da", { portalUrl: "http://localhost:3000" });
    const en = await renderEmail(name, samples[name] as never, "en", { portalUrl: "http://localhost:3000" });
    expect(da.subject).not.toBe(en.subject);
    expect(da.text).toContain("Hej Ane,");
    expect(en.text).toContain("Hi Ane,");
    expect(da.text).toContain(url);
    expect(da.html.split(`href="${url}"`).length - 1).toBeGreaterThanOrEqual(2);
    expect(da.text).not.toMatch(/email\.\w+\./);
    expect(en.text).not.toMatch(/email\.\w+\./);
  });

  it("names the rejection's category in words, and the dates in the reader's language", async () => {
    const rejected = await renderEmail("volunteerRejected", samples.volunteerRejected, "da");
    expect(rejected.text).toContain("vores samtaler med dine referencer");
    const due = await renderEmail("renewalDue", samples.renewalDue, "en");
    expect(due.text).toContain("10 Apr 2026");
  });
});
