/**
 * What the two response checks (the token response of step 4, the refresh response of
 * step 5) are compared against, and which grant a pasted response answers.
 */
import type { JWTVerifyGetKey } from 'jose';
import type { ProviderKind } from '../../issuer/providers';
import type { CheckedUrlRecord } from '../checked-urls';

export type { CheckedUrlRecord } from '../checked-urls';

/** What a token or refresh check is compared against. */
export interface TokenCheckContext {
  /** The expected `iss` of the access token. */
  issuer: string;
  /** The learner's token endpoint, which answers quote beside what a failed command shows (absent: not known). */
  tokenEndpoint?: string;
  /** Practice server only: how the token with this `jti` was issued (its recorded origin). */
  lookupOrigin?: (jti: string) => Promise<TokenOrigin>;
  /** The redirect URI of the last checked authorization URL, which the code exchange must repeat (absent: not known). */
  redirectUri?: string;
  /** The learner's app; the token's `cid`/`client_id`/`azp` must name it. */
  clientId: string;
  /** Practice server only: the console's name of that app, for hints (absent: "My Web App"). */
  appName?: string;
  /** The learner's other apps, to recognise their credentials or tokens (the web app's client ID at the service step). */
  otherClientIds?: { web?: string };
  /** The expected `aud` (practice server: `api://default`); not checked when absent. */
  audience?: string;
  now: Date;
  /** Resolves the verification key (e.g. `createLocalJWKSet`); null when the keys could not be loaded. */
  getKey: JWTVerifyGetKey | null;
  /** True for the built-in practice server, whose access tokens are always RS256 JWTs. */
  practice: boolean;
  /** Which product the learner's own server is, so hints name its console; absent for a generic server. */
  kind?: ProviderKind;
  /** Practice server only: whether My Web App allows the Refresh Token grant (asked only when a refresh token is missing). */
  lookupRefreshGrant?: () => Promise<boolean | null>;
  /**
   * Whether the step needs a refresh token (the step declaration's `refreshToken`): 'required'
   * (Refresh Tokens, the default) or 'optional' (Web App: one that comes anyway is an info line).
   */
  refreshToken?: 'required' | 'optional';
  /** Whether the last checked authorization URL asked for offline_access (null: none was checked). */
  offlineAccessRequested?: boolean | null;
  /**
   * Practice server only: what became of the code the learner captured at the redirect step
   * (null when it was never exchanged). Asked only when a code exchange failed with
   * invalid_grant, to tell a code run twice from an expired one.
   */
  lookupCodeExchange?: () => Promise<CodeExchangeHistory | null>;
  /**
   * Practice server only: whether the server still holds a refresh token the learner pasted
   * (false: revoked). Asked when a response with a refresh token is about to pass.
   */
  refreshTokenExists?: (token: string) => Promise<boolean | null>;
  /**
   * The code_challenge of the last checked authorization URL (null or absent: none). A PKCE
   * failure whose paste shows the command's code_verifier is explained by comparing the two.
   */
  codeChallenge?: string | null;
  /**
   * Practice server only: My Web App's client secret, asked only when a client
   * authentication failure's paste shows a Basic header or curl -u credentials. It is only
   * compared, never quoted or kept.
   */
  lookupClientSecret?: () => Promise<string | null>;
  /**
   * Practice server only: which recipe mistake the practice server recognised in the
   * learner's last refused request of this kind (a PKCE check, a Basic header). Asked when
   * the paste shows the error without the command.
   */
  lookupRecipeMistake?: (kind: RecipeMistakeKind) => Promise<RecipeMistakeRecord | null>;
  /**
   * The authorization URLs checked since the last reset, oldest first; the last is the one the
   * later steps use (absent: not known). A verifier or a login that belongs to an earlier URL
   * is named with the time that URL was checked.
   */
  checkedUrls?: CheckedUrlRecord[];
  /**
   * Practice server only: when the code the redirect step captured was issued, until when it
   * was valid, and what its login asked for (null: not recorded). Asked when a code exchange
   * failed with invalid_grant, to tell an expired code from one run twice.
   */
  lookupCodeIssue?: () => Promise<CodeIssueRecord | null>;
  /** Practice server only: when My Web App's settings last changed (a grant ticked after a login explains that login's tokens). */
  lookupAppChangedAt?: () => Promise<Date | null>;
  /**
   * Practice server only, at the refresh step: the refreshes of the login the checked code
   * exchange came from. Asked when a refresh failed with invalid_grant.
   */
  lookupLoginRefreshes?: () => Promise<LoginRefreshes | null>;
}

/** A code the practice server issued, as its records show it (never the code). */
export interface CodeIssueRecord {
  /** SHA-256 (hex) of the code, as `fingerprint()` computes it. */
  codeFingerprint: string;
  issuedAt: Date;
  expiresAt: Date;
  /** The scopes the login asked for and got (null: not recorded). */
  scopes: string[] | null;
  /** The code_challenge of the authorization request that issued it (null: none or not recorded). */
  codeChallenge: string | null;
}

/** What the practice server recorded about the refreshes of one login. */
export interface LoginRefreshes {
  /** My Web App's refresh token behaviour now. */
  rotation: 'persistent' | 'rotate' | null;
  /** SHA-256 (hex) of the refresh token the code exchange returned (the first response's). */
  refreshTokenFingerprint: string | null;
  /** When the practice server answered a refresh of that login, oldest first. */
  refreshedAt: Date[];
}

export type RecipeMistakeKind = 'pkce' | 'basic';

/** What the practice server recorded about a refused request: a label, never the verifier, secret or header. */
export interface RecipeMistakeRecord {
  /** A PKCE label (`input.digest.encoding`, `unrelated`) or a Basic label (`newline+wrapped`, `wrong_secret`, …). */
  label: string;
  recordedAt: Date;
  /** Whether it was about the code the learner's redirect step captured (null: not known, e.g. Basic). */
  sameCode: boolean | null;
}

/** How the practice server issued a token, as it recorded it (null: no record). */
export type TokenOrigin = 'authorization_code' | 'refresh_token' | 'client_credentials' | null;

/** A code's exchange on the practice server, as the server recorded it. */
export interface CodeExchangeHistory {
  exchangedAt: Date;
  /** When a second attempt with the same code was refused (null: not yet recorded). */
  reusedAt: Date | null;
  /** When that second attempt revoked the refresh token the first exchange issued. */
  revokedAt: Date | null;
}

/** Runs an optional lookup of the learner's server state; a failed lookup is no answer (null), never a failed check. */
export async function safeLookup<T>(lookup: (() => Promise<T | null>) | undefined): Promise<T | null> {
  if (!lookup) return null;
  try {
    return await lookup();
  } catch {
    return null;
  }
}

/**
 * The grant a pasted response answers: the code exchange, a refresh, or a service app's
 * client credentials request (lib/exercise/client-credentials).
 */
export type TokenGrant = 'authorization_code' | 'refresh_token' | 'client_credentials';
