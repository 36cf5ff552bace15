import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PracticeConsole } from '@/components/practice-console/practice-console';
import { Card } from '@/components/ui/card';
import { getDb } from '@/lib/db/client';
import { learnerExists } from '@/lib/db/learners';
import { findPracticeAppByLearner, getOrCreatePracticeApp } from '@/lib/db/practice-clients';
import { getEnv, practiceIssuer } from '@/lib/env';
import { toPracticeAppView } from '@/lib/practice-app';
import { describeAllowedHosts, redirectPolicyOf } from '@/lib/practice-server/redirect-policy';
import { currentLearnerId } from '@/lib/session-server';

export const metadata: Metadata = { title: 'Practice console — My Web App' };

export default async function PracticeConsolePage() {
  const env = getEnv();
  const learnerId = await currentLearnerId();
  if (!env.PRACTICE_SERVER || !learnerId) notFound();
  const db = await getDb();
  // A page view creates nothing for a visitor who has not done anything yet; a learner
  // who has (a check, a cohort) gets their app on first visit.
  const app = (await findPracticeAppByLearner(db, learnerId)) ?? ((await learnerExists(db, learnerId)) ? await getOrCreatePracticeApp(db, learnerId, env.PUBLIC_URL) : null);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-indigo-700 dark:text-indigo-300">Practice console · Applications</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">My Web App</h1>
        <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">
          Your own app on the practice authorization server — it works like an Okta developer org&apos;s app page. Only you
          can see it.
        </p>
      </div>
      {app ? (
        <PracticeConsole initialApp={toPracticeAppView(app, practiceIssuer(env))} redirectHostsNote={describeAllowedHosts(redirectPolicyOf(env))} />
      ) : (
        <Card aria-labelledby="no-app-heading">
          <h2 id="no-app-heading" className="text-lg font-semibold">
            No app yet
          </h2>
          <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">
            Your practice app is created when you choose the practice server in the first step of the exercise.
          </p>
          <p className="mt-4">
            <Link href="/exercise/refresh/setup" className="font-medium text-indigo-800 underline dark:text-indigo-300">
              Go to step 1: choose your server
            </Link>
          </p>
        </Card>
      )}
    </div>
  );
}
