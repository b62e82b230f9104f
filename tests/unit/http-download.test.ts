import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "~/http-download";

describe("attachmentDisposition", () => {
  it("keeps a plain ASCII name as it is, in both forms", () => {
    expect(attachmentDisposition("kursus.ics")).toBe(`attachment; filename="kursus.ics"; filename*=UTF-8''kursus.ics`);
  });

  it("writes Danish letters in filename* and leaves the quoted name ASCII", () => {
    expect(attachmentDisposition("Kursus i Ærø (del 1).ics")).toBe(
      `attachment; filename="Kursus i _r_ (del 1).ics"; filename*=UTF-8''Kursus%20i%20%C3%86r%C3%B8%20%28del%201%29.ics`,
    );
  });

  it("cannot be used to end the quoted name or the header", () => {
    const header = attachmentDisposition('a"; filename="evil.html\r\nSet-Cookie: x=1\\.ics');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    // A header value the Fetch API accepts.
    expect(() => new Headers({ "Content-Disposition": header })).not.toThrow();
  });
});
