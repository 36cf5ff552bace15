import type { ColumnType } from 'kysely';

/**
 * Database tables as Kysely sees them. Columns are snake_case here only; queries in
 * lib/db map rows to camelCase objects so snake_case never leaks further.
 *
 * Times are stored as ISO-8601 strings (text) or epoch seconds (integer) — both portable
 * between SQLite and Postgres. JSON is stored as text.
 */
export interface Database {
  settings: SettingsTable;
  learners: LearnersTable;
  practice_clients: PracticeClientsTable;
  oidc_payloads: OidcPayloadsTable;
  practice_token_origins: PracticeTokenOriginsTable;
  practice_code_exchanges: PracticeCodeExchangesTable;
  practice_revoked_access_tokens: PracticeRevokedAccessTokensTable;
  practice_recipe_mistakes: PracticeRecipeMistakesTable;
  practice_api_calls: PracticeApiCallsTable;
  exercise_progress: ExerciseProgressTable;
  exercise_runs: ExerciseRunsTable;
  exercise_steps: ExerciseStepsTable;
  exercise_attempts: ExerciseAttemptsTable;
  instructors: InstructorsTable;
  instructor_sessions: InstructorSessionsTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  resume_links: ResumeLinksTable;
  completion_records: CompletionRecordsTable;
  rate_limits: RateLimitsTable;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface LearnersTable {
  id: string;
  created_at: string;
  last_seen_at: string;
}

export interface PracticeClientsTable {
  client_id: string;
  learner_id: string;
  /** The practice app's own secret: shown in the console, so kept as the server needs it. */
  client_secret: string;
  /** JSON array of grant types, e.g. ["authorization_code"]. */
  grant_types: string;
  /** JSON array of absolute redirect URIs. */
  redirect_uris: string;
  /** JSON array of absolute sign-out redirect URIs (`post_logout_redirect_uris`). */
  post_logout_redirect_uris: ColumnType<string, string | undefined, string>;
  refresh_token_rotation: 'persistent' | 'rotate';
  /** "Require PKCE as additional verification": 1 or 0 (integers: portable to Postgres). */
  require_pkce: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
  /** 'web' | 'spa' | 'native' | 'service' | 'device': one app per learner and type. */
  app_type: ColumnType<string, string | undefined, string>;
}

/**
 * oidc-provider's storage, one table for every model. For codes, refresh tokens and
 * other bearer artefacts `id` is the SHA-256 of the real id and the payload omits it, so a
 * copy of the database holds no usable token.
 */
export interface OidcPayloadsTable {
  model: string;
  id: string;
  payload: string;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  /** Epoch seconds, null for no expiry. */
  expires_at: number | null;
  consumed_at: number | null;
}

/** Where each practice access token came from (for `refresh.not_from_refresh_grant`). */
export interface PracticeTokenOriginsTable {
  jti: string;
  grant_type: 'authorization_code' | 'refresh_token' | 'client_credentials';
  client_id: string;
  subject: string | null;
  grant_id: string | null;
  issued_at: ColumnType<number, number, never>;
}

/**
 * Each authorization code's successful exchange, and what a later attempt with the same
 * code did (issue 12): the exercise can tell a code run twice from an expired one.
 */
export interface PracticeCodeExchangesTable {
  /** SHA-256 (hex) of the code, as `fingerprint()` in lib/exercise/token/inspect.ts computes it. */
  code_fingerprint: string;
  client_id: string;
  /** The grant (one per login) the code's tokens belong to. */
  grant_id: string;
  /** Epoch seconds of the successful exchange. */
  exchanged_at: ColumnType<number, number, never>;
  /** Epoch seconds of the first later attempt with the same code, if any. */
  reused_at: number | null;
  /** Epoch seconds at which a reuse revoked that login's tokens (RFC 6749 §4.1.2), if it did. */
  revoked_at: number | null;
}

/**
 * Revoked practice access tokens (issue 18), by id: the tokens are JWTs that are never
 * stored, so introspection and userinfo look their `jti` up here. Rows go with the app.
 */
export interface PracticeRevokedAccessTokensTable {
  /** The token's `jti` (an identifier, not a credential). */
  jti: string;
  client_id: string;
  /** Epoch seconds of the revocation. */
  revoked_at: ColumnType<number, number, never>;
  /** The token's `exp` (epoch seconds): after it the row is dead weight, swept by the retention job. */
  expires_at: ColumnType<number, number, never>;
}

/**
 * The shell recipe mistake behind an app's latest refused PKCE check or Basic header
 * (issue 19, class 4): a label only, never the verifier, secret or header.
 */
export interface PracticeRecipeMistakesTable {
  client_id: string;
  kind: 'pkce' | 'basic';
  /** lib/exercise/shell-mistakes: a PKCE label (`verifier.hex.base64url`, `unrelated`) or Basic mistakes (`newline+wrapped`). */
  label: string;
  /** SHA-256 (hex) of the refused code, for a PKCE row. */
  code_fingerprint: string | null;
  /** Epoch seconds of the refusal. */
  recorded_at: number;
}

/**
 * Calls to the practice API (`/api/practice/photos`) attributed to a practice app by the
 * token's `cid` (issue 21): labels and identifiers, never the token. At most the latest 50
 * per app (lib/db/practice-api-calls.ts). Rows go with the app.
 */
export interface PracticeApiCallsTable {
  /** Time-ordered: sorts as the calls were made. */
  id: string;
  client_id: string;
  /** The token's `jti` (an identifier, not a credential). */
  token_jti: string | null;
  status: number;
  /** An ApiCallOutcome label (lib/exercise/api-call/observed.ts). */
  outcome: string;
  sent_via: 'header' | 'body' | 'query';
  /** The token's scopes, space-separated. */
  scopes: string;
  /** Epoch seconds. */
  called_at: ColumnType<number, number, never>;
}

/**
 * One row per learner: the authorization server they chose (SPEC §9: the server is the
 * learner's, shared by every exercise). Migration 013 moved the Refresh Tokens exercise's
 * artefacts to `exercise_steps.artifact` and its run to `exercise_runs`.
 */
export interface ExerciseProgressTable {
  learner_id: string;
  /** ProviderConfig chosen at setup (no secrets). */
  provider: string | null;
  started_at: string;
  updated_at: string;
}

/** One row per learner and exercise they started: when, and the completion that finished it. */
export interface ExerciseRunsTable {
  learner_id: string;
  /** The exercise's stable id (lib/course/exercises). */
  exercise: string;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
  /** What completed the exercise (JSON, the exercise's own shape), kept as it was until Reset. */
  completion: string | null;
}

/** Per learner, exercise and step: the latest status, attempts since the last reset, and what the step keeps. */
export interface ExerciseStepsTable {
  learner_id: string;
  exercise: string;
  step: string;
  status: 'pass' | 'fail';
  attempts: number;
  /** JSON array of the diagnosis codes of the latest attempt. */
  last_codes: string;
  /** JSON: what the step's kind keeps for later steps once it passed (never a secret), or null. */
  artifact: string | null;
  updated_at: string;
}

/** Every check attempt, kept across resets (for instructors). Never raw tokens. */
export interface ExerciseAttemptsTable {
  id: string;
  learner_id: string;
  /** The exercise (migration 013; older rows are the Refresh Tokens exercise's). */
  exercise: ColumnType<string, string | undefined, string>;
  step: string;
  status: 'pass' | 'fail';
  /** JSON array of the failing/warning diagnosis codes. */
  codes: string;
  /** JSON of decoded, non-secret claims, or null. */
  claims: string | null;
  created_at: string;
  /** The cohort the learner was enrolled in when the attempt was made, if any. */
  cohort_id: string | null;
}

export interface InstructorsTable {
  id: string;
  email: string;
  /** scrypt hash in a self-describing format (see lib/instructors/password.ts). */
  password_hash: string;
  created_at: string;
}

/** Instructor sign-in sessions; `id_hash` is the SHA-256 of the cookie's random token. */
export interface InstructorSessionsTable {
  id_hash: string;
  instructor_id: string;
  created_at: string;
  expires_at: string;
}

export interface CohortsTable {
  id: string;
  instructor_id: string;
  name: string;
  /** The unguessable code of the join link /join/<code>. */
  join_code: string;
  /**
   * The short, typeable code (`/join/K7PX-3MQA`, lib/cohorts/join-code.ts), unique. Every
   * row has one (migration 007 filled in the older ones); nullable only because a column
   * added to a table cannot portably be NOT NULL.
   */
  short_code: string | null;
  created_at: string;
  archived_at: string | null;
  /** How many learners the cohort admits (lib/cohorts/capacity.ts; migration 009). */
  capacity: ColumnType<number, number | undefined, number>;
  /** JSON array of the exercise ids the cohort takes, in order (migration 013); null: the whole course. */
  exercises: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CohortMembersTable {
  cohort_id: string;
  learner_id: string;
  display_name: string;
  joined_at: string;
}

/** Links that open a learner's progress in another browser; `token_hash` is the SHA-256 of the link's secret. */
export interface ResumeLinksTable {
  token_hash: string;
  learner_id: string;
  created_at: string;
}

/** Shareable records of a completed exercise: a name (optional), a date and the steps. No secrets. */
export interface CompletionRecordsTable {
  /** Unguessable id in the record's URL. */
  id: string;
  learner_id: string | null;
  display_name: string | null;
  exercise: string;
  completed_at: string;
  /** JSON: what the record shows (steps, server kind, token lifetimes). */
  summary: string;
  created_at: string;
}

/**
 * Rate-limit counters of every instance (rate-limiter-flexible's SQLite and Postgres stores
 * use this table; `key` is "<limit name>:<key>"). Read and written by the library only,
 * swept by the retention job (lib/server/retention.ts).
 */
export interface RateLimitsTable {
  key: string;
  points: number;
  /** Epoch milliseconds when the window ends; null for no expiry. */
  expire: number | null;
}
