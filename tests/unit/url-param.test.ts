import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pipelineQuery } from "~/modules/volunteers/schemas";
import { urlParam } from "~/url-param";

describe("a URL parameter", () => {
  const page = urlParam(z.coerce.number().int().min(1).max(100), 1);

  it("takes its fallback when missing or not valid, and keeps a valid value", () => {
    expect(page.parse(undefined)).toBe(1);
    expect(page.parse("0")).toBe(1);
    expect(page.parse("two")).toBe(1);
    expect(page.parse("7")).toBe(7);
  });

  it("makes a list's URL state from whatever the URL holds, never an error", () => {
    expect(pipelineQuery.parse({ status: "submitted", sort: "nonsense", size: "13", coordinator: "not-a-uuid", page: "3" })).toEqual({
      page: 3,
      size: 25,
      sort: "daysWaiting",
      dir: "desc",
      q: "",
      status: "submitted",
      kind: "",
      town: "",
      coordinator: "",
      quick: "",
    });
  });
});
