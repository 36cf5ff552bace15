/**
 * The scope field of the discovery step: one custom scope of the server's API, which the
 * metadata publishes in `scopes_supported` when it can.
 *
 * Several scopes where one is asked: a space-separated list is what the `scope` parameter
 * carries (RFC 6749 §3.3), so when every one of them is a custom scope the server publishes the
 * learner has found what was asked; the step passes with a warning asking for one (later
 * exercises put this scope in their requests, and an app asks only for what it needs). When
 * one of them is a standard or an unpublished scope, that one is the result. Pure.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
import { boundedEditDistance, explainDifference } from '../explain-difference';
import { fail, info, pass, warn, type CheckResult } from '../report';
import { STANDARD_SCOPES } from '../scope-advice';
import { placeholderIn, squash, unwrap } from './input';
import type { DiscoveryContext } from './types';
import { URL_FIELD_ORDER, URL_FIELDS } from './types';
import { otherMetadataField } from './urls';
import { fieldLabel, fieldPurpose, OKTA_SERVER_PATH, quote, whereScopesLive } from './wording';

const CHECK = 'scope';
/** Scopes classified one by one; a hostile list of thousands is judged on its first ones. */
const MAX_SCOPES = 20;

/** Why a standard scope is not a custom one. */
const STANDARD_WHY: Record<string, string> = {
  openid: 'openid is OpenID Connect’s own scope: it asks for an ID token saying who signed in, not for access to an API',
  offline_access: 'offline_access asks for a refresh token (OpenID Connect Core §11), not for access to an API',
};

/** Names Auth0 lists in scopes_supported that are user claims, not permissions of an API. */
const AUTH0_CLAIMS = new Set([
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'picture',
  'email_verified',
  'created_at',
  'updated_at',
  'identities',
  'locale',
  'phone_number',
]);

/** Keycloak's built-in client scopes (every realm has them). */
const KEYCLOAK_BUILT_IN = new Set(['roles', 'web-origins', 'acr', 'basic', 'microprofile-jwt', 'organization', 'service_account']);

/** Why a scope is standard or one the provider builds in, or null for a scope of an API. */
function builtInReason(scope: string, ctx: DiscoveryContext): string | null {
  const lower = scope.toLowerCase();
  const cased = lower === scope ? '' : ` (and scopes are case-sensitive: it is written ${quote(lower)})`;
  if (STANDARD_SCOPES.has(lower)) {
    return (
      (STANDARD_WHY[lower] ??
        `${lower} is a standard OpenID Connect scope: it asks for the user’s ${lower} claims in the ID token or from the userinfo endpoint (OpenID Connect Core §5.4), not for access to your API`) +
      cased
    );
  }
  if (ctx.kind === 'okta' && lower === 'groups' && isOktaOrgServer(ctx)) {
    return 'groups is a built-in scope of Okta’s org authorization server (it asks for the user’s groups), not a scope of your API';
  }
  if (ctx.kind === 'okta' && lower === 'device_sso')
    return 'device_sso is Okta’s built-in scope for Native SSO (a device secret), not a scope of your API';
  if (ctx.kind === 'okta' && lower.startsWith('okta.')) {
    return `${scope} is a scope of Okta’s own management APIs, granted by the org authorization server, not a scope of your API`;
  }
  if (ctx.kind === 'auth0' && AUTH0_CLAIMS.has(lower)) {
    return `${scope} is a user claim that Auth0 lists among its OpenID Connect scopes, not one of your API’s permissions`;
  }
  if (ctx.kind === 'keycloak' && KEYCLOAK_BUILT_IN.has(lower)) {
    return `${scope} is one of Keycloak’s built-in client scopes (every realm has it), not a scope you defined for your API`;
  }
  return null;
}

/** Okta's org authorization server: its issuer has no path (custom servers' are …/oauth2/{id}). */
function isOktaOrgServer(ctx: DiscoveryContext): boolean {
  return !/^https?:\/\/[^/]+\/oauth2\//.test(ctx.metadata.issuer);
}

type Verdict =
  | { kind: 'ok' }
  | { kind: 'unverifiable' }
  | { kind: 'standard'; why: string }
  | { kind: 'near'; published: string; explanation: string }
  | { kind: 'not_published' }
  | { kind: 'audience' };

function publishedScopes(ctx: DiscoveryContext): string[] | null {
  const list = ctx.metadata.scopes_supported;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : null;
}

/** The custom scopes the metadata publishes (standard and built-in ones left out). */
export function customScopes(ctx: DiscoveryContext): string[] {
  return [...new Set(publishedScopes(ctx) ?? [])].filter((s) => builtInReason(s, ctx) === null);
}

function classify(scope: string, ctx: DiscoveryContext, customs: string[]): Verdict {
  const why = builtInReason(scope, ctx);
  if (why !== null) return { kind: 'standard', why };
  const published = publishedScopes(ctx);
  if (published?.includes(scope)) return { kind: 'ok' };
  if (ctx.kind === 'auth0' && /^https?:\/\//i.test(scope)) return { kind: 'audience' };
  for (const custom of customs) {
    // A few hidden characters at most: a longer scope is no near miss (and is not squashed).
    if (scope.length > custom.length + 64) continue;
    const close = squash(scope) === squash(custom) || (custom.length >= 4 && boundedEditDistance(scope, custom, 2) !== null);
    const explanation = close ? explainDifference(scope, custom) : null;
    if (explanation) return { kind: 'near', published: custom, explanation };
  }
  // Auth0 never publishes an API's permissions, so its list says nothing about this one.
  if (published === null || ctx.kind === 'auth0') return { kind: 'unverifiable' };
  return { kind: 'not_published' };
}

const listOf = (scopes: string[]) =>
  scopes.length === 0 ? '' : `${scopes.slice(0, 6).map(quote).join(', ')}${scopes.length > 6 ? ` and ${scopes.length - 6} more` : ''}`;

/** The result for one scope: message and hint, as if it were the only one. */
function resultFor(scope: string, verdict: Verdict, ctx: DiscoveryContext, customs: string[]): CheckResult {
  const list = listOf(customs);
  const pick = list ? `Enter one of the custom scopes it publishes: ${list}.` : whereScopesLive(ctx);
  switch (verdict.kind) {
    case 'ok':
      return pass(CHECK, `Scope ${quote(scope)} is a custom scope the metadata publishes in scopes_supported.`);
    case 'standard':
      return fail(
        CHECK,
        'discovery.scope_standard',
        `${quote(scope)} is not a custom scope — ${verdict.why}.`,
        `${pick} A custom scope names access to your API, such as api:read.`,
      );
    case 'near':
      return fail(
        CHECK,
        'discovery.near_miss',
        `${quote(scope)} is not in scopes_supported, but ${quote(verdict.published)} is: ${verdict.explanation}.`,
        `Scopes are compared exactly, case included (RFC 6749 §3.3): enter ${quote(verdict.published)}.`,
      );
    case 'not_published':
      return fail(
        CHECK,
        'discovery.scope_not_published',
        `${quote(scope)} is not in the metadata's scopes_supported, which ${list ? `publishes the custom scope${customs.length === 1 ? '' : 's'} ${list}` : 'lists no custom scope at all'}.`,
        notPublishedHint(scope, ctx, list),
      );
    case 'unverifiable':
      return ctx.kind === 'auth0'
        ? info(
            CHECK,
            'discovery.scope_unverifiable',
            `${quote(scope)} could not be checked: Auth0's metadata lists only OpenID Connect scopes and user claims in scopes_supported, never an API's permissions.`,
            'Make sure it is one of your API’s permissions, written exactly as there (Auth0 Dashboard → Applications → APIs → your API → Permissions).',
          )
        : info(
            CHECK,
            'discovery.scope_unverifiable',
            `${quote(scope)} could not be checked: the metadata has no scopes_supported (the field is optional, RFC 8414 §2), so it does not say which scopes exist.`,
            `Make sure it is a scope your server defines for its API, written exactly as there. ${whereScopesLive(ctx)}`,
          );
    case 'audience':
      return warn(
        CHECK,
        'discovery.scope_audience',
        `${quote(scope)} is a URL: on Auth0 that is most likely your API's Identifier (the audience), not one of its permissions.`,
        'Enter one of the API’s permissions (Auth0 Dashboard → Applications → APIs → your API → Permissions), such as read:photos; the Identifier goes in the audience parameter.',
      );
  }
}

function notPublishedHint(scope: string, ctx: DiscoveryContext, list: string): string {
  const orOne = list ? ` Or enter one of ${list}.` : '';
  if (ctx.practice) return list ? `Enter one of the practice server's custom scopes: ${list}.` : whereScopesLive(ctx);
  switch (ctx.kind) {
    case 'okta':
      if (isOktaOrgServer(ctx)) {
        return `Okta's org authorization server (issuer ${quote(ctx.metadata.issuer)}) has no custom scopes: choose a custom authorization server as your server (issuer ${quote(`${ctx.metadata.issuer}/oauth2/default`)}), then enter one of its scopes.`;
      }
      return `If ${quote(scope)} is a scope you added, edit it (${OKTA_SERVER_PATH} → Scopes) and tick “Include in public metadata”: only then does it appear in scopes_supported.${orOne}`;
    case 'keycloak':
      return `Create it as a client scope (Keycloak admin console → your realm → Client scopes → Create client scope, protocol OpenID Connect): Keycloak publishes every client scope of the realm.${orOne}`;
    default:
      return list ? `Enter one of the custom scopes it publishes: ${list}.` : whereScopesLive(ctx);
  }
}

/** Checks the scope field: one result. */
export function checkScopeField(raw: string, ctx: DiscoveryContext): { result: CheckResult; scope: string | null } {
  const trimmed = raw.trim();
  const customs = customScopes(ctx);
  if (!trimmed) {
    const list = listOf(customs);
    return {
      result: fail(
        CHECK,
        'discovery.missing',
        'The scope field is empty.',
        list ? `Enter one custom scope the metadata publishes: ${list}.` : whereScopesLive(ctx),
      ),
      scope: null,
    };
  }
  const { value, wrapper } = unwrap(trimmed, ['scope=']);
  const { result, scope } = diagnose(value, ctx, customs);
  if (!wrapper) return { result, scope };
  if (result.status !== 'fail') {
    return {
      result: fail(
        CHECK,
        'discovery.wrapped',
        `The scope ${quote(trimmed)} still has ${wrapper} around it; the scope is ${quote(value)}.`,
        `Enter only ${quote(value)}: quotes would become part of the scope's name.`,
      ),
      scope: null,
    };
  }
  return { result: { ...result, message: `${result.message} (It also has ${wrapper} around it: enter the scope alone.)` }, scope: null };
}

function diagnose(value: string, ctx: DiscoveryContext, customs: string[]): { result: CheckResult; scope: string | null } {
  const placeholder = placeholderIn(value);
  if (placeholder !== null) {
    const list = listOf(customs);
    return {
      result: fail(
        CHECK,
        'discovery.placeholder',
        `The scope ${quote(value)} still holds the placeholder ${quote(placeholder)}.`,
        list
          ? `Replace it with a custom scope the metadata publishes: ${list}.`
          : `Replace it with a scope of your API. ${whereScopesLive(ctx)}`,
      ),
      scope: null,
    };
  }
  const other = otherMetadataField(value, 'scope', ctx);
  if (other !== null) {
    const asked = URL_FIELD_ORDER.some((f) => URL_FIELDS[f].key === other);
    const purpose = fieldPurpose(other);
    return {
      result: fail(
        CHECK,
        asked ? 'discovery.wrong_field' : 'discovery.other_endpoint',
        `You entered ${quote(value)} as the scope, but that is the ${fieldLabel(other)} (the metadata's "${other}")${purpose ? `: ${purpose}` : ''}.`,
        `A scope is a name such as api:read, listed in the metadata's scopes_supported. ${listOf(customs) ? `Enter one of ${listOf(customs)}.` : whereScopesLive(ctx)}`,
      ),
      scope: null,
    };
  }
  const scopes = [...new Set(value.split(/[\s,]+/).filter(Boolean))];
  if (scopes.length === 1) {
    const verdict = classify(scopes[0]!, ctx, customs);
    return {
      result: resultFor(scopes[0]!, verdict, ctx, customs),
      scope: verdict.kind === 'ok' || verdict.kind === 'unverifiable' ? scopes[0]! : null,
    };
  }
  return several(value, scopes, ctx, customs);
}

function several(value: string, scopes: string[], ctx: DiscoveryContext, customs: string[]): { result: CheckResult; scope: string | null } {
  const judged = scopes.slice(0, MAX_SCOPES).map((scope) => ({ scope, verdict: classify(scope, ctx, customs) }));
  const fine = judged.filter((j) => j.verdict.kind === 'ok' || j.verdict.kind === 'unverifiable');
  const first = judged.find((j) => j.verdict.kind !== 'ok' && j.verdict.kind !== 'unverifiable');
  const many = `You entered ${scopes.length} scopes, ${quote(value)}, where one is asked`;
  if (first) {
    const single = resultFor(first.scope, first.verdict, ctx, customs);
    const good = fine[0]?.scope;
    return {
      result: {
        ...single,
        message: `${many}; ${single.message}`,
        hint: good ? `Enter one custom scope only, such as ${quote(good)}.` : single.hint,
      },
      scope: null,
    };
  }
  const unchecked = judged.some((j) => j.verdict.kind === 'unverifiable');
  const commas = value.includes(',') ? ' (Scopes are separated by spaces, not commas.)' : '';
  return {
    result: warn(
      CHECK,
      'discovery.scope_several',
      `${many}. ${unchecked ? 'None of them is a standard scope, though the metadata cannot confirm them' : 'All of them are custom scopes the metadata publishes'}.${commas}`,
      `Enter just one, such as ${quote(scopes[0]!)}: later exercises put this scope in their requests, and an app asks only for the access it needs.`,
    ),
    scope: scopes[0]!,
  };
}
