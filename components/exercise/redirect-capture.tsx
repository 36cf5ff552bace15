'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Notice } from '@/components/ui/notice';
import { apiFetch, type ApiResult } from '@/lib/client/api';
import { writeStored } from '@/lib/client/browser-storage';
import { useStoredValue } from '@/lib/client/use-stored-value';
import type { RedirectReport } from '@/lib/exercise/redirect';
import { CheckForm } from './check-form';
import { CheckResults } from './check-results';
import { StepSection } from './step-section';
import { stepRef } from '@/lib/exercise/steps';
import { useRevealResult } from './use-reveal-result';

type Captured = { code: string | null; state: string | null; error: string | null; body: Record<string, string> };

/** The authorization response in the address bar (query, or fragment for response_mode=fragment), or null. */
function readAddressBar(): Captured | null {
  const relevant = (p: URLSearchParams) => [...p.keys()].some((key) => ['code', 'state', 'error'].includes(key));
  const query = new URLSearchParams(window.location.search);
  const params = relevant(query) ? query : new URLSearchParams(window.location.hash.slice(1));
  if (!relevant(params)) return null;
  const body = Object.fromEntries(
    ['code', 'state', 'error', 'error_description'].flatMap((key) => (params.has(key) ? [[key, params.get(key) ?? '']] : [])),
  );
  return { code: params.get('code'), state: params.get('state'), error: params.get('error'), body };
}

/**
 * The address bar's authorization response as an external store for React: read once per
 * visit (after hydration — the server has no address bar) and kept while the page is
 * shown, although the address bar is cleaned right away. Forgotten when the page goes, so
 * the next visit reads its own address bar (a timer rides out Strict Mode's re-subscribe).
 */
const REFRESH_TARGET: RedirectTarget = {
  endpoint: '/api/exercise/redirect',
  next: { href: '/exercise/refresh/token', label: 'Next: exchange the code' },
  authorize: { href: '/exercise/refresh/authorize', ref: stepRef('authorize') },
  cleanPath: null,
};

/** The exercise a redirect answers: where it is checked, what comes next, where the authorization URL was built. */
export interface RedirectTarget {
  endpoint: string;
  next: { href: string; label: string };
  authorize: { href: string; ref: string };
  /** The address the page keeps once the code is removed (null: the bare path). */
  cleanPath: string | null;
}

const addressBar = {
  value: undefined as Captured | null | undefined,
  subscribers: 0,
  forget: undefined as ReturnType<typeof setTimeout> | undefined,
  subscribe() {
    addressBar.subscribers += 1;
    clearTimeout(addressBar.forget);
    return () => {
      addressBar.subscribers -= 1;
      if (addressBar.subscribers === 0) addressBar.forget = setTimeout(() => (addressBar.value = undefined), 0);
    };
  },
  read(): Captured | null {
    if (addressBar.value === undefined) addressBar.value = readAddressBar();
    return addressBar.value;
  },
};

/**
 * The redirect URI page: reads `code` and `state` (or `error`) from the address bar, then
 * removes them from the address bar and history so the code does not linger there (it is
 * a credential until exchanged). It has them checked on its own only when `state` is the
 * one this browser put in the checked authorization URL: anyone can link a learner to
 * /redirect?error=…, and such a link must not record a failed attempt in their progress.
 */
export function RedirectCapture({
  done = null,
  target: given = REFRESH_TARGET,
}: {
  done?: 'captured' | 'exchanged' | null;
  /** Default: the Refresh Tokens exercise. */
  target?: RedirectTarget;
}) {
  // Chosen by the code's state on the first render: the address bar loses it right after.
  const [target] = useState(given);
  const checkRedirect = useCallback(
    (body: Record<string, string>) => apiFetch<RedirectReport>(target.endpoint, { json: body }),
    [target.endpoint],
  );
  const router = useRouter();
  const ids = { results: useId() };
  const captured = useSyncExternalStore(addressBar.subscribe, addressBar.read, () => null);
  const [expectedState] = useStoredValue('state');
  const [chosen, setChosen] = useState(false);
  const [report, setReport] = useState<RedirectReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const [refreshing, startRefresh] = useTransition();
  const results = useRevealResult(report, !refreshing);

  const showAnswer = useCallback(
    (answer: ApiResult<RedirectReport>) => {
      if (!answer.ok) {
        setError(answer.message);
        return;
      }
      setReport(answer.data);
      if (answer.data.status === 'pass' && answer.data.code) writeStored('code', answer.data.code);
      startRefresh(() => router.refresh());
    },
    [router],
  );

  const ours = captured !== null && expectedState !== null && captured.state === expectedState;
  // Why the redirect waits for the learner: its state is another one, or none was expected.
  const waitsForChoice = captured && !ours && !chosen ? (expectedState ? 'other-state' : 'no-checked-url') : null;
  const checking = (ours || chosen) && !report && !error;

  useEffect(() => {
    if (!captured) return;
    // Next.js hooks history.replaceState in an effect of its router — a parent, whose effects
    // run after this child's in the same commit. Replaced now, the router would keep the old
    // URL and put the code back on its next refresh; one task later, it learns the new URL.
    const clean = setTimeout(() => window.history.replaceState(null, '', target.cleanPath ?? window.location.pathname), 0);
    if (ours && !started.current) {
      started.current = true;
      void checkRedirect(captured.body).then(showAnswer);
    }
    return () => clearTimeout(clean);
  }, [captured, ours, showAnswer, checkRedirect, target.cleanPath]);

  if (!captured) {
    return (
      <>
        {done && <DoneNotice done={done} authorize={target.authorize} />}
        <StepSection id="paste-heading" title="Used another redirect URI?" headingClassName="mb-2">
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
            If your authorization URL sent you somewhere else (for example https://example-app.com/redirect), copy the whole address from
            your browser&apos;s address bar after logging in and paste it here.
          </p>
          <CheckForm<RedirectReport>
            endpoint={target.endpoint}
            field="url"
            label="Redirect URL"
            buttonLabel="Check Redirect URL"
            rows={3}
            placeholder="https://example-app.com/redirect?code=…&state=…"
            onReport={(r) => {
              if (r.status === 'pass' && r.code) writeStored('code', r.code);
            }}
            action={(r) => (r.status === 'pass' ? <NextLink next={target.next} /> : null)}
          />
        </StepSection>
      </>
    );
  }

  return (
    <div className="space-y-5">
      <StepSection id="captured-heading" title="What the authorization server sent back">
        <dl className="mt-3 space-y-3 font-mono text-sm">
          {captured.error ? (
            <div>
              <dt className="inline">error=</dt>
              <dd className="inline break-all">{captured.error}</dd>
            </div>
          ) : (
            <div className="flex flex-wrap items-center gap-2">
              <dt>code=</dt>
              <dd className="break-all" data-testid="captured-code">
                {captured.code ?? '(missing)'}
              </dd>
              {captured.code && (
                <dd>
                  <CopyButton value={captured.code} label="code" />
                </dd>
              )}
            </div>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <dt>state=</dt>
            <dd className="break-all" data-testid="captured-state">
              {captured.state ?? '(missing)'}
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          We removed them from the address bar: an authorization code should not linger in your history.
        </p>
      </StepSection>
      {waitsForChoice && (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
          <p>
            {waitsForChoice === 'other-state'
              ? 'This state is not the one in the authorization URL you checked in this browser, so we have not checked it: the link may not come from your own login.'
              : 'No authorization URL was checked in this browser, so we have not checked this redirect on our own: the link may not come from your own login.'}{' '}
            If it is yours, check it now; otherwise start again from {target.authorize.ref} and log in again.
          </p>
          <Button
            onClick={() => {
              setChosen(true);
              void checkRedirect(captured.body).then(showAnswer);
            }}
          >
            Check This Redirect
          </Button>
        </div>
      )}
      <div ref={results} aria-live="polite">
        {checking && <p className="text-sm text-slate-700 dark:text-slate-300">Checking…</p>}
        {error && <Notice kind="error">{error}</Notice>}
        {report && (
          <CheckResults
            report={report}
            headingId={ids.results}
            action={report.status === 'pass' ? <NextLink next={target.next} /> : null}
          />
        )}
      </div>
    </div>
  );
}

/** A done step, revisited (issue 20, item 6): what happened to the code, and how to get another one. */
function DoneNotice({ done, authorize }: { done: 'captured' | 'exchanged'; authorize: RedirectTarget['authorize'] }) {
  return (
    <Notice kind="success" className="space-y-2">
      <p className="font-medium">
        {done === 'exchanged' ? 'Done: your code was captured and exchanged for tokens.' : 'Done: your code was captured.'}
      </p>
      <p className="text-sm">
        {done === 'exchanged'
          ? 'An authorization code works once, so that one is used up. '
          : 'It is kept in the tab where you captured it; go on with the code exchange there. '}
        For a new code, Log In again with the link of{' '}
        <Link href={authorize.href} className="underline">
          {authorize.ref}
        </Link>
        : you come back to this page with it.
      </p>
    </Notice>
  );
}

function NextLink({ next }: { next: RedirectTarget['next'] }) {
  return (
    <Link href={next.href} className={buttonClass('primary')}>
      {next.label}
    </Link>
  );
}
