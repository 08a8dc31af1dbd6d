/**
 * The longest time between two runs of a cron schedule, as Velero reads a Schedule's spec.schedule
 * (robfig/cron, standard five fields, UTC). Used to judge whether a DR tier's backup cadence can meet
 * its RPO: the data lost in the worst case is what was written since the last backup, so the longest
 * gap between two runs is the RPO the cadence can promise.
 *
 * Exact, not sampled: the runs of a day are the same every day (minute × hour), so only the days
 * differ; the days are walked over one Gregorian cycle of 400 years (146 097 days, a whole number
 * of weeks), after which months, leap days and weekdays repeat, and the gap across the cycle's end
 * is counted too. Day of month and day of week combine as in cron: when both are restricted
 * (neither starts with `*`, or a `*` has a step), a day matching either runs.
 */

const CYCLE_DAYS = 146_097;
const DAY_MINUTES = 1440;

interface FieldRange {
  readonly min: number;
  readonly max: number;
}

const RANGES: readonly FieldRange[] = [
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 7 }, // day of week (7 is Sunday, as 0)
];

const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** The values a field allows and whether it is unrestricted (`*` or `?` without a step), or undefined when it does not parse. */
function parseField(text: string, r: FieldRange): { values: Set<number>; star: boolean } | undefined {
  const values = new Set<number>();
  let star = false;
  for (const part of text.split(',')) {
    const m = /^(\*|\?|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const [, all, lo, hi, stepText] = m;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return undefined;
    let start: number;
    let end: number;
    if (all === '*' || all === '?') {
      [start, end] = [r.min, r.max];
      if (step === 1) star = true;
    } else {
      start = Number(lo);
      // `N/step` means N to the end of the range
      end = hi !== undefined ? Number(hi) : stepText !== undefined ? r.max : start;
    }
    if (start < r.min || end > r.max || start > end) return undefined;
    for (let v = start; v <= end; v += step) values.add(v);
  }
  return { values, star };
}

/** Minutes since the start of the cycle of each run's day, walking the calendar from 2000-01-01 (a Saturday). */
function runDays(dom: { values: Set<number>; star: boolean }, month: Set<number>, dow: { values: Set<number>; star: boolean }): number[] {
  const days: number[] = [];
  const weekday = new Set([...dow.values].map((d) => d % 7));
  let [y, mo, d, wd] = [2000, 1, 1, 6];
  for (let i = 0; i < CYCLE_DAYS; i++) {
    if (month.has(mo)) {
      const byDom = dom.values.has(d);
      const byDow = weekday.has(wd);
      if (dom.star || dow.star ? byDom && byDow : byDom || byDow) days.push(i);
    }
    wd = (wd + 1) % 7;
    d++;
    if (d > daysInMonth(y, mo)) {
      d = 1;
      mo++;
      if (mo > 12) {
        mo = 1;
        y++;
      }
    }
  }
  return days;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Minutes of a Go-style duration of `@every` (1h30m, 15m, 90s rounded up to whole minutes), or undefined. */
function everyMinutes(text: string): number | undefined {
  if (!/^(\d+(h|m|s))+$/.test(text)) return undefined;
  let seconds = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(h|m|s)/g)) seconds += Number(n) * { h: 3600, m: 60, s: 1 }[unit as 'h' | 'm' | 's'];
  return seconds > 0 ? Math.ceil(seconds / 60) : undefined;
}

/**
 * The longest gap in minutes between two consecutive runs of a cron schedule (five fields, or one of
 * robfig's descriptors such as `@daily` and `@every 1h`); undefined when it does not parse or never runs.
 */
export function longestIntervalMinutes(schedule: string): number | undefined {
  const text = schedule.trim();
  if (text.startsWith('@every ')) return everyMinutes(text.slice('@every '.length).trim());
  const fields = (DESCRIPTORS[text] ?? text).split(/\s+/);
  if (fields.length !== 5) return undefined;
  const parsed = fields.map((f, i) => parseField(f, RANGES[i]));
  if (parsed.some((p) => p === undefined)) return undefined;
  const [minute, hour, dom, month, dow] = parsed as { values: Set<number>; star: boolean }[];
  const daily = [...hour.values].flatMap((h) => [...minute.values].map((m) => h * 60 + m)).sort((a, b) => a - b);
  const days = runDays(dom, month.values, dow);
  if (daily.length === 0 || days.length === 0) return undefined;
  let longest = 0;
  for (let i = 1; i < daily.length; i++) longest = Math.max(longest, daily[i] - daily[i - 1]);
  const first = daily[0];
  const last = daily[daily.length - 1];
  // from the day's last run to the next run day's first, including across the end of the cycle
  for (let i = 0; i < days.length; i++) {
    const next = i + 1 < days.length ? days[i + 1] : days[0] + CYCLE_DAYS;
    longest = Math.max(longest, (next - days[i]) * DAY_MINUTES + first - last);
  }
  return longest;
}

/**
 * How many times a schedule runs on a day it runs at all (an upper bound on any day's runs), or
 * undefined when it does not parse. Every 15 minutes runs 96 times, every 6 hours 4, `@every 90m` 16.
 */
export function runsPerDayAtMost(schedule: string): number | undefined {
  const text = schedule.trim();
  if (text.startsWith('@every ')) {
    const every = everyMinutes(text.slice('@every '.length).trim());
    return every === undefined ? undefined : Math.ceil(DAY_MINUTES / every);
  }
  const fields = (DESCRIPTORS[text] ?? text).split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minute, hour] = fields.slice(0, 2).map((f, i) => parseField(f, RANGES[i]));
  return minute && hour ? minute.values.size * hour.values.size : undefined;
}

/** Minutes written for people: 15m, 6h, 1d, 1d6h, 1h30m. */
export function formatMinutes(minutes: number): string {
  const d = Math.floor(minutes / DAY_MINUTES);
  const h = Math.floor((minutes % DAY_MINUTES) / 60);
  const m = minutes % 60;
  const parts = [d > 0 ? `${d}d` : '', h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : ''].join('');
  return parts === '' ? '0m' : parts;
}
