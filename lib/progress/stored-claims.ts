/**
 * Which decoded claims of a pasted access token are kept with an attempt: only those the
 * instructor's learner timeline shows, each value cut short. A pasted JWT can carry
 * megabytes of claims; an attempt row stays under {@link MAX_STORED_CLAIMS_BYTES}.
 */

/** Claims the learner timeline shows (decoded, non-secret), in display order. */
export const SHOWN_CLAIMS = ['iss', 'sub', 'aud', 'cid', 'client_id', 'scp', 'scope', 'iat', 'exp'] as const;

export const MAX_STORED_CLAIMS_BYTES = 4096;
const MAX_STRING = 200;
const MAX_ITEM_STRING = 60;
const MAX_ITEMS = 12;

const cut = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

function truncateValue(value: unknown): unknown {
  if (typeof value === 'string') return cut(value, MAX_STRING);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) {
    const items = value
      .slice(0, MAX_ITEMS)
      .map((item) => (typeof item === 'string' ? cut(item, MAX_ITEM_STRING) : typeof item === 'number' ? truncateValue(item) : '…'));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  return '…'; // objects are never shown
}

/** The storable subset of a token's claims, or null when there is nothing to keep. */
export function toStoredClaims(payload: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!payload) return null;
  const kept: Record<string, unknown> = {};
  for (const name of SHOWN_CLAIMS) {
    if (Object.hasOwn(payload, name)) kept[name] = truncateValue(payload[name]);
  }
  if (Object.keys(kept).length === 0) return null;
  // 9 claims of at most 200 characters or 12 items of 60 stay below the cap in ASCII; the
  // check keeps the promise for multi-byte text too.
  return new TextEncoder().encode(JSON.stringify(kept)).length <= MAX_STORED_CLAIMS_BYTES ? kept : { note: 'claims too large to keep' };
}
