/** The city's legal day is Beijing time, on every runner; --today is a real day or an error. */
import { isCalendarDate, todayIso } from '../../config/checks/waivers';

describe('today', () => {
  it('is the date in Beijing, whatever the machine zone', () => {
    // 17:30 UTC on 30 June is already 1 July in Beijing: a waiver expiring 30 June has expired there
    expect(todayIso({}, new Date('2027-06-30T17:30:00Z'))).toBe('2027-07-01');
    expect(todayIso({}, new Date('2027-06-30T15:59:59Z'))).toBe('2027-06-30');
  });

  it('takes GOVCLOUD_TODAY when it is a real calendar day', () => {
    expect(todayIso({ GOVCLOUD_TODAY: '2026-10-01' }, new Date('2027-01-01T00:00:00Z'))).toBe('2026-10-01');
    expect(todayIso({ GOVCLOUD_TODAY: '2026-02-30' }, new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });

  it('knows a calendar day from a date-shaped string', () => {
    expect(['2026-02-28', '2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', 'tomorrow'].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });
});
