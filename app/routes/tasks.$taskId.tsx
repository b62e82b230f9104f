import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProposeSlot } from "~/components/tasks/ProposeSlot";
import { TaskDetails } from "~/components/tasks/TaskDetails";
import { BackLink } from "~/components/ui";
import { publicPageHeaders } from "~/http-cache";
import { refusal } from "~/http-refusal";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { getCurrentUser } from "~/modules/auth/guards.server";
import { getPublicTask, seesTaskContacts } from "~/modules/associations/tasks.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "tasks.page.pageTitle", { title: data.task.title }) : pageTitle(matches, "errors.notFound.title");

/**
 * The same for every visitor: the shared page cache keeps their copy (ADR 0008). Mentors and coordinators get
 * the contact person's phone and email too, in a copy that is private to them (the server never caches a page
 * rendered for someone logged in).
 */
export const headers = publicPageHeaders;

export async function loader(args: LoaderFunctionArgs) {
  const user = await getCurrentUser(args);
  const contacts = await seesTaskContacts(args.context.db, user);
  const found = await getPublicTask(args.context.db, args.params.taskId ?? "", { contacts });
  if (!found) throw refusal("not_found");
  return { ...found, contactsHidden: !contacts };
}

export default function TaskPage() {
  const t = useT();
  const { task, association, contactsHidden } = useLoaderData<typeof loader>();
  const full = task.placesTaken >= task.places;
  return (
    <>
      <BackLink to="/tasks">{t("tasks.page.back")}</BackLink>
      <h1>{task.title}</h1>
      <p className="font-lead">
        {association.name} · {task.town}
      </p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <TaskDetails task={task} contactsHidden={contactsHidden} />
          {/* Proposing a young person for the task: filled in by the participations. */}
          <div id="propose">
            <ProposeSlot taskId={task.id} full={full} />
          </div>
          <section aria-labelledby="association" className="mt-8">
            <h2 id="association">{t("tasks.page.association")}</h2>
            <p>
              <strong>{association.name}</strong>
              <br />
              {t(`tasks.page.kinds.${association.kind}`)} · {association.town}
            </p>
            <p className="preformatted">{association.description}</p>
            {association.website ? (
              <p>
                <a href={association.website} rel="noopener noreferrer">
                  {t("tasks.page.website")}
                </a>
              </p>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}
