import { describe, expect, it } from "vitest";
import { loader } from "~/routes/mentor.$kind";

/** What the loader throws, or null when it returns. */
function thrownBy(kind: string) {
  try {
    loader({ params: { kind } });
    return null;
  } catch (thrown) {
    return thrown;
  }
}

describe("the mentor kind pages", () => {
  it("serves each kind at its own address", () => {
    expect(loader({ params: { kind: "business" } })).toEqual({ kind: "business" });
    expect(loader({ params: { kind: "civil-society" } })).toEqual({ kind: "civil_society" });
    expect(loader({ params: { kind: "company" } })).toEqual({ kind: "company" });
  });

  it("answers 404 for any other address, including the kinds' internal names", () => {
    for (const kind of ["volunteer", "civil_society", "Business", "constructor", ""]) {
      const thrown = thrownBy(kind);
      expect(thrown, kind).toBeInstanceOf(Response);
      expect((thrown as Response).status, kind).toBe(404);
    }
  });
});
