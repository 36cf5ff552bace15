/**
 * The shape of a case in the corpus of real mistakes (issue 19). See index.ts for what the
 * corpus is, how it was collected and the holdout rule.
 */

export type Step = 'setup' | 'authorize-url' | 'redirect' | 'token-response' | 'refresh-response';

export interface RealMistake {
  /** kebab-case, unique. */
  id: string;
  /** The public report the case comes from. */
  source: { url: string; title: string };
  /** Issue 19's classes: 1 paste says what went wrong, 2 another kind of artefact, 3 values that look right, 4 PKCE/Basic/shell, 5 hints that ask for what is there, 6 root cause first, 7 the lab's records settle it, 8 steps named by title. */
  class: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  step: Step;
  server: 'practice' | 'okta' | 'auth0' | 'keycloak' | 'generic';
  /** Exactly what the learner pastes or sends (for setup: { issuer, clientId }; redirect: the URL; others: the text). Realistic, complete, including terminal noise when the report shows it. */
  input: string | Record<string, string>;
  /** What the learner did wrong, in one sentence (the real cause). */
  cause: string;
  /** The answer the learner needs, written BEFORE looking at what the site says: cause + the exact next action, quoting the values involved. */
  answer: string;
  expect: {
    /** An existing code from docs/diagnosis-codes.md that fits the ROOT cause, or null when none fits. */
    code: string | null;
    /** When code is null: the code proposed (dotted, lowercase, like the existing ones). */
    proposedCode?: string;
    /** 1–3 short regex sources the lead message+hint must match (the key facts). Case-insensitive. */
    mustMention: string[];
    /** Optional regex sources the answer must NOT contain. */
    mustNotSay?: string[];
  };
  /** What the practice server knows that settles the case (class 7 and cases that need it). */
  records?: string;
  /** Run only at the end, never while developing checks. */
  holdout?: boolean;
}
