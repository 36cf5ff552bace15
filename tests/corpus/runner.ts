/**
 * Runs a case of the corpus of real mistakes (tests/corpus/real-mistakes) through the check
 * its step uses, as the check API would for a learner of that server, and grades the answer
 * against what the case wrote down first (issue 19's reading review, automated):
 *
 * - 3: the lead result (the first failure, else the first warning) names the cause and the
 *   next action — its code is the expected one (when the case names an existing code), it
 *   mentions every fact of `mustMention`, and it says nothing of `mustNotSay`;
 * - 2: the facts are there, but under another code, or a `mustNotSay` slipped in;
 * - 1: some of the facts are there; 0: none (a generic or wrong answer).
 *
 * The server's side is simulated as the lab sees it: the practice server's or the case's
 * provider's metadata; discovery of a host that does not exist fails as DNS would. A case's
 * `world` (what the practice server recorded: checked URLs, the captured code's issue and
 * exchange, the app's grants and rotation, how each token was issued, refreshes, revoked
 * refresh tokens) becomes the context's fields and lookups, as lib/engine/token-context.ts
 * builds them from the database; a case without one runs in the default world of before. JWTs in
 * the corpus were signed with a key nobody kept: each whole one (a 342-character RS256
 * signature) is signed again, byte for byte the same header and payload, with this run's
 * key, which the checks then trust; a token cut short keeps its broken signature.
 */
import { checkAuthorizeUrl, type AuthorizeUrlExpectations } from '@/lib/exercise/authorize-url';
import type { CheckResult } from '@/lib/exercise/report';
import { checkRedirect } from '@/lib/exercise/redirect';
import { checkSetup } from '@/lib/exercise/setup';
import type { CheckedUrlRecord, TokenCheckContext } from '@/lib/exercise/token/context';
import { fingerprint } from '@/lib/exercise/token/inspect';
import { checkRefreshResponse } from '@/lib/exercise/token/refresh-step';
import { checkTokenResponse } from '@/lib/exercise/token/token-step';
import type { DiscoveryOutcome } from '@/lib/issuer/discover';
import { CompactSign, createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey } from 'jose';
import { CLIENT_ID, ISSUER, OKTA_ISSUER, PKCE, REDIRECT_URI, STATE, TOKENS, tokenJson } from './real-mistakes/fixtures';
import type { RealMistake, World } from './real-mistakes';

const PRACTICE_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'api:read'];

/** The issuers the simulated world knows, by server kind. */
const ISSUERS: Record<RealMistake['server'], string> = {
  practice: ISSUER,
  okta: OKTA_ISSUER,
  auth0: 'https://dev-k3x7q2.us.auth0.com/',
  keycloak: 'https://sso.cs.example.edu/realms/oauth-course',
  generic: 'https://auth.example.com',
};

const endpoints = (issuer: string, kind: RealMistake['server']) => {
  const base = issuer.replace(/\/$/, '');
  if (kind === 'auth0') return { authorize: `${base}/authorize`, token: `${base}/oauth/token` };
  if (kind === 'keycloak') return { authorize: `${base}/protocol/openid-connect/auth`, token: `${base}/protocol/openid-connect/token` };
  return { authorize: `${base}/v1/authorize`, token: `${base}/v1/token` };
};

function discoveryFor(issuer: string): DiscoveryOutcome {
  const known = Object.entries(ISSUERS).find(([, known]) => known.replace(/\/$/, '') === issuer.replace(/\/$/, ''));
  let host = '';
  try {
    host = new URL(issuer).host;
  } catch {
    // checkSetup reports an invalid URL before discovery matters
  }
  const knownHost = Object.values(ISSUERS).some((known) => new URL(known).host === host);
  if (!known) {
    return knownHost
      ? { status: 'no_metadata', attempts: [] }
      : {
          status: 'fetch_failed',
          failure: {
            ok: false,
            reason: 'dns_failed',
            detail: `getaddrinfo ENOTFOUND ${host}`,
            url: `${issuer}/.well-known/openid-configuration`,
          },
          attempts: [],
        };
  }
  const kind = known[0] as RealMistake['server'];
  const { authorize, token } = endpoints(known[1], kind);
  return {
    status: 'found',
    metadataUrl: `${known[1].replace(/\/$/, '')}/.well-known/openid-configuration`,
    metadata: {
      issuer: known[1],
      authorization_endpoint: authorize,
      token_endpoint: token,
      jwks_uri: `${known[1].replace(/\/$/, '')}/v1/keys`,
      scopes_supported: PRACTICE_SCOPES,
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    },
    attempts: [],
    jwks: { status: 'ok', uri: `${known[1]}/v1/keys`, keyCount: 1, signingKeyCount: 1, algorithms: ['RS256'] },
  };
}

const JWT = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]+/g;
const WHOLE_RS256_SIGNATURE = 342;

let signer: Promise<{ sign: (jwt: string) => Promise<string>; getKey: JWTVerifyGetKey }> | null = null;

/** This run's signing key, and a key set that offers it under every kid the corpus uses. */
function runSigner() {
  signer ??= (async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = await exportJWK(publicKey);
    const kids = new Set<string>();
    const sign = async (jwt: string) => {
      const [header, payload, signature] = jwt.split('.') as [string, string, string];
      if (signature.length !== WHOLE_RS256_SIGNATURE) return jwt;
      const protectedHeader = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg: string; kid?: string };
      if (protectedHeader.kid) kids.add(protectedHeader.kid);
      const signed = await new CompactSign(Buffer.from(payload, 'base64url')).setProtectedHeader(protectedHeader).sign(privateKey);
      return `${header}.${payload}.${signed.split('.')[2]}`;
    };
    const getKey: JWTVerifyGetKey = (header, token) =>
      createLocalJWKSet({ keys: [...kids].map((kid) => ({ ...jwk, kid, alg: 'RS256', use: 'sig' })) })(header, token);
    return { sign, getKey };
  })();
  return signer;
}

/** The paste with every whole JWT signed again with this run's key. */
async function resigned(text: string): Promise<string> {
  const { sign } = await runSigner();
  let out = text;
  for (const jwt of new Set(text.match(JWT) ?? [])) out = out.split(jwt).join(await sign(jwt));
  return out;
}

async function tokenContext(mistake: RealMistake): Promise<TokenCheckContext> {
  const base = await baseTokenContext(mistake);
  return base.practice && mistake.world ? { ...base, ...worldContext(mistake.world) } : base;
}

/** The context every case had before worlds: the fixtures' checked URL, no records to look up. */
async function baseTokenContext(mistake: RealMistake): Promise<TokenCheckContext> {
  const issuer = ISSUERS[mistake.server];
  const practice = mistake.server === 'practice';
  return {
    issuer,
    tokenEndpoint: endpoints(issuer, mistake.server).token,
    redirectUri: REDIRECT_URI,
    clientId: CLIENT_ID,
    audience: practice || mistake.server === 'okta' ? 'api://default' : undefined,
    // After the latest token of the corpus was issued (a new login, T + 49 min), before the first one expires (T + 60 min).
    now: new Date((TOKENS.T + 3100) * 1000),
    getKey: (await runSigner()).getKey,
    practice,
    kind: practice ? undefined : (mistake.server as Exclude<RealMistake['server'], 'practice'>),
    offlineAccessRequested: true,
  };
}

/** The checked URL of the runner's default world: the fixtures' (see World). */
const DEFAULT_CHECKED_URLS: NonNullable<World['checkedUrls']> = [
  { at: '', state: STATE, scopes: ['offline_access', 'api:read'], codeChallenge: PKCE.ok.challenge },
];

const time = (iso: string | undefined): Date | null => (iso ? new Date(iso) : null);
const jtiOf = (jwt: string): string | null => {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { jti?: unknown };
    return typeof payload.jti === 'string' ? payload.jti : null;
  } catch {
    return null;
  }
};

function checkedUrls(world: World): CheckedUrlRecord[] {
  return (world.checkedUrls ?? DEFAULT_CHECKED_URLS).map((url) => ({
    checkedAt: time(url.at),
    state: url.state,
    scopes: url.scopes,
    codeChallenge: url.codeChallenge ?? null,
  }));
}

/** What the case's world says, as the context's fields and lookups (lib/engine/token-context.ts builds them from the database). */
function worldContext(world: World): Partial<TokenCheckContext> {
  const urls = checkedUrls(world);
  const latest = urls.at(-1) ?? null;
  const { code, app } = world;
  const issued = new Map((world.issued ?? []).map((token) => [jtiOf(token.accessToken), token.grant]));
  return {
    ...(world.now ? { now: new Date(world.now) } : {}),
    checkedUrls: urls,
    redirectUri: latest ? REDIRECT_URI : undefined,
    offlineAccessRequested: latest ? latest.scopes.includes('offline_access') : null,
    codeChallenge: latest?.codeChallenge ?? null,
    lookupRefreshGrant: app ? async () => app.grantTypes.includes('refresh_token') : undefined,
    lookupAppChangedAt: async () => time(app?.changedAt),
    lookupOrigin: async (jti) => issued.get(jti) ?? null,
    refreshTokenExists: async (token) => !(world.revokedRefreshTokens ?? []).includes(token),
    lookupCodeExchange: code
      ? async () =>
          code.exchangedAt
            ? { exchangedAt: new Date(code.exchangedAt), reusedAt: time(code.reusedAt), revokedAt: time(code.revokedAt) }
            : null
      : undefined,
    lookupCodeIssue: code
      ? async () => {
          const issuedAt = new Date(code.issuedAt);
          return {
            codeFingerprint: fingerprint(code.value),
            issuedAt,
            expiresAt: code.expiresAt ? new Date(code.expiresAt) : new Date(issuedAt.getTime() + 5 * 60_000),
            scopes: code.scopes ?? null,
            codeChallenge: code.codeChallenge ?? null,
          };
        }
      : undefined,
  };
}

/** The report of the check the case's step runs. */
export async function runCase(mistake: RealMistake): Promise<CheckResult[]> {
  const issuer = ISSUERS[mistake.server];
  const input = mistake.input;
  switch (mistake.step) {
    case 'setup': {
      const fields = typeof input === 'string' ? { issuer: input, clientId: CLIENT_ID } : input;
      return checkSetup(
        { issuer: fields.issuer ?? '', clientId: fields.clientId ?? '', redirectUri: fields.redirectUri ?? REDIRECT_URI },
        discoveryFor((fields.issuer ?? '').trim()),
      ).results;
    }
    case 'authorize-url': {
      const { authorize, token } = endpoints(issuer, mistake.server);
      const expected: AuthorizeUrlExpectations = {
        issuer,
        authorizationEndpoint: authorize,
        tokenEndpoint: token,
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        registeredRedirectUris: [REDIRECT_URI],
        scopesSupported: PRACTICE_SCOPES,
      };
      return checkAuthorizeUrl(String(input), expected).results;
    }
    case 'redirect': {
      const urls = mistake.world ? checkedUrls(mistake.world) : null;
      const context = urls
        ? { expectedState: urls.at(-1)?.state ?? null, redirectUri: urls.length ? REDIRECT_URI : null, issuer, checkedUrls: urls }
        : { expectedState: STATE, redirectUri: REDIRECT_URI, issuer };
      return checkRedirect(typeof input === 'string' ? { url: input } : input, context).results;
    }
    case 'token-response':
      return (await checkTokenResponse(await resigned(String(input)), await tokenContext(mistake))).results;
    case 'refresh-response': {
      const ctx = await tokenContext(mistake);
      const world = mistake.world;
      // The first response as the code exchange step checked it, before any later record.
      const first = await checkTokenResponse(
        await resigned(
          tokenJson({
            token_type: 'Bearer',
            expires_in: 3600,
            access_token: TOKENS.AT_CODE,
            scope: 'offline_access api:read',
            refresh_token: TOKENS.RT_A,
          }),
        ),
        await baseTokenContext(mistake),
      );
      const summary = world?.tokenStepPassed === false ? null : first.summary;
      const rotation = world?.app?.rotation ?? (world?.app ? 'persistent' : null);
      const refreshes = world?.refreshes;
      return (
        await checkRefreshResponse(await resigned(String(input)), {
          ...ctx,
          first: summary,
          lookupRotation: world?.app ? async () => rotation : undefined,
          lookupLoginRefreshes:
            refreshes && summary
              ? async () => ({
                  rotation,
                  refreshTokenFingerprint: summary.refreshTokenFingerprint,
                  refreshedAt: refreshes.map((at) => new Date(at)),
                })
              : undefined,
        })
      ).results;
    }
  }
}

export interface Grade {
  score: 0 | 1 | 2 | 3;
  lead: CheckResult | null;
  missing: string[];
  saidAnyway: string[];
  codeMatches: boolean | null;
}

/** Grades a report against the answer the case wrote down first (see the module comment). */
export function grade(mistake: RealMistake, results: CheckResult[]): Grade {
  const lead = results.find((r) => r.status === 'fail') ?? results.find((r) => r.status === 'warn') ?? null;
  const text = lead ? `${lead.message} ${lead.hint ?? ''}` : '';
  const missing = mistake.expect.mustMention.filter((source) => !new RegExp(source, 'i').test(text));
  const saidAnyway = (mistake.expect.mustNotSay ?? []).filter((source) => new RegExp(source, 'i').test(text));
  const codeMatches = mistake.expect.code === null ? null : lead?.code === mistake.expect.code;
  const mentioned = mistake.expect.mustMention.length - missing.length;
  const score = lead === null || mentioned === 0 ? 0 : missing.length > 0 ? 1 : codeMatches === false || saidAnyway.length > 0 ? 2 : 3;
  return { score, lead, missing, saidAnyway, codeMatches };
}
