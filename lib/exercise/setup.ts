import type { DiscoveryOutcome, JwksOutcome, MetadataAttempt } from '../issuer/discover';
import { detectProviderKind, PROVIDERS, type ProviderKind } from '../issuer/providers';
import type { SafeFetchFailure } from '../issuer/safe-fetch';
import { fail, info, makeReport, pass, quote as quoteText, warn, type CheckResult, type Report } from './report';
import { trimTrailingSlashes } from '../issuer/text';
import { nameCharacter } from './explain-difference';
import { realmHint, unreachableHint } from './issuer-hints';

/**
 * Step 0, "Choose your authorization server" (the `setup` step, docs/api.md): checks what the
 * learner entered for their own server and what discovery found there. Pure: the discovery
 * outcome is passed in.
 */

/** The authorization server the exercise runs against, in either mode. Never holds a secret. */
export interface ProviderConfig {
  mode: 'practice' | 'custom';
  kind: ProviderKind;
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  scopesSupported: string[] | null;
  clientId: string;
  redirectUri: string;
}

export interface SetupInput {
  issuer: string;
  clientId: string;
  redirectUri: string;
}

export interface SetupReport extends Report<'setup'> {
  /** Present when the report passes. */
  provider?: ProviderConfig;
}

// URLs are quoted whole: a truncated URL is no help.
const quote = (value: string) => quoteText(value, 200);

const ISSUER_EXAMPLES = `Okta's is ${PROVIDERS.okta.issuerExample}, Auth0's ${PROVIDERS.auth0.issuerExample}, Keycloak's ${PROVIDERS.keycloak.issuerExample}`;
// Template values left in: {yourOktaDomain}, <client id>, YOUR_CLIENT_ID.
const PLACEHOLDER = /[{}<>]|YOUR_[A-Z_]*|\byourOktaDomain\b/;

/**
 * The practice server's configuration (docs/decisions/001-practice-server-on-oidc-provider.md),
 * in the same shape as a learner's own server. `client` is the learner's practice app, once
 * it exists.
 */
export function practiceProviderConfig(publicUrl: string, client: { clientId?: string; redirectUri?: string } = {}): ProviderConfig {
  const base = trimTrailingSlashes(publicUrl);
  const issuer = `${base}/oauth2/default`;
  return {
    mode: 'practice',
    kind: 'okta',
    issuer,
    authorizationEndpoint: `${issuer}/v1/authorize`,
    tokenEndpoint: `${issuer}/v1/token`,
    jwksUri: `${issuer}/v1/keys`,
    scopesSupported: ['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write'],
    clientId: client.clientId ?? '',
    redirectUri: client.redirectUri ?? `${base}/redirect`,
  };
}

/** Checks the issuer as typed, before anything is fetched: an absolute http(s) URL, nothing more. */
function checkIssuerInput(raw: string): CheckResult | null {
  const value = raw.trim();
  if (!value) {
    // Its own code: an empty field is not a malformed URL, and instructors count the two apart.
    return fail(
      'issuer',
      'issuer.missing',
      'The Issuer URL field is empty.',
      `Enter your authorization server's issuer URL: ${ISSUER_EXAMPLES}. No server of your own? Use the practice server.`,
    );
  }
  const bad = (message: string, hint: string) => fail('issuer', 'issuer.invalid_url', message, hint);
  if (/\s/.test(value)) {
    return bad(`The issuer ${quote(value)} contains whitespace.`, 'Remove the spaces or line breaks; an issuer is a single URL.');
  }
  if (PLACEHOLDER.test(value)) {
    return bad(
      `The issuer ${quote(value)} still contains a placeholder.`,
      'Replace the placeholder (e.g. {yourOktaDomain}) with your own domain, such as dev-123456.okta.com.',
    );
  }
  if (value.startsWith('/')) {
    return bad(
      `The issuer ${quote(value)} is only a path.`,
      `Enter the full URL, starting with https:// and the host name: ${ISSUER_EXAMPLES}.`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad(`The issuer ${quote(value)} is not a URL.`, `Start it with https://, e.g. https://${value.replace(/^\/+/, '')}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    // "localhost:8080" parses as scheme "localhost:"; a real other scheme (ftp:) is replaced.
    const suggestion = /^[a-z0-9.-]+:\d+(\/|$)/i.test(value) ? value : value.replace(/^[a-z][a-z0-9+.-]*:\/*/i, '');
    return bad(`The issuer ${quote(value)} is not an http(s) URL.`, `Start it with https://, e.g. https://${suggestion}.`);
  }
  if (url.username || url.password) {
    return bad(`The issuer ${quote(value)} contains a user name or password.`, 'Remove the credentials from the URL.');
  }
  if (value.includes('?') || value.includes('#')) {
    return bad(
      `The issuer ${quote(value)} has a query or fragment.`,
      `An issuer has neither (RFC 8414 §2). Enter ${quote(`${url.origin}${url.pathname}`)}.`,
    );
  }
  const wellKnown = url.pathname.indexOf('/.well-known/');
  if (wellKnown !== -1) {
    const issuer = `${url.origin}${url.pathname.slice(0, wellKnown)}`;
    return bad(
      `${quote(value)} is a metadata document's URL, not the issuer.`,
      `Enter the issuer itself, the part before /.well-known/: ${quote(issuer)}.`,
    );
  }
  return null;
}

function checkClientId(raw: string): CheckResult {
  const value = raw.trim();
  if (!value) {
    return fail(
      'client_id',
      'client_id.missing',
      'The client ID is empty.',
      "Copy the Client ID from your app's page in your authorization server's console.",
    );
  }
  if (PLACEHOLDER.test(value)) {
    return fail(
      'client_id',
      'client_id.missing',
      `The client ID ${quote(value)} is still a placeholder.`,
      "Replace it with the Client ID from your app's page in your authorization server's console.",
    );
  }
  // A character that does not show (copied from a chat or a PDF): named, or the ID never matches (issue 19).
  const hidden = [...value].find((char) => /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/.test(char));
  if (hidden !== undefined) {
    return fail(
      'client_id',
      'client_id.mismatch',
      `The client ID ${quote(value)} contains ${nameCharacter(hidden)} at position ${value.indexOf(hidden) + 1}, which does not show but is part of the value.`,
      "Type the client ID again, or copy it from your app's page in the console straight into the field (not through a chat, a PDF or a document).",
    );
  }
  return pass('client_id', `Client ID ${quote(value)}.`);
}

function checkRedirectUri(raw: string): CheckResult {
  const value = raw.trim();
  const bad = (message: string, hint: string) => fail('redirect_uri', 'redirect_uri.invalid', message, hint);
  const registered = 'Enter one of the sign-in redirect URIs registered for your app, e.g. this site’s /redirect page.';
  if (!value) return bad('The redirect URI is empty.', registered);
  if (/\s/.test(value)) return bad(`The redirect URI ${quote(value)} contains whitespace.`, 'Remove the spaces or line breaks.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad(`The redirect URI ${quote(value)} is not an absolute URL.`, registered);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return bad(`The redirect URI ${quote(value)} is not an http(s) URL.`, registered);
  }
  if (value.includes('#')) {
    return bad(
      `The redirect URI ${quote(value)} has a fragment.`,
      'A redirect URI must not include a fragment (RFC 6749 §3.1.2); remove the part from # on.',
    );
  }
  return pass('redirect_uri', `Redirect URI ${quote(value)}.`);
}

/**
 * Checks a learner's own-server setup: the input as typed and, when it was run, what discovery
 * found. Every problem is reported at once; `provider` is set only when the report passes.
 * @see https://www.rfc-editor.org/rfc/rfc8414
 */
export function checkSetup(input: SetupInput, discovery: DiscoveryOutcome | null): SetupReport {
  const issuer = input.issuer.trim();
  const issuerProblem = checkIssuerInput(input.issuer);
  const clientResults = [checkClientId(input.clientId), checkRedirectUri(input.redirectUri)];
  if (issuerProblem) return makeReport('setup', [issuerProblem, ...clientResults]);
  if (!discovery) return makeReport('setup', clientResults);

  const report: SetupReport = makeReport('setup', [...checkDiscovery(issuer, discovery), ...clientResults]);
  if (report.status === 'pass' && discovery.status === 'found') {
    const { metadata } = discovery;
    if (metadata.authorization_endpoint && metadata.token_endpoint && metadata.jwks_uri) {
      report.provider = {
        mode: 'custom',
        kind: detectProviderKind(metadata.issuer, metadata),
        issuer: metadata.issuer,
        authorizationEndpoint: metadata.authorization_endpoint,
        tokenEndpoint: metadata.token_endpoint,
        jwksUri: metadata.jwks_uri,
        scopesSupported: metadata.scopes_supported ?? null,
        clientId: input.clientId.trim(),
        redirectUri: input.redirectUri.trim(),
      };
    }
  }
  return report;
}

function checkDiscovery(issuer: string, discovery: DiscoveryOutcome): CheckResult[] {
  switch (discovery.status) {
    case 'fetch_failed':
      return [fetchFailure(issuer, discovery.failure)];
    case 'no_metadata':
      return [
        pass('issuer', `Reached ${quote(issuer)}.`),
        fail(
          'metadata',
          'issuer.no_metadata',
          `No authorization server metadata found: ${describeAttempts(discovery.attempts)}.`,
          realmHint(issuer) ?? `Check that this is the issuer, not the site's home page or an endpoint: ${ISSUER_EXAMPLES}.`,
        ),
      ];
    case 'metadata_invalid':
      return [
        pass('issuer', `Reached ${quote(issuer)}.`),
        fail(
          'metadata',
          'issuer.metadata_invalid',
          `The metadata at ${quote(discovery.url)} is not valid: ${discovery.issues.slice(0, 3).join('; ')}.`,
          'This server does not publish standard metadata. Check the issuer, or use the practice server.',
        ),
      ];
    case 'found':
      return [pass('issuer', `Reached ${quote(issuer)}.`), ...checkMetadata(issuer, discovery)];
  }
}

function fetchFailure(issuer: string, failure: SafeFetchFailure): CheckResult {
  const at = failure.url === issuer || failure.url.startsWith(`${trimTrailingSlashes(issuer)}/`) ? '' : ` (at ${quote(failure.url)})`;
  switch (failure.reason) {
    case 'invalid_url':
      return fail(
        'issuer',
        'issuer.invalid_url',
        `${quote(issuer)} could not be fetched${at}: ${failure.detail}.`,
        'Enter the issuer as an https:// URL.',
      );
    case 'not_https':
      return fail(
        'issuer',
        'issuer.not_https',
        `${quote(issuer)} was refused${at}: ${failure.detail}.`,
        'Use the https:// issuer. Plain http is only for a server on the same machine as this site, when it runs with ALLOW_PRIVATE_ISSUERS=true.',
      );
    case 'private_address':
      return fail(
        'issuer',
        'issuer.private_address',
        `${quote(issuer)} was refused${at}: ${failure.detail}.`,
        'This site only contacts public addresses, so it cannot reach private, loopback or link-local ones. ' +
          'Use a publicly reachable issuer; if you host this site yourself and trust its users, set ALLOW_PRIVATE_ISSUERS=true.',
      );
    case 'too_large':
      return fail(
        'metadata',
        'issuer.metadata_invalid',
        `The metadata for ${quote(issuer)} could not be read${at}: ${failure.detail}.`,
        'Real metadata documents are a few KiB: check the issuer.',
      );
    default:
      return fail('issuer', 'issuer.unreachable', `Could not reach ${quote(issuer)}${at}: ${failure.detail}.`, unreachableHint(failure));
  }
}

function describeAttempts(attempts: MetadataAttempt[]): string {
  return attempts.map((a) => `${a.url} → ${a.detail}`).join('; ');
}

function checkMetadata(issuer: string, discovery: Extract<DiscoveryOutcome, { status: 'found' }>): CheckResult[] {
  const { metadata, metadataUrl } = discovery;
  const results: CheckResult[] = [];
  const kind = detectProviderKind(metadata.issuer, metadata);

  const missing: CheckResult[] = [];
  if (!metadata.authorization_endpoint) {
    missing.push(
      fail(
        'metadata',
        'issuer.no_authorization_endpoint',
        `The metadata at ${quote(metadataUrl)} has no authorization_endpoint.`,
        'This server cannot run the authorization code flow; use another server or the practice server.',
      ),
    );
  }
  if (!metadata.token_endpoint) {
    missing.push(
      fail(
        'metadata',
        'issuer.no_token_endpoint',
        `The metadata at ${quote(metadataUrl)} has no token_endpoint.`,
        'This server cannot exchange codes for tokens; use another server or the practice server.',
      ),
    );
  }
  results.push(...(missing.length ? missing : [pass('metadata', `Found the metadata at ${quote(metadataUrl)}.`)]));

  results.push(
    metadata.issuer === issuer
      ? pass('issuer_match', `The metadata names the same issuer, ${quote(issuer)}.`)
      : fail(
          'issuer_match',
          'issuer.mismatch',
          `You entered ${quote(issuer)}, but the metadata at ${quote(metadataUrl)} says its issuer is ${quote(metadata.issuer)}.`,
          mismatchHint(issuer, metadata.issuer, kind),
        ),
  );
  const orgServer = oktaOrgServer(metadata.issuer, kind);
  if (orgServer) results.push(orgServer);

  results.push(checkJwks(discovery.jwks));

  const methods = metadata.code_challenge_methods_supported;
  results.push(
    methods?.includes('S256')
      ? pass('pkce', 'PKCE with S256 is advertised.')
      : warn(
          'pkce',
          'issuer.pkce_not_advertised',
          methods
            ? `code_challenge_methods_supported lists ${methods.map((m) => quote(m)).join(', ') || 'nothing'}, not S256.`
            : 'The metadata does not list code_challenge_methods_supported.',
          'The exercise uses PKCE with S256. If your server supports it anyway, carry on; otherwise turn PKCE on for your app.',
        ),
  );

  const grants = metadata.grant_types_supported;
  if (grants?.includes('refresh_token')) {
    results.push(pass('refresh_grant', 'The refresh_token grant is advertised.'));
  } else if (!grants) {
    results.push(
      info(
        'refresh_grant',
        'issuer.refresh_grant_not_advertised',
        'The metadata does not list grant_types_supported, so it does not say whether refresh tokens are supported.',
        'Most servers support them: enable the Refresh Token grant for your app in the next step.',
      ),
    );
  } else {
    results.push(
      warn(
        'refresh_grant',
        'issuer.refresh_grant_not_advertised',
        `grant_types_supported lists ${grants.map((g) => quote(g)).join(', ') || 'nothing'}, not refresh_token.`,
        'This server may not issue refresh tokens. Check its documentation, or use the practice server.',
      ),
    );
  }
  return results;
}

function mismatchHint(entered: string, published: string, kind: ProviderKind): string {
  const trim = trimTrailingSlashes;
  if (trim(entered) === trim(published)) {
    return `They differ only by a trailing slash. Tokens carry "iss": "${published}" character for character, so enter ${quote(published)}.`;
  }
  if (kind === 'okta') {
    const org = [entered, published].find((s) => /^\/?$/.test(pathOf(s)));
    const custom = [entered, published].find((s) => /^\/oauth2\/[^/]+\/?$/.test(pathOf(s)));
    if (org && custom) {
      return (
        `${quote(trim(org))} is Okta's org authorization server and ${quote(trim(custom))} a custom authorization server. ` +
        `Use the custom one, ${quote(trim(custom))}: it issues the access tokens this exercise verifies and supports custom scopes.`
      );
    }
  }
  return `Enter the issuer exactly as the server publishes it: ${quote(published)}.`;
}

function oktaOrgServer(issuer: string, kind: ProviderKind): CheckResult | null {
  if (kind !== 'okta' || !/^\/?$/.test(pathOf(issuer))) return null;
  const custom = `${trimTrailingSlashes(issuer)}/oauth2/default`;
  return warn(
    'issuer_match',
    'issuer.okta_org_server',
    `${quote(issuer)} is Okta's org authorization server.`,
    `Use your custom authorization server, ${quote(custom)}: the org server's access tokens are meant for Okta's own APIs and it does not support custom scopes.`,
  );
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function checkJwks(jwks: JwksOutcome): CheckResult {
  const noJwks = (message: string, hint: string) => fail('jwks', 'issuer.no_jwks', message, hint);
  switch (jwks.status) {
    case 'missing':
      return noJwks(
        'The metadata has no jwks_uri.',
        'Without published keys the access tokens cannot be verified; use a server that publishes a JWKS, or the practice server.',
      );
    case 'fetch_failed':
      return noJwks(
        `The keys at ${quote(jwks.uri)} could not be loaded: ${jwks.detail}.`,
        'The jwks_uri must be reachable over https from the internet.',
      );
    case 'invalid':
      return noJwks(
        `The keys at ${quote(jwks.uri)} could not be read: ${jwks.detail}.`,
        'The jwks_uri must return a JSON Web Key Set ({"keys": [...]}).',
      );
    case 'no_signing_keys':
      return noJwks(
        `The key set at ${quote(jwks.uri)} holds ${jwks.keyCount} key${jwks.keyCount === 1 ? '' : 's'}, none usable to verify signatures.`,
        'The server must publish at least one public signing key (RSA, EC or Ed25519, "use": "sig").',
      );
    case 'ok':
      return pass(
        'jwks',
        `Loaded ${jwks.signingKeyCount} signing key${jwks.signingKeyCount === 1 ? '' : 's'} (${jwks.algorithms.join(', ')}) from ${quote(jwks.uri)}.`,
      );
  }
}
