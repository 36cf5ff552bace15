import Link from 'next/link';
import { StepSection } from '@/components/exercise/step-section';
import type { AppType } from '@/lib/course/types';
import { PostCheck } from './post-check';
import type { KindPageProps } from './types';

/** The practice console's names for each app type. */
const APP_NAMES: Record<AppType, string> = {
  web: 'My Web App',
  spa: 'My SPA',
  native: 'My Native App',
  service: 'My Service App',
  device: 'My Device App',
};

/** Create the exercise's app (kind `app`): one click on the practice server, its client ID on an own server. */
export function AppKind({ exercise, provider, endpoint, next }: KindPageProps) {
  const name = APP_NAMES[exercise.app ?? 'service'];
  if (provider!.mode === 'practice') {
    return (
      <StepSection id="app-heading" title={`Create ${name}`} headingClassName="mb-2">
        <p className="mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
          The practice server creates {name} for you, as an Okta admin would in the Admin Console (Applications → Create App Integration →
          API Services): the client credentials grant only, no redirect URIs, no user. Its client ID and secret are in the practice console.
        </p>
        <PostCheck
          endpoint={endpoint}
          buttonLabel={`Create ${name}`}
          busyLabel="Creating…"
          next={next}
          afterPass={
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Its client secret is in the{' '}
              <Link href="/practice/console" className="font-medium text-indigo-800 underline dark:text-indigo-300">
                practice console
              </Link>
              . Keep it there until the next step asks for it in your terminal.
            </p>
          }
        />
      </StepSection>
    );
  }
  return (
    <StepSection id="app-heading" title="Register the app on your server" headingClassName="mb-2">
      <p className="mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
        Create an app for a service on your server (Okta: Applications → Create App Integration → API Services; Auth0: a Machine to Machine
        application; Keycloak: a client with client authentication and service accounts on, standard flow off). Then enter its client ID.
      </p>
      <PostCheck endpoint={endpoint} buttonLabel="Check" fields={[{ name: 'clientId', label: 'Client ID' }]} next={next} />
    </StepSection>
  );
}
