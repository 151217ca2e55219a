import { describe, expect, it } from 'vitest';
import {
  dateProblem,
  displayDate,
  formatDate,
  formatDayNl,
  formatNumber,
  formatStamp,
  formatStampNl,
  isoDate,
  parseDate,
  parseNumber,
} from '../src/support/dates.js';

// vitest.config.ts sets TZ=Europe/Amsterdam.
describe('dates and numbers for Dutch readers', () => {
  it('parses the ways people type a date and rejects impossible ones', () => {
    expect(parseDate('27-11-2026')).toBe('2026-11-27');
    expect(parseDate('1-2-2026')).toBe('2026-02-01');
    expect(parseDate('27/11/2026')).toBe('2026-11-27');
    expect(parseDate('27.11.2026')).toBe('2026-11-27');
    expect(parseDate('2026-11-27')).toBe('2026-11-27');
    expect(parseDate('31-02-2026')).toBeUndefined();
    expect(parseDate('morgen')).toBeUndefined();
  });

  it('formats days, stamps and numbers in Dutch, in local time', () => {
    expect(formatDate('2026-03-01')).toBe('1 maart 2026');
    expect(formatDate('binnenkort')).toBe('binnenkort');
    expect(displayDate('2026-11-27')).toBe('27-11-2026');
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(formatDayNl(new Date(2026, 11, 31))).toBe('31 december 2026');
    // 13:05 UTC is 14:05 in Amsterdam in winter.
    expect(formatStampNl('2026-11-27T13:05:00.000Z')).toBe('27 november 2026 om 14:05');
    expect(formatStamp('2026-11-27T13:05:00.000Z')).toBe('27-11-2026 14:05');
    expect(formatNumber(7.5, 'uur per week')).toBe('7,5 uur per week');
    expect(formatNumber(1 / 3)).toBe('0,33');
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber('zeven')).toBeUndefined();
  });

  it('says that a date does not exist instead of calling it a wrong format', () => {
    expect(dateProblem('31-02-2026')).toBe('31-02-2026 bestaat niet: februari 2026 heeft 28 dagen.');
    expect(dateProblem('29-2-2028')).toBeUndefined();
    expect(dateProblem('31-04-2026')).toBe('31-04-2026 bestaat niet: april 2026 heeft 30 dagen.');
    expect(dateProblem('12-13-2026')).toBe('12-13-2026 bestaat niet: er is geen maand 13.');
    expect(dateProblem('2026-02-30')).toBe('2026-02-30 bestaat niet: februari 2026 heeft 28 dagen.');
    expect(dateProblem('morgen')).toBe('Vul een datum in als dd-mm-jjjj, bijv. 27-11-2026.');
    // No key named: in the plain mode nothing is filled in to wipe (issue 23, small list).
    expect(dateProblem('morgen')).not.toContain('Backspace');
  });
});
