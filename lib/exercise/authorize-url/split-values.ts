/**
 * A value that an unencoded "&" cut in two (issue 19, class 3): `scope=offline_access&api:read`
 * reads as the scope "offline_access" and a parameter "api:read" without a value; a state made
 * by a password manager (`state=k7&Qp…`) loses its tail the same way. Told as what it is — the
 * "&" inside the value — and read as meant, so the other checks neither call the piece an
 * unknown parameter to remove nor pass a scope list that lost a scope.
 */
import { decodeAgain, formDecode, MAX_QUOTE, type Param } from './normalize';
import { KNOWN_PARAMS } from './params';
import { type CheckResult, fail, quote, warn } from '../report';

/** Parameters whose values may hold the cut pieces, and how the pieces join back (for the message). */
const JOINED_BY: Record<string, string> = { scope: ' ', state: '&' };

/**
 * The parameters as meant (pieces without "=" joined back to the scope or state before them)
 * and what was found.
 */
export function joinSplitValues(params: Param[]): { params: Param[]; results: CheckResult[] } {
  const out: Param[] = [];
  const results: CheckResult[] = [];
  let owner: { index: number; pieces: string[] } | null = null;
  const finish = () => {
    if (!owner || owner.pieces.length === 0) return;
    const p = out[owner.index]!;
    const pieces = owner.pieces;
    const joiner = JOINED_BY[p.name]!;
    const seen = `${p.name}=${p.rawValue ?? ''}&${pieces.join('&')}`;
    // A scope is read as meant (its check then judges the scopes intended); a state stays what
    // the server reads and will send back, which the redirect step compares with.
    if (p.name === 'scope') out[owner.index] = { ...p, value: [p.value, ...pieces].join(joiner) };
    results.push(
      p.name === 'scope'
        ? fail(
            'scope',
            'param.value_split',
            `${quote(seen, MAX_QUOTE)}: the "&" ends the scope parameter, so the server reads the scope ${quote(p.value, 40)} and ${pieces.length === 1 ? 'a parameter' : 'parameters'} ${pieces.map((x) => quote(x, 30)).join(', ')} without a value.`,
            `Separate scopes with "+" or "%20" (a space), never "&": scope=${[p.value, ...pieces].join('+')}.`,
          )
        : warn(
            'state',
            'param.value_split',
            `${quote(seen, MAX_QUOTE)}: the "&" inside your state value ends it, so the server reads state=${quote(p.value, 30)} and returns only that.`,
            'Percent-encode the "&" in the value as %26, or use a state of letters and digits only (the "state" helper makes one): a password manager’s symbols are not safe in a URL.',
          ),
    );
  };
  for (const p of params) {
    // A known parameter without "=" is that parameter left empty, not a piece of a value.
    if (p.rawValue === null && owner && !KNOWN_PARAMS.includes(p.name)) {
      owner.pieces.push(p.name);
      continue;
    }
    finish();
    owner = Object.hasOwn(JOINED_BY, p.name) && p.rawValue !== null ? { index: out.length, pieces: [] } : null;
    out.push(p);
  }
  finish();
  return { params: out, results };
}

/** `%26name%3D` inside a value: an encoded "&name=" (any case of the hex digits). */
const ENCODED_SEPARATOR = /%26([A-Za-z_]{2,40})%3D/i;

/**
 * The reverse mistake (issue 19, class 5): a parameter glued into the value before it by an
 * encoded "&" — `redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fredirect%26state%3Dabc`, made by
 * encoding "redirect_uri&state=…" as one value. The server reads one long redirect_uri and no
 * state. Told as what it is, and read as meant (the value cut there, the glued parameter
 * added), so the other checks neither report a wrong redirect URI nor ask to add a state that
 * is there.
 */
export function separateEncodedParams(params: Param[]): { params: Param[]; results: CheckResult[] } {
  const out: Param[] = [];
  const results: CheckResult[] = [];
  const present = new Set(params.map((p) => p.name));
  for (const p of params) {
    const match = p.rawValue === null ? null : ENCODED_SEPARATOR.exec(p.rawValue);
    const name = match?.[1];
    if (!match || !name || !KNOWN_PARAMS.includes(name) || present.has(name)) {
      out.push(p);
      continue;
    }
    const raw = p.rawValue!;
    const kept = raw.slice(0, match.index);
    const rest = raw.slice(match.index + match[0].length);
    const gluedRaw = decodeAgain(rest);
    out.push({ ...p, rawValue: kept, value: formDecode(kept) }, { name, rawValue: gluedRaw, value: formDecode(gluedRaw) });
    results.push(
      fail(
        p.name === 'redirect_uri' ? 'redirect_uri' : 'params',
        'param.encoded_separator',
        `${p.name} ends in ${quote(`${match[0]}${rest.slice(0, 12)}${rest.length > 12 ? '…' : ''}`, MAX_QUOTE)}: %26 is an encoded "&" and %3D an encoded "=", so "&${name}=" is part of the ${p.name} value — the server reads ${p.name} as ${quote(formDecode(raw), MAX_QUOTE)} and finds no ${name} parameter of its own.`,
        `Encode only the ${p.name} value itself and write a real "&" before ${name}: ${p.name}=${kept}&${name}=${gluedRaw.slice(0, 40)}.`,
      ),
    );
  }
  return { params: out, results };
}
