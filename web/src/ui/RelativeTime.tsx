/** "Updated 2 minutes ago", the exact time in its tooltip and `datetime`; kept fresh each minute. */
import { useEffect, useState } from 'preact/hooks';
import { relativeTime } from './time.js';

/** The time now, renewed every `everyMs`. */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function RelativeTime({ iso, label }: { iso: string; label: string }) {
  const now = useNow();
  const then = new Date(iso);
  const exact = then.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'long' });
  return (
    <time dateTime={iso} title={exact}>
      {label} {relativeTime(then, now)}
    </time>
  );
}
