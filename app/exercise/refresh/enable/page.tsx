import type { Metadata } from 'next';
import Link from 'next/link';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { RefreshGrantIndicator } from '@/components/exercise/refresh-grant-indicator';
import { StepHeader } from '@/components/exercise/step-header';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { getDb } from '@/lib/db/client';
import { getOrCreatePracticeApp } from '@/lib/db/practice-clients';
import { getEnv } from '@/lib/env';
import { PROVIDERS } from '@/lib/issuer/providers';
import { stepHref, stepNumber, stepTitle } from '@/lib/exercise/steps';
import { loadPageProgress } from '@/lib/progress/page-data';

export const metadata: Metadata = { title: stepTitle('enable') };

const NEXT = { href: stepHref('authorize'), label: 'Next: build the authorization URL' };

export default async function EnablePage() {
  const env = getEnv();
  const { learnerId, progress, journey } = await loadPageProgress();
  const provider = progress.provider;
  const practice = provider?.mode === 'practice';
  const app = practice && learnerId ? await getOrCreatePracticeApp(await getDb(), learnerId, env.PUBLIC_URL) : null;
  const guide = PROVIDERS[provider?.kind ?? 'okta'];

  return (
    <ExerciseShell journey={journey} current="enable">
      <StepHeader number={stepNumber('enable')} title="Enable refresh tokens for your app">
        <p>
          An authorization server only issues refresh tokens to apps that are allowed to use the <strong>Refresh Token</strong> grant. It is
          off by default, so turn it on first.
        </p>
      </StepHeader>

      {practice && app ? (
        <Card aria-labelledby="practice-steps">
          <h2 id="practice-steps" className="text-lg font-semibold">
            In the practice console
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-6">
            <li>
              Open{' '}
              <Link
                href="/practice/console?from=enable#general-settings"
                className="font-medium text-indigo-800 underline dark:text-indigo-300"
              >
                My Web App in the practice console
              </Link>{' '}
              (Applications → My Web App).
            </li>
            <li>
              In <strong>General Settings</strong>, click <strong>Edit</strong>.
            </li>
            <li>
              Under <strong>Allowed grant types</strong>, tick <strong>Refresh Token</strong>.
            </li>
            <li>
              Click <strong>Save</strong>.
            </li>
          </ol>
          <div className="mt-4">
            <RefreshGrantIndicator initiallyEnabled={app.grantTypes.includes('refresh_token')} next={NEXT} />
          </div>
        </Card>
      ) : (
        <Card aria-labelledby="provider-steps">
          <h2 id="provider-steps" className="text-lg font-semibold">
            In {guide.label}
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-6">
            {guide.enableRefreshToken.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {!provider && (
            <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
              You have not chosen a server yet:{' '}
              <Link href="/exercise/refresh/setup" className="underline">
                choose one first
              </Link>
              .
            </p>
          )}
        </Card>
      )}

      {!(practice && app) && (
        <Link href={NEXT.href} className={buttonClass('primary')}>
          {NEXT.label}
        </Link>
      )}
    </ExerciseShell>
  );
}
