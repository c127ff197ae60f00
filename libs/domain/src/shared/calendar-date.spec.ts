import { addDays, calendarDateOf, compareDates, earliest, isCalendarDate, latest } from './calendar-date';

describe('calendar dates', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01'])('accepts the real date %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '20240101', '2024-01-01T00:00:00Z', ''])(
    'refuses %j, which is not a real YYYY-MM-DD date',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );

  it('refuses values that are not strings', () => {
    expect(isCalendarDate(20240101)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries, and back', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('0050-01-01', 365)).toBe('0051-01-01');
  });

  it('refuses to add days to an invalid date', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });

  it('compares dates and picks the earliest and latest, ignoring missing ones', () => {
    expect(compareDates('2024-01-02', '2024-01-10')).toBe(-1);
    expect(compareDates('2024-01-10', '2024-01-10')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
    expect(earliest('2026-01-01', null, '2025-06-30', undefined)).toBe('2025-06-30');
    expect(latest('2026-01-01', null, '2025-06-30')).toBe('2026-01-01');
    expect(earliest(null, undefined)).toBeNull();
  });

  it('takes the UTC calendar date of an instant the caller supplies', () => {
    expect(calendarDateOf(new Date('2024-07-09T23:30:00-05:00'))).toBe('2024-07-10');
  });
});
