/**
 * One URL field of the discovery step (issuer, authorization endpoint, token endpoint, JWKS
 * URI) against the metadata: one result, naming the root mistake when the value is not the
 * metadata's. Pure.
 */
import { trimTrailingSlashes } from '../../issuer/text';
import { parseUrl } from '../authorize-url/normalize';
import { explainDifference } from '../explain-difference';
import { fail, pass, type CheckResult } from '../report';
import { describeDivergence, hiddenCharacter, pastedDocument, placeholderIn, squash, unwrap } from './input';
import { oktaServerMixup, otherServer } from './servers';
import { URL_FIELD_ORDER, URL_FIELDS, type DiscoveryAnswers, type DiscoveryContext, type UrlField } from './types';
import { fieldLabel, fieldPurpose, quote, whereToCopy } from './wording';

const METADATA_PATH = /\/\.well-known\/(?:oauth-authorization-server|openid-configuration)/;

/** Checks one URL field; `answers` lets a swapped pair be named as such. */
export function checkUrlField(field: UrlField, answers: DiscoveryAnswers, ctx: DiscoveryContext): CheckResult {
  const { check, key, label } = URL_FIELDS[field];
  const expected = expectedValue(ctx, key);
  const raw = answers[field];
  const copy = `Copy the metadata's "${key}" ${whereToCopy(ctx, field)}: ${quote(expected)}.`;
  const bad = (code: Parameters<typeof fail>[1], message: string, hint = copy) => fail(check, code, message, hint);

  const trimmed = raw.trim();
  if (!trimmed) return bad('discovery.missing', `The ${label} field is empty.`);

  const document = pastedDocument(trimmed, key);
  if (document) {
    return bad(
      'discovery.document_pasted',
      `The ${label} field holds ${document.what}, not a URL: ${quote(trimmed.slice(0, 60))}.`,
      document.isKeySet && key === 'jwks_uri'
        ? `Enter the address the key set is served at, not its content: the metadata's "jwks_uri", ${quote(expected)}.`
        : document.valueInside
          ? `Enter only the value of its "${key}" field: ${quote(expected)}.`
          : copy,
    );
  }

  const { value, wrapper } = unwrap(trimmed);
  const result = diagnose(field, value, answers, ctx, copy);
  if (!wrapper) return result;
  if (result.status === 'pass') {
    return bad(
      'discovery.wrapped',
      `The ${label} ${quote(trimmed)} still has ${wrapper} around it; the value is ${quote(value)}.`,
      `Enter only the URL, ${quote(value)}, without ${wrapper === 'quotes' ? 'the quotes around it' : 'the rest of the line'}.`,
    );
  }
  return { ...result, message: `${result.message} (It also has ${wrapper} around it: enter the URL alone.)` };
}

function diagnose(field: UrlField, value: string, answers: DiscoveryAnswers, ctx: DiscoveryContext, copy: string): CheckResult {
  const { check, key, label } = URL_FIELDS[field];
  const expected = expectedValue(ctx, key);
  const bad = (code: Parameters<typeof fail>[1], message: string, hint = copy) => fail(check, code, message, hint);
  const Label = label === 'JWKS URI' ? label : `${label[0]!.toUpperCase()}${label.slice(1)}`;
  const matched = pass(check, `${Label} ${quote(value)} is the metadata's "${key}".`);

  if (value === expected) return matched;

  const placeholder = placeholderIn(value);
  if (placeholder !== null) {
    return bad(
      'discovery.placeholder',
      `The ${label} ${quote(value)} still holds the placeholder ${quote(placeholder)}.`,
      `Use your server's own value instead of the template's. ${copy}`,
    );
  }

  const other = otherMetadataField(value, key, ctx);
  if (other !== null) {
    const otherLabel = fieldLabel(other);
    const asked = URL_FIELD_ORDER.find((f) => URL_FIELDS[f].key === other);
    if (asked) {
      const swapped =
        answers[asked].trim() === expected ? ` The ${URL_FIELDS[asked].label} field holds the ${label}: the two are swapped.` : '';
      return bad(
        'discovery.wrong_field',
        `You entered ${quote(value)} as the ${label}, but that is the ${otherLabel} (the metadata's "${other}").${swapped}`,
        `Enter the metadata's "${key}" here: ${quote(expected)}.`,
      );
    }
    const purpose = fieldPurpose(other);
    return bad(
      'discovery.other_endpoint',
      `You entered ${quote(value)} as the ${label}, but that is the server's ${otherLabel} (the metadata's "${other}")${purpose ? `: ${purpose}` : ''}.`,
      `Take the line "${key}" of the same document: ${quote(expected)}.`,
    );
  }

  const url = parseUrl(value);
  const expectedUrl = parseUrl(expected);
  // Endpoints are used as URLs: an upper-case host or an explicit :443 reaches the same one.
  // The issuer is compared as a string (tokens carry it in "iss" character for character).
  if (field !== 'issuer' && url && expectedUrl && url.href === expectedUrl.href) {
    return pass(check, `${Label} ${quote(value)} is the metadata's "${key}" (${quote(expected)}), written differently.`);
  }

  if (trimTrailingSlashes(value) === trimTrailingSlashes(expected)) {
    const extra = value.length > expected.length;
    const why =
      field === 'issuer'
        ? ' Tokens carry the issuer in "iss" character for character, so the slash matters.'
        : ' A server matches its paths exactly, so the slash matters.';
    return bad(
      'discovery.trailing_slash',
      extra
        ? `${quote(value)} ends with a slash that the metadata's "${key}", ${quote(expected)}, does not have.${why}`
        : `${quote(value)} lacks the trailing slash of the metadata's "${key}", ${quote(expected)}.${why}`,
      `Enter ${quote(expected)} exactly${extra ? ', without the last slash' : ', slash included'}.`,
    );
  }

  const scheme = /^https?:/i.exec(value)?.[0].toLowerCase();
  const expectedScheme = /^https?:/.exec(expected)?.[0];
  if (scheme && expectedScheme && scheme !== expectedScheme && value.slice(scheme.length) === expected.slice(expectedScheme.length)) {
    return bad(
      'discovery.wrong_scheme',
      `${quote(value)} starts with ${scheme}// where the metadata's "${key}" has ${expectedScheme}//: ${quote(expected)}.`,
      expectedScheme === 'https:'
        ? `Enter ${quote(expected)}: an authorization server is only reached over https (RFC 6749 §3.1), and http:// is another URL.`
        : `Enter ${quote(expected)} as the metadata has it.`,
    );
  }

  if (value === ctx.metadataUrl || METADATA_PATH.test(value)) {
    const itself = value === ctx.metadataUrl ? 'the address of the metadata document itself' : 'the address of a metadata document';
    return bad(
      'discovery.metadata_url',
      `${quote(value)} is ${itself}, not the ${label}.`,
      field === 'issuer'
        ? `The issuer is the document's "issuer" value, ${quote(expected)}: the metadata URL is the issuer with /.well-known/… appended.`
        : `Open it and copy its "${key}" value: ${quote(expected)}.`,
    );
  }

  const base = value.search(/[?#]/);
  if (base > 0 && value.slice(0, base) === expected) {
    return bad(
      'discovery.query_included',
      `${quote(value)} is the ${label} with ${value[base] === '?' ? 'a query' : 'a fragment'} after it: ${quote(value.slice(base, base + 40))}. That is a whole request, not the endpoint.`,
      `Enter the ${label} alone, up to the “${value[base]}”: ${quote(expected)}.`,
    );
  }

  const mixup = url && expectedUrl ? oktaServerMixup(url, expectedUrl, label, ctx) : null;
  if (mixup) return bad('discovery.okta_org_server', `${quote(value)} ${mixup.message}`, mixup.hint);

  // Cut short (a selection that stopped early) only when what is left is still a URL.
  // A few hidden characters at most: a longer value is no near miss (and is not squashed).
  const near = (value.length <= expected.length + 64 && squash(value) === squash(expected)) || (url !== null && expected.startsWith(value));
  const typo = (near ? explainDifference(value, expected) : null) ?? typoIn(value, expected);
  if (typo) {
    const hidden = hiddenCharacter(value);
    return bad(
      'discovery.near_miss',
      `${quote(value)} is not quite the metadata's "${key}", ${quote(expected)}: ${typo}.`,
      hidden
        ? `Copy the value again straight from the metadata into the field (not through a chat, a PDF or a document), or type it: ${quote(expected)}.`
        : `Enter it exactly as the metadata has it: ${quote(expected)}.`,
    );
  }

  // WHATWG parsing takes "https://a/x https://b" as one URL (the space encoded): two values.
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || /\s/.test(value)) {
    return notUrl(check, label, value, expected, copy);
  }

  if (expectedUrl && url.host !== expectedUrl.host) {
    const admin = /-admin\.(okta|oktapreview|okta-emea)\.com$/i.test(url.hostname)
      ? ` ${quote(url.hostname)} is the Okta Admin Console's address, not the authorization server's.`
      : ' Those are values of another tenant or server.';
    return bad(
      'discovery.other_host',
      `${quote(value)} is on the host ${quote(url.host)}, but the metadata you read (${quote(ctx.metadataUrl)}) names ${quote(expectedUrl.host)}.${admin}`,
      `Take every value from your own server's metadata. ${copy}`,
    );
  }

  const elsewhere = url && expectedUrl ? otherServer(url, expectedUrl, ctx) : null;
  if (elsewhere)
    return bad(
      'discovery.other_server',
      `${quote(value)} ${elsewhere}`,
      `Take every value from the one metadata document you read. ${copy}`,
    );

  // Keycloak before version 17 served everything under /auth; guides still show it.
  const legacy =
    ctx.kind === 'keycloak' && url.pathname.startsWith('/auth/realms/') !== expectedUrl?.pathname.startsWith('/auth/realms/')
      ? ' (Keycloak before version 17 put /auth in front of /realms/; guides written for it still show it.)'
      : '';
  return bad(
    'discovery.mismatch',
    `${quote(value)} is not the metadata's "${key}", ${quote(expected)}: ${describeDivergence(value, expected)}.${legacy}`,
  );
}

/** The metadata's value (an empty string if a caller passed metadata without it: never a throw). */
function expectedValue(ctx: DiscoveryContext, key: string): string {
  const value = ctx.metadata[key];
  return typeof value === 'string' ? value : '';
}

/** A typo of one or two characters (explainDifference bands its edit distance). */
function typoIn(value: string, expected: string): string | null {
  if (Math.abs(value.length - expected.length) > 2) return null;
  const explained = explainDifference(value, expected);
  return explained && /character|swapped/.test(explained) ? explained : null;
}

/** The metadata field (other than `own`) whose value this is, slash or no slash. */
export function otherMetadataField(value: string, own: string, ctx: DiscoveryContext): string | null {
  const trimmed = trimTrailingSlashes(value);
  if (!trimmed) return null;
  const asked = URL_FIELD_ORDER.map((f) => URL_FIELDS[f].key as string);
  const keys = [...asked, ...Object.keys(ctx.metadata).filter((k) => !asked.includes(k))];
  for (const key of keys) {
    const candidate = ctx.metadata[key];
    if (key === own || typeof candidate !== 'string' || candidate === ctx.metadata[own]) continue;
    if (candidate === value || trimTrailingSlashes(candidate) === trimmed) return key;
  }
  return null;
}

function notUrl(check: string, label: string, value: string, expected: string, copy: string): CheckResult {
  const bad = (message: string, hint = copy) => fail(check, 'discovery.not_url', message, hint);
  if (/\s/.test(value)) {
    return bad(`The ${label} ${quote(value)} has spaces or line breaks in it; a URL has none, and one field holds one URL.`);
  }
  if (value.startsWith('/')) {
    const origin = parseUrl(expected)?.origin;
    return bad(
      `The ${label} ${quote(value)} is only a path; a URL starts with https:// and the host.`,
      origin && `${origin}${value}` === expected ? `Put the host in front: ${quote(expected)}.` : copy,
    );
  }
  // Parsed again only when short enough to be a URL someone typed (a 64 KiB host is slow to parse).
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && value.length <= 2048 && parseUrl(`https://${value}`)) {
    return bad(
      `The ${label} ${quote(value)} has no scheme; a URL starts with https://.`,
      `https://${value}` === expected ? `Start it with https://: ${quote(expected)}.` : `Start it with https://. ${copy}`,
    );
  }
  return bad(`The ${label} ${quote(value)} is not an http(s) URL.`);
}
