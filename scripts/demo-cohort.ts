/**
 * Seeds a realistic demo cohort (20 learners at various steps, with typical mistakes) for
 * trying the instructor dashboard or taking screenshots:
 *
 *   npm run demo:cohort -- instructor@example.com
 *
 * The instructor must exist (npm run instructor -- add …). Attempts are synthetic check
 * reports recorded through the same code path as real ones; no tokens are involved.
 */
import { randomUUID } from 'node:crypto';
import { formatShortCode } from '../lib/cohorts/join-code';
import { createCohort, joinCohort } from '../lib/cohorts/store';
import { closeDb, getDb } from '../lib/db/client';
import { getEnv } from '../lib/env';
import { makeReport, type DiagnosisCode, type StepId } from '../lib/exercise/report';
import { recordAttempt } from '../lib/progress/store';

const NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Barbara',
  'Edsger',
  'Margaret',
  'Linus',
  'Radia',
  'Ken',
  'Frances',
  'Dennis',
  'Katherine',
  'Tim',
  'Hedy',
  'Donald',
  'Shafi',
  'Whitfield',
  'Martin',
  'Sophie',
  'Vint',
];

/** Each learner's path: [step, codes] per attempt; an empty list is a pass. */
const MISTAKES: Partial<Record<StepId, DiagnosisCode[][]>> = {
  'authorize-url': [
    ['scope.offline_access_missing'],
    ['redirect_uri.mismatch'],
    ['code_challenge.not_base64url'],
    ['param.unknown', 'redirect_uri.missing'],
    ['scope.offline_access_misspelled'],
  ],
  redirect: [['redirect.state_mismatch']],
  'token-response': [['refresh_token.missing'], ['response.error'], ['json.invalid']],
  'refresh-response': [['refresh.same_response'], ['response.error']],
};
const STEPS: StepId[] = ['setup', 'authorize-url', 'redirect', 'token-response', 'refresh-response'];

async function main() {
  const email = process.argv[2];
  const db = await getDb();
  const instructor = email
    ? await db.selectFrom('instructors').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst()
    : undefined;
  if (!instructor) {
    console.error('Usage: npm run demo:cohort -- <existing instructor email>');
    return 2;
  }
  const cohort = await createCohort(db, instructor.id, 'Demo: OAuth workshop');
  const start = Date.now() - 30 * 60_000;
  for (const [index, name] of NAMES.entries()) {
    const learnerId = randomUUID();
    await joinCohort(db, cohort, learnerId, name, new Date(start));
    const reach = index % 6; // how far this learner gets: 0..5 steps passed
    // Staggered starts so last activity spreads over the last half hour.
    let minute = 2 + ((index * 7) % 19);
    for (const [stepIndex, step] of STEPS.entries()) {
      if (stepIndex > reach) break;
      const mistakes = MISTAKES[step] ?? [];
      const failures = (index + stepIndex) % 3 === 0 ? Math.min(3, mistakes.length) : index % 2;
      for (let f = 0; f < failures && mistakes.length > 0; f++) {
        const codes = mistakes[(index + f) % mistakes.length]!;
        const report = makeReport(
          step,
          codes.map((code) => ({ check: code.split('.')[0]!, status: 'fail' as const, code, message: 'demo', hint: 'demo' })),
        );
        await recordAttempt(db, learnerId, report, { now: new Date(start + minute++ * 60_000) });
      }
      if (stepIndex < reach || reach === 5) {
        const done = makeReport(step, [{ check: step, status: 'pass', message: 'demo' }]);
        await recordAttempt(db, learnerId, done, {
          now: new Date(start + minute++ * 60_000),
          ...(step === 'refresh-response'
            ? { completion: { completedAt: new Date(start + minute * 60_000).toISOString(), completion: null } }
            : {}),
        });
      }
    }
  }
  console.log(`Cohort "${cohort.name}" with ${NAMES.length} learners: ${getEnv().PUBLIC_URL}/instructor/cohorts/${cohort.id}`);
  console.log(`Join code ${formatShortCode(cohort.shortCode)}, or ${getEnv().PUBLIC_URL}/join/${cohort.code}`);
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
