import { useFormatter } from "next-intl";

/** The case page's two ways of showing a moment: a date with its time, and a day. */
export function useCaseDates() {
  const format = useFormatter();
  return {
    when: (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }),
    day: (date: Date) => format.dateTime(date, { dateStyle: "medium" }),
  };
}
