/**
 * A corpus of REAL mistakes for the Refresh Tokens exercise (issue 19).
 *
 * What it is. 75 cases, each taken from how people really fail with OAuth: a public
 * report (GitHub issues and pull requests of OAuth libraries, identity providers, curl and
 * PowerShell; a Stack Overflow question; Okta's developer and support pages), cited in
 * `source`. Each case rebuilds the concrete artefact a learner of THIS exercise would paste
 * at the step where the mistake shows — hosts, client IDs and redirect URIs adapted to the
 * lab (practice issuer http://localhost:3000/oauth2/default, client 0oa8f3k2EXAMPLE,
 * redirect http://localhost:3000/redirect), or the learner's own Okta/Auth0/Keycloak server
 * when the report is provider-specific — complete with the terminal noise the report shows.
 * When no public report fits a class exactly, the closest real one was adapted and the
 * case's `cause` says "adapted".
 *
 * The answer first. For every case the `answer` (the cause and the exact next action, with
 * the values involved) was written BEFORE looking at what the site says. `expect` turns it
 * into assertions: the diagnosis code that fits the root cause (an existing one from
 * docs/diagnosis-codes.md, or `code: null` with a `proposedCode`), the facts the lead
 * message+hint must mention (`mustMention`, case-insensitive regex sources) and what it
 * must not say (`mustNotSay`). Class 7 cases, and others that need them, describe in
 * `records` what the practice server knows that settles the case (code issuance and
 * exchanges, checked URLs, grant types, rotation).
 *
 * Values. PKCE challenges, Basic headers and wrapped lines are computed for real (see
 * fixtures.ts); server answers use the practice server's Okta wording
 * (lib/practice-server/errors.ts) or the wording quoted in the report.
 *
 * HOLDOUT RULE: holdout cases are run only at the end, never while developing checks.
 * Develop against DEVELOPMENT_CASES; run HOLDOUT_CASES once, when the work is done, and
 * report how they fared — do not tune checks to them, and do not move cases between the
 * sets. The 20 holdout cases were chosen at random within each class (the first 3, 3, 3,
 * 3, 3, 2, 2 and 1 of classes 1–8 in the order of sha256("issue-19-holdout:" + id)), not
 * by difficulty.
 *
 * More cases (class-7-records-more.ts) were added later with the structured `world` of
 * types.ts — what the practice server recorded, which the runner turns into the checks'
 * context — each from a public report, its answer written before it was run; they are all
 * development cases.
 *
 * A second holdout set of 24 cases (HOLDOUT_2, holdout-2.ts and holdout-2b.ts, three per
 * class) was collected on 2026-12-08 by a helper that never saw the checks; it is appended to
 * REAL_MISTAKES and, being all holdout, leaves DEVELOPMENT_CASES unchanged.
 *
 * How cases were collected: searches of public Q&A and issue trackers for the error texts
 * learners meet (curl exit codes, PowerShell's Invoke-WebRequest errors, Okta/Keycloak/
 * Auth0 error descriptions, PKCE and Basic-auth encoding reports, shell quoting reports),
 * reading each thread for its real cause, then rebuilding the paste for this exercise.
 */
import { CLASS_1 } from './class-1-pastes';
import { CLASS_1_DEEPER } from './class-1-deeper';
import { CLASS_2 } from './class-2-artefacts';
import { CLASS_3 } from './class-3-lookalikes';
import { CLASS_4 } from './class-4-shell-pkce';
import { CLASS_5 } from './class-5-present-values';
import { CLASS_6 } from './class-6-root-cause';
import { CLASS_7 } from './class-7-records';
import { CLASS_7_MORE } from './class-7-records-more';
import { CLASS_8 } from './class-8-step-titles';
import { HOLDOUT_2 } from './holdout-2';
import type { RealMistake } from './types';

export type { RealMistake, Step, World } from './types';

export const REAL_MISTAKES: readonly RealMistake[] = [
  ...CLASS_1,
  ...CLASS_1_DEEPER,
  ...CLASS_2,
  ...CLASS_3,
  ...CLASS_4,
  ...CLASS_5,
  ...CLASS_6,
  ...CLASS_7,
  ...CLASS_7_MORE,
  ...CLASS_8,
  ...HOLDOUT_2,
];

/** The cases to develop checks against. */
export const DEVELOPMENT_CASES: readonly RealMistake[] = REAL_MISTAKES.filter((mistake) => !mistake.holdout);

/** Run only at the end, never while developing checks (see the holdout rule above). */
export const HOLDOUT_CASES: readonly RealMistake[] = REAL_MISTAKES.filter((mistake) => mistake.holdout === true);
