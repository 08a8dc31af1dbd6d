/** The longest gap between two runs of a cron schedule (config/cron.ts), as Velero's robfig/cron runs it. */
import { formatMinutes, longestIntervalMinutes, runsPerDayAtMost } from '../../config/cron';

describe('longestIntervalMinutes', () => {
  it.each([
    ['*/15 * * * *', 15],
    ['*/7 * * * *', 7], // :00, :07, … :56, then :00 again four minutes later
    ['17 * * * *', 60],
    ['5,50 * * * *', 45],
    ['0 */6 * * *', 360],
    ['30 2 * * *', 1440],
    ['0 9-17 * * 1-5', 64 * 60], // Friday 17:00 to Monday 09:00
    ['0 0 1 * *', 31 * 1440],
    ['0 0 29 2 *', 8 * 365 * 1440 + 1440], // 2096-02-29 to 2104-02-29: 2100 is no leap year
    ['0 0 1 * 1', 7 * 1440], // day 1 OR Monday: never more than a week
    ['@daily', 1440],
    ['@every 90m', 90],
  ])('%s runs at most %i minutes apart', (cron, minutes) => {
    expect(longestIntervalMinutes(cron)).toBe(minutes);
  });

  it('reads nothing it cannot parse, and a schedule that never runs', () => {
    for (const cron of ['', '* * * *', '60 * * * *', '*/0 * * * *', 'a * * * *', '0 0 31 2 *', '@every 0s'])
      expect(longestIntervalMinutes(cron)).toBeUndefined();
  });

  it('writes minutes for people', () => {
    expect([15, 60, 90, 360, 1440, 1800].map(formatMinutes)).toEqual(['15m', '1h', '1h30m', '6h', '1d', '1d6h']);
  });

  it('counts the runs of a day a schedule runs on, at most', () => {
    expect(['*/15 * * * *', '0 */6 * * *', '30 2 * * *', '0,30 9-17 * * 1-5', '@every 90m', '@hourly', 'nonsense'].map(runsPerDayAtMost)).toEqual([
      96,
      4,
      1,
      18,
      16,
      24,
      undefined,
    ]);
  });
});
