/** How long ago a time was, in the reader's words. */

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** `then` relative to `now`, in the reader's language: "2 minutes ago", "just now". */
export function relativeTime(then: Date, now: Date, locale?: string): string {
  let amount = (then.getTime() - now.getTime()) / 1000;
  if (Math.abs(amount) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return then.toLocaleDateString(locale);
}
