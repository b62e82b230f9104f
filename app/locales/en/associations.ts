import type { Messages } from "~/i18n/catalogue";

export const associations: Messages["associations"] = {
  errors: {
    cvr: "Enter a valid 8-digit CVR number, or leave the field empty.",
    website: "Enter a valid web address, e.g. www.theclub.dk.",
    kind: "Choose what kind of association you are.",
    category: "Choose a category.",
    schedule: "Choose when the task takes place.",
    places: "Enter a whole number of places from 1 to 500.",
    minutes: "Enter how many minutes one occasion lasts – a whole number from 5 to 1,440.",
    minimumAge: "Enter a minimum age from 13 to 30.",
    expiresOn: "Enter a valid date for when the post expires.",
    startsAt: "Enter a valid date and time for when the task starts.",
    endsAt: "Enter an end time after the start time.",
    recurrence: "Enter when the task repeats, e.g. “Tuesdays 17–19”.",
    hours: "Enter the hours as a number, e.g. 6 or 7.5.",
  },
};
