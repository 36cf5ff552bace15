import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { AppList } from '@/components/practice-console/app-list';
import { PracticeConsole } from '@/components/practice-console/practice-console';
import { ScopesPanel } from '@/components/practice-console/scopes-panel';
import { ServiceAppPanel } from '@/components/practice-console/service-app-panel';
import { Card } from '@/components/ui/card';
import { getDb, type DB } from '@/lib/db/client';
import {
  getOrCreatePracticeApp,
  getOrCreatePracticeAppOfType,
  listPracticeApps,
  practiceAppTypeDefinition,
  type PracticeApp,
  type PracticeAppType,
} from '@/lib/db/practice-clients';
import { getEnv, practiceIssuer } from '@/lib/env';
import { clientAddressOf, RateLimited } from '@/lib/http/rate-limits';
import { admitLearner } from '@/lib/learners/admission';
import { toPracticeAppView } from '@/lib/practice-server/app-view';
import { describeAllowedHosts, redirectPolicyOf } from '@/lib/practice-server/redirect-policy';
import { SCOPE_DESCRIPTIONS } from '@/lib/practice-server/views';
import { groupScopes } from '@/lib/exercise/scope-advice';
import { practiceProviderConfig } from '@/lib/exercise/setup';
import { JOURNEY, RESULTS_PAGE, stepHref, stepNumber } from '@/lib/exercise/steps';
import { loadPageProgress } from '@/lib/progress/page-data';
import { currentLearnerId } from '@/lib/session/server';

type SearchParams = Promise<{ from?: string | string[]; app?: string | string[] }>;

/** The app type a `?app=` link asks for, when the site builds it. */
function requestedType(app: string | string[] | undefined): PracticeAppType | undefined {
  return typeof app === 'string' && practiceAppTypeDefinition(app) ? (app as PracticeAppType) : undefined;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const type = requestedType((await searchParams).app);
  return { title: `Practice console — ${practiceAppTypeDefinition(type ?? 'web')!.name}` };
}

/**
 * The app this page shows, and every app the learner has. `?app=<type>` opens (and, on
 * first need, creates) that app; without it, the web app — created now for a learner with
 * no app, as opening the console always has (the seed's "create an app" step) — or, for a
 * learner who has only other apps, the first of them.
 */
async function appsToShow(db: DB, learnerId: string, publicUrl: string, type: PracticeAppType | undefined) {
  if (type) await getOrCreatePracticeAppOfType(db, learnerId, type, publicUrl);
  const existing = (await listPracticeApps(db, learnerId)).filter((each) => practiceAppTypeDefinition(each.type));
  if (existing.length === 0) return { app: await getOrCreatePracticeApp(db, learnerId, publicUrl), apps: [] as PracticeApp[] };
  const app = existing.find((candidate) => candidate.type === (type ?? 'web')) ?? existing[0]!;
  return { app, apps: existing };
}

/** Where "Back to …" leads: the step the learner came from, or their next step. */
async function returnLink(from: string | string[] | undefined): Promise<{ href: string; label: string }> {
  const slug = typeof from === 'string' ? from : undefined;
  if (slug === RESULTS_PAGE.slug) return { href: stepHref(RESULTS_PAGE.slug), label: `Back to ${RESULTS_PAGE.title.toLowerCase()}` };
  const step = JOURNEY.find((s) => s.slug === slug);
  if (step) return { href: stepHref(step.slug), label: `Back to step ${stepNumber(step.slug)}: ${step.title}` };
  const { journey } = await loadPageProgress();
  if (journey.completed) return { href: stepHref(RESULTS_PAGE.slug), label: `Back to ${RESULTS_PAGE.title.toLowerCase()}` };
  const next = journey.next ?? 'setup';
  return { href: stepHref(next), label: `Continue the exercise: step ${stepNumber(next)}` };
}

/** The practice server's scopes, API scopes first: the list step 3 shows, with what each allows. */
function practiceScopes(publicUrl: string): { name: string; description: string }[] {
  const groups = groupScopes(practiceProviderConfig(publicUrl).scopesSupported);
  return [...(groups?.api ?? []), ...(groups?.standard ?? [])].map((name) => ({ name, description: SCOPE_DESCRIPTIONS[name] ?? '' }));
}

export default async function PracticeConsolePage({ searchParams }: { searchParams: SearchParams }) {
  const env = getEnv();
  const learnerId = await currentLearnerId();
  if (!env.PRACTICE_SERVER || !learnerId) notFound();
  const db = await getDb();
  // Opening the console is a learner's first action with the practice server (the seed's
  // "create an app" step): the app is created now, and new learners are limited per
  // address like any first action (lib/learners/admission.ts).
  const params = await searchParams;
  let app: PracticeApp | null = null;
  let apps: PracticeApp[] = [];
  let limited: RateLimited | null = null;
  try {
    await admitLearner(db, { id: learnerId, address: clientAddressOf({ headers: await headers() }) });
    ({ app, apps } = await appsToShow(db, learnerId, env.PUBLIC_URL, requestedType(params.app)));
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    limited = error;
  }

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium tracking-wide text-indigo-700 uppercase dark:text-indigo-300">Practice console · Applications</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">{practiceAppTypeDefinition(app?.type ?? 'web')!.name}</h1>
        <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">
          Your own app on the practice authorization server — it works like an Okta developer org&apos;s app page. Only you can see it.
        </p>
      </div>
      {app ? (
        <>
          {/* Like Okta's Applications page, once there is more than one app to choose from. */}
          {apps.length > 1 && (
            <AppList
              current={app.type}
              apps={apps.map((each) => ({
                type: each.type,
                name: practiceAppTypeDefinition(each.type)!.name,
                label: practiceAppTypeDefinition(each.type)!.label,
                clientId: each.clientId,
                href: `/practice/console?app=${each.type}`,
              }))}
            />
          )}
          {app.type === 'web' ? (
            <PracticeConsole
              initialApp={toPracticeAppView(app, practiceIssuer(env))}
              redirectHostsNote={describeAllowedHosts(redirectPolicyOf(env))}
              returnTo={await returnLink(params.from)}
            />
          ) : (
            <ServiceAppPanel
              app={toPracticeAppView(app, practiceIssuer(env))}
              grantTypesAllowed={practiceAppTypeDefinition(app.type)!.grantTypesAllowed}
            />
          )}
          <ScopesPanel scopes={practiceScopes(env.PUBLIC_URL)} />
        </>
      ) : (
        <Card aria-labelledby="no-app-heading">
          <h2 id="no-app-heading" className="text-lg font-semibold">
            Your app could not be created right now
          </h2>
          <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">{limited?.message}</p>
        </Card>
      )}
    </div>
  );
}
