/**
 * The shape of a case in the corpus of real mistakes (issue 19). See index.ts for what the
 * corpus is, how it was collected and the holdout rule.
 */

export type Step = 'setup' | 'authorize-url' | 'redirect' | 'token-response' | 'refresh-response';

export interface RealMistake {
  /** kebab-case, unique. */
  id: string;
  /** The public report the case comes from. */
  source: { url: string; title: string };
  /** Issue 19's classes: 1 paste says what went wrong, 2 another kind of artefact, 3 values that look right, 4 PKCE/Basic/shell, 5 hints that ask for what is there, 6 root cause first, 7 the lab's records settle it, 8 steps named by title. */
  class: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  step: Step;
  server: 'practice' | 'okta' | 'auth0' | 'keycloak' | 'generic';
  /** Exactly what the learner pastes or sends (for setup: { issuer, clientId }; redirect: the URL; others: the text). Realistic, complete, including terminal noise when the report shows it. */
  input: string | Record<string, string>;
  /** What the learner did wrong, in one sentence (the real cause). */
  cause: string;
  /** The answer the learner needs, written BEFORE looking at what the site says: cause + the exact next action, quoting the values involved. */
  answer: string;
  expect: {
    /** An existing code from docs/diagnosis-codes.md that fits the ROOT cause, or null when none fits. */
    code: string | null;
    /** When code is null: the code proposed (dotted, lowercase, like the existing ones). */
    proposedCode?: string;
    /** 1–3 short regex sources the lead message+hint must match (the key facts). Case-insensitive. */
    mustMention: string[];
    /** Optional regex sources the answer must NOT contain. */
    mustNotSay?: string[];
  };
  /** What the practice server knows that settles the case (class 7 and cases that need it). */
  records?: string;
  /** The same records, structured as the checks' context holds them (runner.ts builds the context from it); see {@link World}. */
  world?: World;
  /** Run only at the end, never while developing checks. */
  holdout?: boolean;
}

/**
 * What the practice server and the exercise recorded, in the terms of the checks' context
 * (lib/exercise/token/context.ts `TokenCheckContext`, lib/exercise/redirect.ts
 * `RedirectContext`). Times are ISO strings (UTC). What a case leaves out is as the runner's
 * default world has it: one checked URL (the fixtures' state, offline_access api:read, the
 * PKCE `ok` challenge), a passed code exchange, and no records the lookups could find.
 */
export interface World {
  /** The check's clock. */
  now?: string;
  /** My Web App in the practice console: its grants, refresh token behaviour, last edit. */
  app?: { grantTypes: string[]; rotation?: 'persistent' | 'rotate'; changedAt?: string };
  /** The authorization URLs checked since the last reset, oldest first ([]: none); the last is the one later steps use. */
  checkedUrls?: { at: string; state: string; scopes: string[]; codeChallenge?: string }[];
  /** The code the redirect step captured and what the server recorded about it (absent: nothing recorded). */
  code?: {
    value: string;
    issuedAt: string;
    /** Default: five minutes after issuedAt. */
    expiresAt?: string;
    /** The scopes its login asked for. */
    scopes?: string[];
    /** The code_challenge of the authorization request that issued it. */
    codeChallenge?: string;
    exchangedAt?: string;
    reusedAt?: string;
    revokedAt?: string;
  };
  /** Access tokens the server issued, by grant (matched to a pasted token by its jti). */
  issued?: { accessToken: string; grant: 'authorization_code' | 'refresh_token' | 'client_credentials' }[];
  /** Refresh step: when the server answered refreshes of the login the checked code exchange came from. */
  refreshes?: string[];
  /** Refresh tokens the server no longer holds (revoked). */
  revokedRefreshTokens?: string[];
  /** Whether the code exchange step has a passed response to compare a refresh with (default true). */
  tokenStepPassed?: boolean;
}
