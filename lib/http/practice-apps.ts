/**
 * What every practice app route does first (`/api/practice/app`, `/api/practice/apps…`):
 * the site must run the practice server, the learner comes from the session cookie (one
 * is minted for a new visitor), and a learner's first write is limited per address
 * (lib/learners/admission.ts). Redirect URIs are held to the site's redirect policy.
 */
import { getDb, type DB } from '../db/client';
import { getEnv, type Env } from '../env';
import { ApiError } from './api';
import { clientAddressOf } from './rate-limits';
import { admitLearner } from '../learners/admission';
import { learnerForRequest } from '../session/cookie';
import { describeAllowedHosts, MORE_HOSTS_NOTE, redirectPolicyOf, refusalOf } from '../practice-server/redirect-policy';

export interface PracticeLearner {
  env: Env;
  db: DB;
  learnerId: string;
}

/** The learner of a practice app request; `admit` before anything that writes. */
export async function practiceLearner(request: Request, { admit }: { admit: boolean }): Promise<PracticeLearner> {
  const env = getEnv();
  if (!env.PRACTICE_SERVER) throw new ApiError('not_found', 'The practice server is turned off on this site (PRACTICE_SERVER=false).');
  const db = await getDb();
  const learnerId = learnerForRequest(request);
  if (admit) await admitLearner(db, { id: learnerId, address: clientAddressOf(request) });
  return { env, db, learnerId };
}

/** 400 naming every redirect URI outside the site's redirect policy, and what is allowed. */
export function assertRedirectUrisAllowed(uris: readonly string[] | undefined): void {
  const policy = redirectPolicyOf(getEnv());
  const refused = (uris ?? []).flatMap((uri) => {
    const why = refusalOf(uri, policy);
    return why ? [`${uri.slice(0, 200)}: ${why}`] : [];
  });
  if (refused.length > 0)
    throw new ApiError(
      'bad_request',
      `Refused redirect URI${refused.length > 1 ? 's' : ''}: ${refused.join('; ')}. ${describeAllowedHosts(policy)} ${MORE_HOSTS_NOTE}`,
    );
}
