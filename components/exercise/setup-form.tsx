'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { apiFetch } from '@/lib/client/api';
import { useHydrated, useTypedBeforeHydration } from '@/lib/client/typed-values';
import type { SetupReport } from '@/lib/exercise/setup';
import { CheckResults } from './check-results';
import { useRevealResult } from './use-reveal-result';

const REFRESH_NEXT = { href: '/exercise/refresh/enable', label: 'Next: enable refresh tokens' };

/**
 * Choosing the server: the practice server in one click, or the learner's own server by
 * discovery. `endpoint` and `next` default to the Refresh Tokens exercise's.
 */
export function SetupForm({
  practiceAvailable,
  defaultRedirectUri,
  endpoint = '/api/exercise/setup',
  next = REFRESH_NEXT,
}: {
  practiceAvailable: boolean;
  defaultRedirectUri: string;
  endpoint?: string;
  next?: { href: string; label: string };
}) {
  const router = useRouter();
  const ids = { results: useId() };
  const [issuer, setIssuer] = useState('');
  const hydrated = useHydrated();
  const [clientId, setClientId] = useState('');
  const [redirectUri, setRedirectUri] = useState(defaultRedirectUri);
  const [report, setReport] = useState<SetupReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'practice' | 'custom' | null>(null);
  const customForm = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(customForm, { issuer, clientId, redirectUri }, (typed) => {
    setIssuer(typed.issuer!);
    setClientId(typed.clientId!);
    setRedirectUri(typed.redirectUri!);
  });
  const [refreshing, startRefresh] = useTransition();
  // The refresh adds the "You are using…" banner above the results: the verdict and its
  // Next link are brought back into view once it has rendered (issue 20, item 7).
  const resultsRef = useRevealResult(report, !refreshing);

  async function run(body: object, which: 'practice' | 'custom') {
    setBusy(which);
    setError(null);
    const answer = await apiFetch<SetupReport>(endpoint, { json: body });
    setBusy(null);
    if (!answer.ok) {
      setError(answer.message);
      setReport(null);
      return;
    }
    setReport(answer.data);
    startRefresh(() => router.refresh());
  }

  return (
    <div className="space-y-6">
      <div className="grid gap-6 md:grid-cols-2">
        {practiceAvailable && (
          <section
            aria-labelledby="practice-heading"
            className="flex flex-col rounded-lg border-2 border-indigo-600 bg-white p-5 shadow-sm dark:border-indigo-400 dark:bg-slate-900"
          >
            <h2 id="practice-heading" className="text-lg font-semibold">
              Practice server{' '}
              <span className="ml-1 rounded bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100">
                Recommended
              </span>
            </h2>
            <p className="mt-2 flex-1 text-slate-700 dark:text-slate-300">
              OAuth Lab&apos;s own authorization server. It behaves like an Okta developer org; you get your own app, &quot;My Web
              App&quot;, in the practice console. No account needed.
            </p>
            <Button className="mt-4 self-start" onClick={() => run({ mode: 'practice' }, 'practice')} disabled={busy !== null}>
              {busy === 'practice' ? 'Setting up…' : 'Use the practice server'}
            </Button>
          </section>
        )}
        <section
          aria-labelledby="custom-heading"
          className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="custom-heading" className="text-lg font-semibold">
            Your own server
          </h2>
          <p className="mt-2 text-slate-700 dark:text-slate-300">Okta, Auth0, Keycloak or any standards-based OAuth 2.0 server.</p>
          <form
            ref={customForm}
            className="mt-4 space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              void run({ mode: 'custom', issuer, clientId, redirectUri }, 'custom');
            }}
          >
            <Field
              label="Issuer URL"
              hint="We read its metadata from /.well-known/oauth-authorization-server or /.well-known/openid-configuration."
            >
              {(control) => (
                <Input
                  {...control}
                  name="issuer"
                  value={issuer}
                  onChange={(e) => setIssuer(e.target.value)}
                  placeholder="https://dev-123456.okta.com/oauth2/default"
                  inputMode="url"
                  autoComplete="off"
                  className="font-mono text-sm"
                />
              )}
            </Field>
            <Field label="Client ID">
              {(control) => (
                <Input
                  {...control}
                  name="clientId"
                  value={clientId}
                  onChange={(e) => setClientId(e.target.value)}
                  autoComplete="off"
                  className="font-mono text-sm"
                />
              )}
            </Field>
            <Field label="Redirect URI">
              {(control) => (
                <Input
                  {...control}
                  name="redirectUri"
                  value={redirectUri}
                  onChange={(e) => setRedirectUri(e.target.value)}
                  inputMode="url"
                  autoComplete="off"
                  className="font-mono text-sm"
                />
              )}
            </Field>
            <Button type="submit" variant="secondary" disabled={busy !== null || !hydrated}>
              {busy === 'custom' ? 'Checking…' : 'Use my server'}
            </Button>
          </form>
        </section>
      </div>
      <div ref={resultsRef} aria-live="polite" className="space-y-4">
        {error && <Notice kind="error">{error}</Notice>}
        {report && (
          <CheckResults
            report={report}
            headingId={ids.results}
            action={
              report.status === 'pass' ? (
                <Link href={next.href} className={buttonClass('primary')}>
                  {next.label}
                </Link>
              ) : null
            }
          />
        )}
      </div>
    </div>
  );
}
