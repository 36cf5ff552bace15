/**
 * Issue 20, "the newcomer's way": what a person following every page literally was told, and
 * what they are told now. The components are rendered as the server first sends them
 * (react-dom/server); what needs a browser (scrolling, focus, a button press) is in
 * e2e/newcomer.spec.ts.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LogInNote } from '@/components/exercise/authorize-step';
import { ClaimsTable } from '@/components/exercise/claims-table';
import { ServerScopes } from '@/components/exercise/server-scopes';
import { endSentence, JoinForm, membershipMessage } from '@/components/instructor/join-form';
import { PracticeConsole } from '@/components/practice-console/practice-console';
import { Breakable } from '@/components/ui/breakable';
import { groupScopes } from '@/lib/exercise/scope-advice';
import { practiceProviderConfig } from '@/lib/exercise/setup';
import { PRACTICE_API_SCOPES, PRACTICE_OIDC_SCOPES } from '@/lib/practice-server/configuration';
import { describeAllowedHosts, MORE_HOSTS_NOTE } from '@/lib/practice-server/redirect-policy';
import { SCOPE_DESCRIPTIONS } from '@/lib/practice-server/views';

const render = <P extends object>(component: (props: P) => React.ReactNode, props: P) =>
  renderToStaticMarkup(createElement(component as React.FC<P>, props));
/** The text a reader sees: tags dropped, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&#x27;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');

describe('item 8: the server’s scopes are named where {YOUR_SCOPE} is filled in', () => {
  it('lists the practice server’s scopes, API scopes first, from what setup stored', () => {
    const html = render(ServerScopes, { groups: groupScopes(practiceProviderConfig('http://localhost:3000').scopesSupported) });
    expect(text(html)).toContain('For its APIapi:read, api:write');
    expect(text(html)).toContain('Standardopenid, profile, email, offline_access');
  });

  it('lists an own server’s published scopes, and says nothing when it publishes none', () => {
    expect(text(render(ServerScopes, { groups: groupScopes(['openid', 'photos.read', 'openid']) }))).toContain('For its APIphotos.read');
    expect(render(ServerScopes, { groups: groupScopes(null) })).toBe('');
    expect(render(ServerScopes, { groups: groupScopes([]) })).toBe('');
  });

  it('uses the practice server’s own list (what its discovery document publishes), each with a description for the console', () => {
    const published = [...PRACTICE_OIDC_SCOPES, ...PRACTICE_API_SCOPES];
    expect([...(practiceProviderConfig('http://localhost:3000').scopesSupported ?? [])].sort()).toEqual([...published].sort());
    for (const scope of published) expect(SCOPE_DESCRIPTIONS[scope], scope).toMatch(/\w/);
  });
});

describe('item 10: the second Log In may skip the sign-in page', () => {
  it('says that a learner still signed in comes straight back', () => {
    const note = text(render(LogInNote, {}));
    expect(note).toContain("Log In takes you to the server's sign-in page");
    expect(note).toMatch(/if you are still signed in there[^.]*, you come straight back/i);
  });
});

describe('joining a cohort', () => {
  it.each([
    ['Bob S.', 'You joined Room 1 as Bob S. Your instructor can now follow your progress.'],
    ['Bob', 'You joined Room 1 as Bob. Your instructor can now follow your progress.'],
    ['Ada!', 'You joined Room 1 as Ada! Your instructor can now follow your progress.'],
  ])('ends the sentence once after the name %j', (name, expected) => {
    expect(membershipMessage('joined', 'Room 1', name)).toBe(expected);
    expect(membershipMessage('renamed', 'Room 1', name)).toBe(`Your name in Room 1 is now ${name}${name === 'Bob' ? '.' : ''}`);
  });

  it('adds a full stop only where the text does not end a sentence already', () => {
    expect(endSentence('Bob S.')).toBe('Bob S.');
    expect(endSentence('Bob')).toBe('Bob.');
    expect(endSentence('Who?')).toBe('Who?');
  });

  it('tells a learner who opens the join link again that they are in, and as whom, with renaming a choice', () => {
    const html = render(JoinForm, { code: 'abc', cohortName: 'Room 1', joinedAs: 'Bob S.' });
    expect(text(html)).toContain('You have already joined Room 1, as Bob S. Your instructor follows your progress under this name.');
    expect(html).toContain('>Change My Name</button>');
    expect(html).not.toContain('<input'); // no form that would rename them on submit
  });

  it('shows a newcomer the form', () => {
    const html = render(JoinForm, { code: 'abc', cohortName: 'Room 1', joinedAs: null });
    expect(html).toContain('<input');
    expect(html).toContain('>Join Cohort</button>');
  });
});

describe('the practice console speaks to a learner', () => {
  const app = {
    name: 'My Web App' as const,
    applicationType: 'web' as const,
    clientId: '0oa1b2c3d4e5f6g7h8i9',
    clientSecret: 'secret',
    redirectUris: ['http://localhost:3000/redirect'],
    grantTypes: ['authorization_code' as const],
    refreshTokenRotation: 'persistent' as const,
    requirePkce: false,
    postLogoutRedirectUris: ['http://localhost:3000/'],
    issuer: 'http://localhost:3000/oauth2/default',
  };
  const policy = { siteOrigin: 'http://localhost:3000', extraHosts: [] };

  it('names no operator setting, and says "One per line" only where lines are typed', () => {
    const html = text(
      render(PracticeConsole, {
        initialApp: app,
        redirectHostsNote: describeAllowedHosts(policy),
        returnTo: { href: '/exercise/refresh/enable', label: 'Back' },
      }),
    );
    expect(html).not.toContain('PRACTICE_REDIRECT_HOSTS');
    expect(html).not.toContain('One per line');
    expect(html).toContain("The authorization URL's redirect_uri must match one of these exactly. To add one, choose Edit.");
    expect(html).toContain('Sign-out redirect URIs');
    expect(describeAllowedHosts(policy)).not.toContain('PRACTICE_REDIRECT_HOSTS');
    expect(describeAllowedHosts({ ...policy, extraHosts: ['app.school.example'] })).toBe(
      'The practice server accepts redirect URIs on this site (http://localhost:3000), your own machine (localhost, 127.0.0.1 or [::1], any port), example-app.com and app.school.example.',
    );
    // Refused on save: the learner is told who can allow another host (the API's answer, docs/api.md).
    expect(MORE_HOSTS_NOTE).toContain('whoever runs this site');
  });
});

describe('long values on a phone wrap where a reader would', () => {
  it('offers breaks after "/" and "." but not inside words or between the slashes of "//"', () => {
    expect(render(Breakable, { text: 'http://localhost:3170/oauth2/default' })).toBe(
      'http://<wbr/>localhost:<wbr/>3170/<wbr/>oauth2/<wbr/>default',
    );
    expect(render(Breakable, { text: 'learner@example.com' })).toBe('learner@<wbr/>example.<wbr/>com');
    expect(render(Breakable, { text: 'RS256' })).toBe('RS256');
  });

  it('gives a claim’s value the row’s width (two columns), breaking anywhere only as the last resort', () => {
    const html = render(ClaimsTable, {
      claims: { header: { alg: 'RS256' }, payload: { iss: 'http://localhost:3170/oauth2/default', jti: 'AT.x'.repeat(20) } },
    });
    expect(html.match(/<th scope="col"/g)).toHaveLength(4); // Name, Value and meaning; twice (header and claims)
    expect(html).toContain('Value and meaning');
    expect(html).not.toContain('break-all');
    expect(html).toContain('wrap-anywhere');
    expect(html).toContain('oauth2/<wbr/>default');
  });
});
