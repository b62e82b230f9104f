export const ui = {
  field: {
    errorPrefix: "Fejl:",
    optional: "(frivilligt)",
  },
  errorSummary: {
    heading: "Der er problemer",
  },
  alert: {
    info: "Information",
    success: "Succes",
    warning: "Advarsel",
    error: "Fejl",
  },
  toast: {
    close: "Luk",
  },
  modal: {
    close: "Luk",
    cancel: "Annuller",
  },
  pagination: {
    label: "Paginering",
    first: "Første side",
    previous: "Forrige",
    previousPage: "Forrige side",
    next: "Næste",
    nextPage: "Næste side",
    last: "Sidste side",
    page: "Side {page}",
    pageOf: "Side {page} af {count}",
    hiddenPages: "Skjulte sider",
    ellipsis: "…",
  },
  steps: {
    label: "Trinindikator",
    stepOf: "Trin {n} af {total}",
    done: "Trin {n} gennemført",
  },
};
