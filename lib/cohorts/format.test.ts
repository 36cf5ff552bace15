import { describe, expect, it } from 'vitest';
import { describeClaim, formatClock, formatDuration, formatUtc } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [60, '1 min'],
    [23 * 60 + 29, '23 min'],
    [3600, '1 h 00 min'],
    [3600 + 5 * 60 + 59, '1 h 05 min'],
    [26 * 3600, '26 h 00 min'],
  ])('%d s → %j', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('formatClock (spreadsheets read h:mm:ss as a duration)', () => {
  it.each([
    [0, '0:00:00'],
    [65, '0:01:05'],
    [3600 + 23 * 60 + 5, '1:23:05'],
    [30 * 3600, '30:00:00'],
  ])('%d s → %j', (seconds, text) => expect(formatClock(seconds)).toBe(text));
});

describe('formatUtc', () => {
  it('gives a date and time people read, in UTC', () => {
    expect(formatUtc('2026-11-25T10:01:05.123Z')).toBe('25 Nov 2026, 10:01:05 UTC');
  });
});

describe('describeClaim', () => {
  it('shows time claims (Unix seconds) as UTC times, with the number kept beside', () => {
    expect(describeClaim('iat', 1764064865)).toBe('25 Nov 2025, 10:01:05 UTC (1764064865)');
    expect(describeClaim('exp', 1764068465)).toBe('25 Nov 2025, 11:01:05 UTC (1764068465)');
  });

  it('shows lists as space-separated values and strings as they are', () => {
    expect(describeClaim('scp', ['offline_access', 'api:read'])).toBe('offline_access api:read');
    expect(describeClaim('iss', 'http://localhost:3000/oauth2/default')).toBe('http://localhost:3000/oauth2/default');
    expect(describeClaim('aud', 'api://default')).toBe('api://default');
  });

  it('keeps a value it cannot read as a time as it was', () => {
    expect(describeClaim('exp', 'soon')).toBe('"soon"');
    expect(describeClaim('iat', 1e20)).toBe('100000000000000000000');
    expect(describeClaim('sub', null)).toBe('null');
  });
});
