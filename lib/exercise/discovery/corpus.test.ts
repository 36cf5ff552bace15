/**
 * Getting Started's discovery step: a corpus of the mistakes learners make copying values out
 * of a metadata document (oauth.school's Getting Started, issue 21), each answered at its root.
 * Every case asserts the code, that the message quotes what was entered, and that the hint
 * names the fix. The cases are in ./corpus/.
 */
import { describe, expect, it } from 'vitest';
import { quote } from '../report';
import { checkDiscovery } from './check';
import { FIELD_CASES } from './corpus/fields';
import { SCOPE_CASES } from './corpus/scopes';
import { SERVER_CASES } from './corpus/servers';
import { CONTEXTS, SCOPE, type Field } from './corpus/support';
import { answersFor } from './fixtures';

const CHECK: Record<Field, string> = {
  issuer: 'issuer',
  authorizationEndpoint: 'authorization_endpoint',
  tokenEndpoint: 'token_endpoint',
  jwksUri: 'jwks_uri',
  scope: 'scope',
};
const CASES = [...FIELD_CASES, ...SERVER_CASES, ...SCOPE_CASES];

describe('discovery: a corpus of learners’ mistakes', () => {
  it('holds at least 30 of them', () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)('%s (%s, %s)', (_name, server, field, entered, code, status, hint) => {
    const ctx = CONTEXTS[server]!();
    const report = checkDiscovery(answersFor(ctx, SCOPE[server]!, { [field]: entered }), ctx);
    const result = report.results.find((r) => r.check === CHECK[field])!;
    expect(`${result.status}:${result.code}`).toBe(`${status}:${code}`);
    // The field's mistake is the only one: the other fields hold the right answers (the org
    // server has no custom scope to give).
    const others = report.results.filter((r) => r !== result && r.status === 'fail' && !(server === 'org' && r.check === 'scope'));
    expect(others).toEqual([]);
    if (server !== 'org') expect(report.status).toBe(status === 'fail' ? 'fail' : 'pass');
    // The message quotes what was entered (its start: a long paste is cut), or says it is empty.
    if (entered.trim()) expect(result.message).toContain(quote(entered.trim(), 200).slice(0, 30));
    else expect(result.message).toMatch(/is empty/);
    expect(result.hint).toMatch(hint);
  });
});
