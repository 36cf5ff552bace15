/**
 * The practice server's one user (the demo account), as Okta describes a user: a stable
 * user id (`00u…`, the ID token's and userinfo's `sub`, the access token's `uid`) and a
 * login (the access token's `sub`, `preferred_username`, `email`). Pure: no provider.
 */
import { createHash, randomBytes } from 'node:crypto';

/** The demo user's display name, shown in `name` (with `profile`). */
export const PRACTICE_USER_NAME = { name: 'Practice Learner', given_name: 'Practice', family_name: 'Learner' } as const;

/**
 * Claims each OpenID scope releases, Okta's subset for a plain user. `openid` also carries
 * Okta's ID token claims (`ver`, `jti`, `amr`, `idp`, `auth_time`), which userinfo never
 * answers (it has no such values: see {@link claimsForScopes}).
 */
export const SCOPE_CLAIMS = {
  openid: ['sub', 'ver', 'jti', 'amr', 'idp', 'auth_time'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username', 'locale', 'zoneinfo', 'updated_at'],
  email: ['email', 'email_verified'],
} as const satisfies Record<string, readonly string[]>;

/** Okta-style user id ("00u" + 17 characters), stable for a login (case-insensitive). */
export function userIdFor(login: string): string {
  return `00u${createHash('sha256').update(login.toLowerCase()).digest('hex').slice(0, 17)}`;
}

/**
 * The login behind a stored account id: the demo user's id, or — for grants and sessions
 * saved before ids were user ids — the login itself. Undefined for anyone else (a user
 * that no longer exists, e.g. after PRACTICE_DEMO_USER changed), as Okta answers for a
 * deleted user.
 */
export function loginForAccountId(accountId: string, demoUser: string): string | undefined {
  if (accountId === userIdFor(demoUser)) return demoUser;
  if (accountId.toLowerCase() === demoUser.toLowerCase()) return demoUser;
  return undefined;
}

/** Okta-style id of the org ("00o" + 17 characters) behind an issuer: the ID token's `idp`. */
export function orgIdFor(issuer: string): string {
  return `00o${createHash('sha256').update(issuer).digest('hex').slice(0, 17)}`;
}

/**
 * What Okta adds to every ID token besides the user's claims: `ver`, a `jti` of its own
 * ("ID." + random) and `idp` (the org, for users who sign in with Okta itself).
 * `amr` and `auth_time` come from the sign-in (oidc-provider's session).
 */
export function idTokenExtras(issuer: string): { ver: number; jti: string; idp: string } {
  return { ver: 1, jti: `ID.${randomBytes(15).toString('base64url')}`, idp: orgIdFor(issuer) };
}

/** When the demo user's profile last changed (`updated_at`, seconds): fixed, as it never changes. */
export const PRACTICE_USER_UPDATED_AT = 1_767_225_600;

/** Every claim the user has; `sub` is the user id. */
export function userClaims(login: string): Record<string, string | boolean | number> {
  return {
    sub: userIdFor(login),
    ...PRACTICE_USER_NAME,
    preferred_username: login,
    locale: 'en-US',
    zoneinfo: 'America/Los_Angeles',
    updated_at: PRACTICE_USER_UPDATED_AT,
    email: login,
    email_verified: true,
  };
}

/** The claims the granted scopes release (userinfo): `sub` with `openid`, and so on. */
export function claimsForScopes(login: string, scopes: readonly string[]): Record<string, string | boolean | number> {
  const all = userClaims(login);
  const released: Record<string, string | boolean | number> = {};
  for (const [scope, names] of Object.entries(SCOPE_CLAIMS)) {
    if (!scopes.includes(scope)) continue;
    for (const name of names) if (all[name] !== undefined) released[name] = all[name];
  }
  return released;
}
