/**
 * The check kinds: the reusable checkers a step of any exercise can name (SPEC §9). A
 * diagnosis code says which kinds return it (lib/exercise/codes), and the generated
 * docs/diagnosis-codes.md lists, for each code, every exercise step whose kind that is.
 *
 * The Refresh Tokens exercise's checked step ids are kinds of the same name: its API
 * (`/api/exercise/<step>`) and its reports keep exactly those ids.
 */
export const CHECK_KINDS = [
  'setup',
  'app',
  'authorize-url',
  'redirect',
  'token-response',
  'refresh-response',
  'discovery',
  'client-credentials-response',
  'api-call',
  'id-token',
] as const;

export type CheckKind = (typeof CHECK_KINDS)[number];
