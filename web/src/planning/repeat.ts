/** A task's recurrence (an RRULE subset, openapi.yaml Recurrence) as plain choices and words. */

/** The repeat select's choices; '' does not repeat. */
export const REPEAT_CHOICES = [
  { label: 'Does not repeat', rule: '' },
  { label: 'Daily', rule: 'FREQ=DAILY' },
  { label: 'Weekdays', rule: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR' },
  { label: 'Weekly', rule: 'FREQ=WEEKLY' },
  { label: 'Monthly', rule: 'FREQ=MONTHLY' },
  { label: 'Yearly', rule: 'FREQ=YEARLY' },
] as const;

const FREQ: Record<string, [once: string, unit: string]> = {
  DAILY: ['daily', 'days'],
  WEEKLY: ['weekly', 'weeks'],
  MONTHLY: ['monthly', 'months'],
  YEARLY: ['yearly', 'years'],
};
const DAYS: Record<string, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};

/** The choice a rule is, if it is one of REPEAT_CHOICES (a rule made elsewhere may not be). */
export const choiceOf = (rule: string | null) =>
  REPEAT_CHOICES.find((c) => c.rule === (rule ?? '').toUpperCase());

/** "weekly", "on weekdays", "every 2 weeks on Mon, Wed, 3 occurrences left": after "Repeats: ". */
export function describeRepeat(rule: string): string {
  const choice = choiceOf(rule);
  if (choice?.rule === REPEAT_CHOICES[2].rule) return 'on weekdays';
  if (choice) return choice.label.toLowerCase();
  const parts = new Map(
    rule
      .toUpperCase()
      .split(';')
      .map((p) => p.split('=') as [string, string | undefined]),
  );
  const [once, unit] = FREQ[parts.get('FREQ') ?? ''] ?? [rule, ''];
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const words = [interval > 1 ? `every ${interval} ${unit}` : once];
  const days = parts.get('BYDAY');
  if (days)
    words.push(
      `on ${days
        .split(',')
        .map((d) => DAYS[d] ?? d)
        .join(', ')}`,
    );
  const text = words.join(' ');
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count) return `${text}, ${count} ${count === '1' ? 'occurrence' : 'occurrences'} left`;
  if (until) return `${text}, until ${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
  return text;
}
