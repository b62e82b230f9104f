import type { Messages } from "~/i18n/catalogue";

export const errors: Messages["errors"] = {
  home: "Go to the front page",
  notFound: { title: "Page not found", body: "We cannot find the page you are looking for. The link may be out of date." },
  forbidden: { title: "No access", body: "You do not have access to this page. Contact the Youth Unit if you think this is a mistake." },
  tooMany: { title: "Too many attempts", body: "Please wait a little and try again." },
  server: { title: "Something went wrong", body: "Something went wrong on our side. Please try again shortly. The error has been logged." },
};
