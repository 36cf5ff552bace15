import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from './csrf';

const allowed = ['http://localhost:3000'];
const request = (method: string, headers: Record<string, string> = {}) => ({ method, headers: new Headers(headers) });

describe('isCrossSiteRequest (CSRF)', () => {
  it.each([
    ['a POST from another site', request('POST', { origin: 'https://evil.example' }), true],
    ['a PATCH marked cross-site by the browser', request('PATCH', { 'sec-fetch-site': 'cross-site' }), true],
    ['a DELETE from a look-alike origin', request('DELETE', { origin: 'http://localhost:3000.evil.example' }), true],
    ['a POST from the site itself', request('POST', { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }), false],
    ['a POST without Origin (curl, scripts)', request('POST'), false],
    ['a GET from another site (no state change)', request('GET', { origin: 'https://evil.example' }), false],
  ])('%s → %s', (_name, req, expected) => {
    expect(isCrossSiteRequest(req, allowed)).toBe(expected);
  });
});
