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
import type { ProviderConfig } from '@/lib/exercise/setup';
import { loadPageProgress } from '@/lib/progress/page-data';

export const metadata: Metadata = { title: 'Enable refresh tokens' };

/** Where each provider keeps the Refresh Token setting (their consoles differ). */
const PROVIDER_STEPS: Record<ProviderConfig['kind'], { name: string; steps: React.ReactNode[] }> = {
  okta: {
    name: 'Okta',
    steps: [
      <>In the Okta Admin Console, open <strong>Applications → Applications</strong> and choose your app.</>,
      <>On the <strong>General</strong> tab, in <strong>General Settings</strong>, click <strong>Edit</strong>.</>,
      <>Under <strong>Grant type</strong>, tick <strong>Refresh Token</strong>.</>,
      <>Click <strong>Save</strong>.</>,
    ],
  },
  auth0: {
    name: 'Auth0',
    steps: [
      <>In the Auth0 Dashboard, open <strong>Applications → Applications</strong> and choose your app.</>,
      <>On <strong>Settings</strong>, open <strong>Advanced Settings → Grant Types</strong>, tick <strong>Refresh Token</strong> and save.</>,
      <>Under <strong>Applications → APIs</strong>, open your API and turn on <strong>Allow Offline Access</strong> — Auth0 only issues refresh tokens for an API that allows it (send its identifier as <code className="font-mono">audience</code>).</>,
    ],
  },
  keycloak: {
    name: 'Keycloak',
    steps: [
      <>In the Keycloak Admin Console, choose your realm, then <strong>Clients</strong> and your client.</>,
      <>Make sure <strong>Client authentication</strong> is on and <strong>Standard flow</strong> is ticked under <strong>Capability config</strong>.</>,
      <>Under <strong>Client scopes</strong>, check that <code className="font-mono">offline_access</code> is assigned (it is an optional scope by default). Keycloak issues refresh tokens for the standard flow unless turned off in <strong>Advanced → OpenID Connect Compatibility Modes</strong>.</>,
    ],
  },
  generic: {
    name: 'your server',
    steps: [
      <>In your server&apos;s admin console, open your client application&apos;s settings.</>,
      <>Allow the <code className="font-mono">refresh_token</code> grant type (often labelled &quot;Refresh Token&quot;) and save.</>,
      <>Check that the <code className="font-mono">offline_access</code> scope may be requested by this client.</>,
    ],
  },
};

export default async function EnablePage() {
  const env = getEnv();
  const { learnerId, progress } = await loadPageProgress();
  const provider = progress.provider;
  const practice = provider?.mode === 'practice';
  const app = practice && learnerId ? await getOrCreatePracticeApp(await getDb(), learnerId, env.PUBLIC_URL) : null;
  const guide = PROVIDER_STEPS[provider?.kind ?? 'okta'];

  return (
    <ExerciseShell progress={progress} current="enable">
      <StepHeader number={2} title="Enable refresh tokens for your app">
        <p>
          An authorization server only issues refresh tokens to apps that are allowed to use the <strong>Refresh Token</strong>{' '}
          grant. It is off by default, so turn it on first.
        </p>
      </StepHeader>

      {practice && app ? (
        <Card aria-labelledby="practice-steps">
          <h2 id="practice-steps" className="text-lg font-semibold">
            In the practice console
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-6">
            <li>
              Open the <Link href="/practice/console" className="font-medium text-indigo-800 underline dark:text-indigo-300">practice console</Link>{' '}
              (Applications → <strong>My Web App</strong>).
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
            <RefreshGrantIndicator initiallyEnabled={app.grantTypes.includes('refresh_token')} />
          </div>
        </Card>
      ) : (
        <Card aria-labelledby="provider-steps">
          <h2 id="provider-steps" className="text-lg font-semibold">
            In {guide.name}
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-6">
            {guide.steps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
          {!provider && (
            <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
              You have not chosen a server yet: <Link href="/exercise/refresh/setup" className="underline">choose one first</Link>.
            </p>
          )}
        </Card>
      )}

      <Link href="/exercise/refresh/authorize" className={buttonClass('primary')}>
        Next: build the authorization URL
      </Link>
    </ExerciseShell>
  );
}
