import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { failedFieldErrors } from "~/components/course-admin/fields";
import { FilterActions, useListHref } from "~/components/data-table";
import { Alert, BackLink, Button, CheckboxField, ErrorSummary, Select } from "~/components/ui";
import type { FailedForm } from "~/components/vetting/forms";
import { CandidateCard, CompareTable, type Candidate } from "~/components/youths/MatchCandidates";
import { isOpenPairing } from "~/components/youths/PairingSection";
import { errorList, validateForm } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { getLatestPairing } from "~/modules/pairings/coordinator.server";
import { propose } from "~/modules/pairings/pairings.server";
import { suggestMentors } from "~/modules/pairings/suggestions.server";
import { isUuid } from "~/modules/volunteers/context.server";
import { mentorKinds } from "~/modules/volunteers/types";
import { actorOf, youthDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "youths.match.title", { name: data.youth.firstName }) : pageTitle(matches, "youths.list.title");

/** The filters, as the GET form puts them in the URL; anything unexpected is no filter. */
const matchFilters = z.object({
  kind: z.enum(mentorKinds).or(z.literal("")).catch(""),
  sameTown: z.enum(["1", ""]).catch(""),
  afterHours: z.enum(["1", ""]).catch(""),
});

/** The candidates to compare: `?compare=a,b` or one `compare` per ticked box. */
function compareIds(params: URLSearchParams) {
  return [...new Set(params.getAll("compare").flatMap((value) => value.split(",")))].filter(isUuid).slice(0, 3);
}

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:youth:any");
  const actor = actorOf(args, user);
  const youthId = args.params.youthId ?? "";
  const url = new URL(args.request.url);
  const filters = matchFilters.parse(Object.fromEntries(url.searchParams));
  // The suggestions and their filters are audited inside the module (`youth.suggestions_viewed`).
  const result = await suggestMentors(args.context.db, actor, youthId, {
    kind: filters.kind,
    sameTown: filters.sameTown === "1",
    afterHours: filters.afterHours === "1",
  });
  if (!result) throw refusal("not_found");
  const latest = await getLatestPairing(args.context.db, actor, youthId);
  const open = latest && isOpenPairing(latest) ? { mentorName: latest.mentorName } : null;
  // Only what the page shows of a mentor: no contact details, no wishes, no other answers.
  const suggestions: Candidate[] = result.suggestions.map((mentor) => ({
    volunteerId: mentor.volunteerId,
    name: mentor.name,
    kind: mentor.kind,
    town: mentor.town,
    capacity: mentor.capacity ?? 0,
    free: Math.max((mentor.capacity ?? 0) - mentor.openPairings, 0),
    score: mentor.score,
    reasons: mentor.reasons,
  }));
  const { profile } = result;
  return {
    youth: { ...result.youth, age: profile.age, town: profile.town, afterHoursSupport: profile.afterHoursSupport },
    filters,
    compare: compareIds(url.searchParams),
    suggestions: result.youth.status === "ready" && !open ? suggestions : [],
    open,
  };
}

const proposal = z.object({
  volunteerId: z.string().uuid(),
  note: z.string().trim().max(2000, "youths.match.noteTooLong").default(""),
});

type Refusal = "youth_not_ready" | "youth_has_pairing" | "mentor_full" | "mentor_not_eligible";
export type MatchActionResult = { form: FailedForm | null; problem: { key: MessageKey; volunteerId: string } | null };

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:youth:any");
  const youthId = args.params.youthId ?? "";
  const form = validateForm(await args.request.formData(), proposal);
  if (!form.ok) {
    if (form.errors.volunteerId) throw refusal("invalid");
    return data<MatchActionResult>({ form: { key: `propose-${form.values.volunteerId}`, errors: form.errors, values: form.values }, problem: null }, { status: 400 });
  }
  const { volunteerId, note } = form.data;
  const result = await propose(youthDeps(args), actorOf(args, user), youthId, volunteerId, { note });
  if (!result.ok) {
    if (result.reason === "forbidden" || result.reason === "not_found" || result.reason === "invalid") throw refusal(result.reason);
    const reason: Refusal = result.reason === "illegal_state" ? "youth_not_ready" : result.reason;
    return data<MatchActionResult>({ form: null, problem: { key: `youths.match.problems.${reason}`, volunteerId } }, { status: 409 });
  }
  return redirectWithToast(`/coordinator/youths/${youthId}`, { key: "youths.match.proposed", variant: "success" });
}

export default function MatchYouth() {
  const t = useT();
  const format = useFormat();
  const href = useListHref();
  const { youth, filters, compare, suggestions, open } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.form ?? null;
  const problem = result?.problem ?? null;
  const back = `/coordinator/youths/${youth.id}`;
  const filtered = Boolean(filters.kind || filters.sameTown || filters.afterHours);
  const ready = youth.status === "ready" && !open;
  const compared = compare.map((id) => suggestions.find((candidate) => candidate.volunteerId === id)).filter((candidate): candidate is Candidate => Boolean(candidate));
  const problemName = problem ? (suggestions.find((candidate) => candidate.volunteerId === problem.volunteerId)?.name ?? "") : "";

  return (
    <>
      <BackLink to={back}>{t("youths.match.back", { name: youth.firstName })}</BackLink>
      <h1>{t("youths.match.title", { name: youth.firstName })}</h1>
      <p className="font-lead">
        {t("youths.record.lead", { age: format.number(youth.age), town: youth.town })}
        {youth.afterHoursSupport ? ` · ${t("youths.match.needsAfterHours")}` : null}
      </p>

      <ErrorSummary errors={errorList(failedFieldErrors(failed), failed ? [`${failed.key}-note`] : [], t)} />
      {problem ? (
        <Alert variant="error" focus>
          {t(problem.key, { name: problemName })}
        </Alert>
      ) : null}

      {open ? (
        <Alert variant="info">
          <p className="mt-0">
            {t("youths.match.hasPairing", { name: youth.firstName, mentor: open.mentorName })} <Link to={`${back}#pairing`}>{t("youths.match.seePairing")}</Link>
          </p>
        </Alert>
      ) : youth.status !== "ready" ? (
        <Alert variant="info">
          <p className="mt-0">
            {t("youths.match.notReady", { name: youth.firstName, status: t(`youths.statuses.${youth.status}`).toLowerCase() })} <Link to={`${back}#status`}>{t("youths.match.seeStatus")}</Link>
          </p>
        </Alert>
      ) : null}

      {ready ? (
        <>
          <p>{t("youths.match.intro")}</p>
          <Form method="get" role="search" aria-label={t("youths.match.filtersLabel")}>
            <div className="row">
              <div className="col-12 col-md-6 col-lg-4">
                <Select
                  key={`kind-${filters.kind}`}
                  name="kind"
                  label={t("youths.match.kind")}
                  placeholder={t("youths.match.allKinds")}
                  options={mentorKinds.map((kind) => ({ value: kind, label: t(`vetting.kinds.${kind}`) }))}
                  defaultValue={filters.kind}
                />
              </div>
              <div className="col-12 col-md-6 col-lg-8">
                <CheckboxField key={`town-${filters.sameTown}`} name="sameTown" value="1" label={t("youths.match.sameTown", { town: youth.town })} defaultChecked={filters.sameTown === "1"} />
                <CheckboxField key={`after-${filters.afterHours}`} name="afterHours" value="1" label={t("youths.match.afterHours")} defaultChecked={filters.afterHours === "1"} />
              </div>
            </div>
            <FilterActions filtered={filtered} resetTo={href({ kind: null, sameTown: null, afterHours: null, compare: null })} />
          </Form>

          {compare.length > 0 ? (
            <section aria-labelledby="compare" className="mt-8">
              <h2 id="compare">{t("youths.match.compareHeading")}</h2>
              {compared.length === 2 ? (
                <CompareTable a={compared[0]!} b={compared[1]!} />
              ) : (
                <p>{t(compare.length === 2 ? "youths.match.compareMissing" : "youths.match.compareNeedTwo")}</p>
              )}
              <p>
                <Link to={href({ compare: null })}>{t("youths.match.compareClose")}</Link>
              </p>
            </section>
          ) : null}

          <section aria-labelledby="suggestions" className="mt-8">
            <h2 id="suggestions">{t("youths.match.suggestionsHeading")}</h2>
            <p role="status">{suggestions.length === 1 ? t("youths.match.countOne") : t("youths.match.count", { count: format.number(suggestions.length) })}</p>
            {suggestions.length === 0 ? (
              <p>{t(filtered ? "youths.match.emptyFiltered" : "youths.match.empty")}</p>
            ) : (
              <>
                {/* The candidates' compare boxes belong to this form by their `form` attribute: it sends them as the URL. */}
                <Form method="get" id="compare-form" aria-label={t("youths.match.compareLabel")}>
                  {Object.entries(filters)
                    .filter(([, value]) => value)
                    .map(([name, value]) => (
                      <input key={name} type="hidden" name={name} value={value} />
                    ))}
                  <p className="form-hint">{t("youths.match.compareHint")}</p>
                  <Button variant="secondary">{t("youths.match.compareSubmit")}</Button>
                </Form>
                <ol className="match-candidates">
                  {suggestions.map((candidate) => (
                    <CandidateCard key={candidate.volunteerId} candidate={candidate} comparing={compare.includes(candidate.volunteerId)} failed={failed} problem={problem?.volunteerId === candidate.volunteerId ? problem.key : null} />
                  ))}
                </ol>
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
