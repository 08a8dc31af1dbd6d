/**
 * Recovery targets as platform.yaml writes them: a whole number and one unit (`15m`, `1h`, `2d`).
 * One unit only, so that a reader never has to add `1h90m` up in their head.
 */

export const DURATION_UNITS = { m: 1, h: 60, d: 1440 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** The units, for messages: `m (minutes), h (hours), d (days)`. */
export const DURATION_UNITS_TEXT = { en: 'm (minutes), h (hours), d (days)', zh: 'm（分钟）、h（小时）、d（天）' } as const;

export const DURATION = /^([1-9][0-9]{0,5})(m|h|d)$/;

/** Minutes of a duration such as `15m` or `4h`; undefined when it is not one. */
export function durationMinutes(text: string): number | undefined {
  const m = DURATION.exec(text);
  return m ? Number(m[1]) * DURATION_UNITS[m[2] as DurationUnit] : undefined;
}
