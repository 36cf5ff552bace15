import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PracticeConsole } from '@/components/practice-console/practice-console';
import { getDb } from '@/lib/db/client';
import { getOrCreatePracticeApp } from '@/lib/db/practice-clients';
import { getEnv, practiceIssuer } from '@/lib/env';
import { toPracticeAppView } from '@/lib/practice-app';
import { currentLearnerId } from '@/lib/session-server';

export const metadata: Metadata = { title: 'Practice console — My Web App' };

export default async function PracticeConsolePage() {
  const env = getEnv();
  const learnerId = await currentLearnerId();
  if (!env.PRACTICE_SERVER || !learnerId) notFound();
  const app = await getOrCreatePracticeApp(await getDb(), learnerId, env.PUBLIC_URL);

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
      <PracticeConsole initialApp={toPracticeAppView(app, practiceIssuer(env))} />
    </div>
  );
}
