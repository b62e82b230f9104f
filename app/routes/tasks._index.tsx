import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterActions, ResultCount, listHref, pageBeyondEnd, pageRange, useListHref, usePageHref } from "~/components/data-table";
import { TaskTags, useTaskText } from "~/components/tasks/task-text";
import { CheckboxGroup, Pagination, Select } from "~/components/ui";
import { publicPageHeaders } from "~/http-cache";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { listPublicTasks, listPublicTaskTowns, townName } from "~/modules/associations/tasks.server";
import { taskCategories, taskTags } from "~/modules/associations/types";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tasks.list.title");

// The same for every visitor, mentors and coordinators included: the shared page cache keeps the visitors' copy (ADR 0008).
export const headers = publicPageHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const input = { ...Object.fromEntries(url.searchParams), tags: url.searchParams.getAll("tags") };
  const [result, towns] = await Promise.all([listPublicTasks(context.db, input), listPublicTaskTowns(context.db)]);
  const { query, rows, total, more, size } = result;
  const lastPage = pageBeyondEnd(query.page, size, total);
  if (lastPage !== null) throw redirect(listHref(url, { page: lastPage > 1 ? lastPage : null }));
  // Towns are kept in one spelling; a bookmarked town without open tasks stays chosen in the filter.
  const chosenTown = query.town ? townName(query.town) : "";
  return { query, rows, total, more, size, towns: chosenTown && !towns.includes(chosenTown) ? [...towns, chosenTown] : towns, chosenTown };
}

export default function TaskList() {
  const t = useT();
  const text = useTaskText();
  const { query, rows, total, more, size, towns, chosenTown } = useLoaderData<typeof loader>();
  const href = useListHref();
  const pageHref = usePageHref();
  const { pageCount } = pageRange(query.page, size, total);
  const filtered = Boolean(query.town || query.category || query.when || query.tags.length);

  return (
    <>
      <h1>{t("tasks.list.title")}</h1>
      <p className="font-lead">{t("tasks.list.intro")}</p>

      {/* GET: the filters become the URL, so a filtered list can be bookmarked and works without JavaScript. */}
      <Form method="get" role="search" aria-label={t("tasks.list.filtersLabel")}>
        <div className="row">
          <div className="col-12 col-sm-6 col-lg-4">
            <Select
              key={`town-${chosenTown}`}
              name="town"
              label={t("tasks.list.town")}
              placeholder={t("tasks.list.allTowns")}
              options={towns.map((town) => ({ value: town, label: town }))}
              defaultValue={chosenTown}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <Select
              key={`category-${query.category}`}
              name="category"
              label={t("tasks.list.category")}
              placeholder={t("tasks.list.allCategories")}
              options={taskCategories.map((category) => ({ value: category, label: t(`tasks.categories.${category}`) }))}
              defaultValue={query.category}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <Select
              key={`when-${query.when}`}
              name="when"
              label={t("tasks.list.when")}
              placeholder={t("tasks.list.anyTime")}
              options={[
                { value: "day", label: t("tasks.list.day") },
                { value: "evening", label: t("tasks.list.evening") },
              ]}
              defaultValue={query.when}
            />
          </div>
        </div>
        <CheckboxGroup
          key={`tags-${query.tags.join(",")}`}
          name="tags"
          legend={t("tasks.list.tags")}
          hint={t("tasks.list.tagsHint")}
          options={taskTags.map((tag) => ({ value: tag, label: t(`tasks.tags.${tag}`) }))}
          defaultValues={query.tags}
        />
        <FilterActions filtered={filtered} resetTo={href({ town: null, category: null, when: null, tags: null, page: null })} />
      </Form>

      <ResultCount page={query.page} size={size} total={total} shown={rows.length} one="tasks.list.showingOne" many={more ? "tasks.list.showingMore" : "tasks.list.showing"} />
      {rows.length === 0 ? (
        <p>{t(filtered ? "tasks.list.emptyFiltered" : "tasks.list.empty")}</p>
      ) : (
        <ul className="bordered-list mt-5">
          {rows.map((task) => (
            <li key={task.id} className="py-5">
              <h2 className="h3 mt-0 mb-2">
                <Link to={`/tasks/${task.id}`}>{task.title}</Link>
              </h2>
              <p className="mt-0 mb-2">
                {task.associationName} · {task.town} · {t(`tasks.categories.${task.category}`)}
              </p>
              <p className="mt-0 mb-2">
                {text.when(task)} · <strong>{text.places(task)}</strong>
              </p>
              <TaskTags tags={task.tags} involvesChildren={task.involvesChildren} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageHref} label={t("tasks.list.pagination")} />
    </>
  );
}
