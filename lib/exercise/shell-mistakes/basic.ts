/**
 * `Authorization: Basic …` headers as the usual shell recipes build them (issue 19,
 * class 4). The header is `Basic ` and the base64 of `client_id:client_secret`, each
 * form-urlencoded first (RFC 6749 §2.3.1). The usual ways to get it wrong: `echo` adds a
 * newline (cmd.exe's echo a space and \r\n too), base64url instead of base64, padding
 * dropped, GNU base64 wrapping its output at 76 columns, the colon missing, id and secret
 * swapped, quotes or an extra space in the header, the `Basic` scheme left out.
 *
 * The diagnosis reads the header once (decode, then look at the structure), so it also
 * works without the secret (a learner's own server): the structural mistakes are found,
 * only the secret itself cannot be judged. Mistake ids are stable and safe to store: the
 * practice server stores only them, never the header.
 *
 * Pure and browser-safe.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @see https://www.rfc-editor.org/rfc/rfc7617#section-2
 */
import { decodeBase64Loose, fromUtf8, toBase64, toBase64Url, utf8, withoutPadding } from './encoding';

/** Every mistake, in the order a message lists them (the header's form first, then its contents). */
export const BASIC_MISTAKES = [
  'no_scheme',
  'wrong_scheme',
  'quoted',
  'extra_space',
  'wrapped',
  'unpadded',
  'base64url',
  'newline',
  'crlf',
  'trailing_space',
  'quotes_in_credentials',
  'no_colon',
  'swapped',
  'not_form_encoded',
] as const;
export type BasicMistake = (typeof BASIC_MISTAKES)[number];

const MISTAKE_TEXT: Record<BasicMistake, string> = {
  no_scheme: 'the word Basic is missing before the base64 text',
  wrong_scheme: 'the scheme is not Basic',
  quoted: 'quotes ended up inside the header value, around the base64 text',
  extra_space: 'there is more than one space between Basic and the base64 text',
  wrapped: 'the base64 text is broken over two lines (GNU base64 wraps its output at 76 columns: use base64 -w0 or openssl base64 -A)',
  base64url: 'the credentials were encoded as base64url (- and _) instead of base64 (+ and /)',
  unpadded: 'the = padding at the end of the base64 text was dropped',
  newline: 'a newline was encoded after the secret (echo adds one; printf %s does not)',
  crlf: 'a Windows line ending (\\r\\n) was encoded after the secret',
  trailing_space: "a space was encoded after the secret (cmd.exe's echo keeps the space before a |)",
  quotes_in_credentials: 'quotes were encoded around the credentials (in cmd.exe, quotes given to echo are printed)',
  no_colon: 'the colon between client ID and secret is missing',
  swapped: 'the client secret comes first and the client ID second: it is client_id:client_secret',
  not_form_encoded:
    'the secret has characters that must be form-urlencoded before base64 (RFC 6749 §2.3.1), and they were not (curl -u does not do it)',
};

export interface BasicCandidate {
  /** `correct`, or the mistake the header makes. */
  label: BasicMistake | 'correct';
  /** The whole header value, e.g. `Basic MG9hMTp...`. */
  header: string;
}

export interface BasicDiagnosis {
  /** What the header does differently from RFC 7617 and RFC 6749 §2.3.1, in {@link BASIC_MISTAKES} order. */
  mistakes: BasicMistake[];
  /** The expected client ID when the header carries it (mistakes undone); null when it does not. */
  clientId: string | null;
  /** Whether the header carries `clientId` and, when known, its secret: null when the secret was not given or the header is unreadable. */
  credentialsMatch: boolean | null;
  /** The header names another client than the expected one (neither part is the client ID). */
  otherClient: boolean;
}

/** Longer headers are not a Basic header a learner built. */
export const MAX_HEADER = 2048;

/** RFC 6749 §2.3.1: application/x-www-form-urlencoded, as oidc-provider decodes it (space as +). */
export const formEncode = (value: string): string =>
  encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+');

const b64 = (text: string) => toBase64(utf8(text));

/** The correct header and one header per mistake the usual recipes make (those that differ from the correct one). */
export function basicCandidates(clientId: string, clientSecret: string): BasicCandidate[] {
  const credentials = `${formEncode(clientId)}:${formEncode(clientSecret)}`;
  const token = b64(credentials);
  const wrapped = token.length > 76 ? `${token.slice(0, 76)}\n${token.slice(76)}` : null;
  const all: [BasicCandidate['label'], string | null][] = [
    ['correct', `Basic ${token}`],
    ['no_scheme', token],
    ['wrong_scheme', `Bearer ${token}`],
    ['quoted', `Basic "${token}"`],
    ['extra_space', `Basic  ${token}`],
    ['wrapped', wrapped === null ? null : `Basic ${wrapped}`],
    ['unpadded', `Basic ${withoutPadding(token)}`],
    ['base64url', `Basic ${toBase64Url(utf8(credentials))}`],
    ['newline', `Basic ${b64(`${credentials}\n`)}`],
    ['crlf', `Basic ${b64(`${credentials}\r\n`)}`],
    ['trailing_space', `Basic ${b64(`${credentials} `)}`],
    ['quotes_in_credentials', `Basic ${b64(`"${credentials}"`)}`],
    ['no_colon', `Basic ${b64(`${formEncode(clientId)}${formEncode(clientSecret)}`)}`],
    ['swapped', `Basic ${b64(`${formEncode(clientSecret)}:${formEncode(clientId)}`)}`],
    ['not_form_encoded', `Basic ${b64(`${clientId}:${clientSecret}`)}`],
  ];
  const seen = new Set<string>();
  return all.flatMap(([label, header]) => (header === null || seen.has(header) ? [] : (seen.add(header), [{ label, header }])));
}

const isQuote = (ch: string | undefined) => ch === '"' || ch === "'";
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';

/** Removes one pair of matching quotes around `text`; says whether there was one. */
function unquote(text: string): [string, boolean] {
  return text.length >= 2 && isQuote(text[0]) && text.at(-1) === text[0] ? [text.slice(1, -1), true] : [text, false];
}

const formDecode = (value: string): string | null => {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return null;
  }
};

/** A Basic header undone: what its form did wrong, and the credentials text it carries. */
export interface ReadBasicHeader {
  mistakes: Set<BasicMistake>;
  /** The decoded `client_id:client_secret` text (line ending, spaces and all). */
  credentials: string;
}

/** Reads the form of a Basic header (see {@link diagnoseBasicHeader}); null when it is none. */
export function readBasicHeader(header: string): ReadBasicHeader | null {
  if (header.length > MAX_HEADER) return null;
  const mistakes = new Set<BasicMistake>();
  let value = header.trim();
  if (/^authorization[ \t]*:/i.test(value)) value = value.slice(value.indexOf(':') + 1).trim();
  let quoted: boolean;
  [value, quoted] = unquote(value);
  if (quoted) mistakes.add('quoted');

  // The scheme: a short word before a space. A long first "word" is the base64 text itself.
  let token = value;
  let gap = 0;
  while (gap < value.length && !isSpace(value[gap]) && value[gap] !== '\n' && value[gap] !== '\r') gap += 1;
  const scheme = value.slice(0, gap);
  if (gap < value.length && /^[A-Za-z]{3,12}$/.test(scheme)) {
    let next = gap;
    while (next < value.length && isSpace(value[next])) next += 1;
    if (next - gap > 1) mistakes.add('extra_space');
    if (scheme.toLowerCase() !== 'basic') mistakes.add('wrong_scheme');
    token = value.slice(next);
  } else {
    mistakes.add('no_scheme');
  }
  [token, quoted] = unquote(token.trim());
  if (quoted) mistakes.add('quoted');

  // A base64 text broken by a line break (or stray spaces) is read as one.
  let joined = '';
  for (const ch of token) {
    if (ch === '\n' || ch === '\r') mistakes.add('wrapped');
    else if (!isSpace(ch)) joined += ch;
  }
  const bytes = decodeBase64Loose(joined);
  if (bytes === null || bytes.length === 0) return null;
  if (joined.includes('-') || joined.includes('_')) mistakes.add('base64url');
  else if (joined.length % 4 !== 0) mistakes.add('unpadded');
  return { mistakes, credentials: fromUtf8(bytes) };
}

/**
 * What a Basic header does differently from the right one for `clientId` (and
 * `clientSecret`, when known). `header` is the value (`Basic …`) or the whole header line
 * (`Authorization: Basic …`). Null when it is no Basic header at all (or too long to be one).
 */
export function diagnoseBasicHeader(header: string, clientId: string, clientSecret: string | null): BasicDiagnosis | null {
  const read = readBasicHeader(header);
  if (read === null) return null;
  return { ...readCredentials(read.credentials, clientId, clientSecret, read.mistakes), mistakes: ordered(read.mistakes) };
}

/**
 * What `curl -u 'id:secret'` (or httpie's `-a`) sends, diagnosed like a header: curl
 * base64-encodes the text as it is, so only the contents can be wrong.
 */
export function diagnoseBasicUser(user: string, clientId: string, clientSecret: string | null): BasicDiagnosis | null {
  if (user.length === 0 || user.length > MAX_HEADER) return null;
  const mistakes = new Set<BasicMistake>();
  return { ...readCredentials(user, clientId, clientSecret, mistakes), mistakes: ordered(mistakes) };
}

function readCredentials(
  decoded: string,
  clientId: string,
  clientSecret: string | null,
  mistakes: Set<BasicMistake>,
): Omit<BasicDiagnosis, 'mistakes'> {
  let text = decoded;
  if (text.endsWith('\r\n')) {
    mistakes.add('crlf');
    text = text.slice(0, -2);
  } else if (text.endsWith('\n')) {
    mistakes.add('newline');
    text = text.slice(0, -1);
  }
  if (text.endsWith(' ')) {
    mistakes.add('trailing_space');
    text = text.trimEnd();
  }
  const [unquoted, quoted] = unquote(text);
  text = unquoted;
  if (quoted) mistakes.add('quotes_in_credentials');

  // The client ID as sent (form-encoded, or as it is), then a colon, then the secret.
  const id = [formEncode(clientId), clientId].find((form) => text.startsWith(`${form}:`));
  if (id !== undefined) return found(clientId, text.slice(id.length + 1), clientSecret, mistakes);
  const last = [formEncode(clientId), clientId].find((form) => text.endsWith(`:${form}`));
  if (last !== undefined) {
    mistakes.add('swapped');
    return found(clientId, text.slice(0, -(last.length + 1)), clientSecret, mistakes);
  }
  if (!text.includes(':')) {
    mistakes.add('no_colon');
    const glued = [formEncode(clientId), clientId].find((form) => text.startsWith(form));
    if (glued !== undefined) return found(clientId, text.slice(glued.length), clientSecret, mistakes);
    return { clientId: null, credentialsMatch: null, otherClient: false };
  }
  const user = formDecode(text.slice(0, text.indexOf(':')));
  return { clientId: null, credentialsMatch: false, otherClient: user !== clientId };
}

function found(
  clientId: string,
  secret: string,
  clientSecret: string | null,
  mistakes: Set<BasicMistake>,
): Omit<BasicDiagnosis, 'mistakes'> {
  // Only the secret's form-encoding is a question of form; a wrong secret is just wrong.
  return { clientId, credentialsMatch: clientSecret === null ? null : secretMatches(secret, clientSecret, mistakes), otherClient: false };
}

function secretMatches(sent: string, secret: string, mistakes: Set<BasicMistake>): boolean {
  const encoded = formEncode(secret);
  if (sent === encoded) return true;
  if (sent === secret) {
    mistakes.add('not_form_encoded');
    return true;
  }
  return formDecode(sent) === secret;
}

const ordered = (mistakes: Set<BasicMistake>): BasicMistake[] => BASIC_MISTAKES.filter((m) => mistakes.has(m));

/** A mistake's words for a message. */
export const describeBasicMistake = (mistake: BasicMistake): string => MISTAKE_TEXT[mistake];

/** A stored label (`newline+wrapped`) back to its mistakes; unknown parts are dropped. */
export function parseBasicLabel(label: string): BasicMistake[] {
  const parts = new Set(label.split('+'));
  return BASIC_MISTAKES.filter((m) => parts.has(m));
}

/** The label stored for a diagnosis: the mistakes joined by `+`, or `correct`, `wrong_secret`, `other_client`. */
export function basicLabel(diagnosis: BasicDiagnosis): string {
  if (diagnosis.mistakes.length > 0) return diagnosis.mistakes.join('+');
  if (diagnosis.otherClient) return 'other_client';
  return diagnosis.credentialsMatch === false ? 'wrong_secret' : 'correct';
}
