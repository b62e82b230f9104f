import type { Messages } from "~/i18n/catalogue";

export const ui: Messages["ui"] = {
  field: {
    errorPrefix: "Error:",
    optional: "(optional)",
  },
  errorSummary: {
    heading: "There is a problem",
  },
  alert: {
    info: "Information",
    success: "Success",
    warning: "Warning",
    error: "Error",
  },
  toast: {
    close: "Close",
  },
  modal: {
    close: "Close",
    cancel: "Cancel",
  },
  pagination: {
    label: "Pagination",
    first: "First page",
    previous: "Previous",
    previousPage: "Previous page",
    next: "Next",
    nextPage: "Next page",
    last: "Last page",
    page: "Page {page}",
    pageOf: "Page {page} of {count}",
    hiddenPages: "Hidden pages",
    ellipsis: "…",
  },
  steps: {
    label: "Steps",
    stepOf: "Step {n} of {total}",
    done: "Step {n} completed",
  },
};
