import { z } from 'zod';
import { getOrCreatePracticeApp } from '../../db/practice-clients';
import { makeReport, pass } from '../../exercise/report';
import { practiceProviderConfig, type ProviderConfig, type SetupReport } from '../../exercise/setup';
import { admitLearner } from '../../learners/admission';
import { runCustomSetup } from '../../progress/custom-setup';
import { FeatureDisabled } from '../../progress/errors';
import { defineKind } from './types';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const setupBody = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('practice') }),
  z.strictObject({
    mode: z.literal('custom'),
    issuer: text(2000),
    clientId: text(500),
    redirectUri: text(2000).optional(),
  }),
]);
export type SetupChoice = z.infer<typeof setupBody>;

function sameProvider(a: ProviderConfig | null, b: ProviderConfig): boolean {
  return !!a && a.mode === b.mode && a.issuer === b.issuer && a.clientId === b.clientId && a.redirectUri === b.redirectUri;
}

/**
 * Choose the server: the practice server (the learner's web app is created on first need) or
 * their own (discovered through the SSRF guard). The server is the learner's: a new one starts
 * every exercise over (lib/engine/store.ts); choosing the same one again keeps all progress.
 */
export const setupKind = defineKind({
  body: setupBody,
  needsServer: false,
  async check({ db, env, learner, run }, input: SetupChoice) {
    // Setup is a learner's first write: the row is created now (rate-limited per address).
    // The later steps need a chosen server, so they only ever write for admitted learners.
    await admitLearner(db, learner);
    let report: SetupReport;
    if (input.mode === 'practice') {
      if (!env.PRACTICE_SERVER) {
        throw new FeatureDisabled('The practice server is turned off on this site; choose "custom" with your own server.');
      }
      const app = await getOrCreatePracticeApp(db, learner.id, env.PUBLIC_URL);
      const provider = practiceProviderConfig(env.PUBLIC_URL, { clientId: app.clientId });
      report = makeReport(
        'setup',
        [
          pass('server', `Using the practice authorization server at ${provider.issuer}.`),
          pass('client_id', `Your practice app "My Web App" has client ID ${app.clientId}.`),
        ],
        { provider },
      );
    } else {
      report = await runCustomSetup(
        { issuer: input.issuer, clientId: input.clientId, redirectUri: input.redirectUri ?? `${env.PUBLIC_URL}/redirect` },
        { allowPrivate: env.ALLOW_PRIVATE_ISSUERS },
      );
    }
    const fresh = report.status === 'pass' && report.provider && !sameProvider(run.provider, report.provider);
    return { report, effects: fresh ? { provider: report.provider } : {} };
  },
});
