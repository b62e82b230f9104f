import type { Messages } from "~/i18n/catalogue";

export const followUp: Messages["followUp"] = {
  nav: {
    settings: "Check-in schedule",
  },
  reasons: {
    checkInOverdue: "The check-in was due by {date} – {days} days overdue",
    checkInOverdueOne: "The check-in was due by {date} – 1 day overdue",
    quiet: "No contact for {days} days",
    quietSinceStart: "No contact logged in the {days} days since the start",
    helpRequested: "The mentor asked for help",
    safetyConcern: "A concern for the young person's safety at the latest check-in",
  },
  start: {
    heading: "Needs follow-up",
    intro: "Active pairings you are the responsible coordinator for where a check-in is overdue, there has been no contact for 14 days, or something is flagged.",
    pairing: "{youth} and {mentor}",
    count: "{count} pairings need follow-up.",
    countOne: "1 pairing needs follow-up.",
    empty: "None of your pairings needs follow-up right now.",
  },
  settings: {
    title: "Check-in schedule",
    intro: "How often the coordinator holds check-ins with an active pairing. It applies to every pairing; an overdue check-in shows on the coordinator's start page and in the daily email.",
    firstMonth: "Check-ins in the first month",
    firstMonthHint: "Spread evenly over the pairing's first 30 days. A whole number from 1 to 4.",
    firstMonthRange: "Enter a whole number of check-ins from 1 to 4.",
    intervalDays: "Days between check-ins after that",
    intervalDaysHint: "For example 30 for once a month. A whole number from 7 to 90.",
    intervalDaysRange: "Enter a whole number of days from 7 to 90.",
    save: "Save the check-in schedule",
    saved: "The check-in schedule is saved.",
  },
  email: {
    subject: "{count} pairings need follow-up",
    subjectOne: "1 pairing needs follow-up",
    preview: "Today's overview of pairings that need follow-up.",
    intro: "These pairings you are responsible for need follow-up:",
    pairing: "{youth} and mentor {mentor}",
    flagged: "Flagged in the portal – log in to see why",
    more: "And {count} more pairings. Your start page shows them all.",
    moreOne: "And 1 more pairing. Your start page shows it.",
    why: "You get this overview on weekdays while one of your pairings needs follow-up.",
    action: "Go to your start page",
  },
};
