import type { Metadata } from 'next';
import Link from 'next/link';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { StepHeader } from '@/components/exercise/step-header';
import { TokenTimeline } from '@/components/exercise/token-timeline';
import { ApiCallPanel, RevokePanel } from '@/components/exercise/after-exercise';
import { CompletionRecordPanel, ResumeLinkPanel } from '@/components/exercise/keep-going';
import { Card } from '@/components/ui/card';
import { getEnv } from '@/lib/env';
import { loadPageProgress } from '@/lib/progress/page-data';
import { stepRef } from '@/lib/exercise/steps';

export const metadata: Metadata = { title: 'Complete' };

export default async function CompletePage() {
  const { progress, state, journey } = await loadPageProgress();
  // The pair that finished the exercise, as it was: extra credit does not change it.
  const first = state.completion?.first;
  const second = state.completion?.refresh;
  const practice = state.provider?.mode === 'practice';

  if (!progress.completedAt || !first || !second) {
    return (
      <ExerciseShell journey={journey} current="complete">
        <StepHeader title="Not quite there yet">
          <p>
            Finish the steps first: you have done {journey.done} of {journey.steps.length}.{' '}
            <Link href="/exercise/refresh" className="font-medium underline">
              Continue the exercise
            </Link>
            .
          </p>
        </StepHeader>
      </ExerciseShell>
    );
  }

  const rotated = second.refreshTokenFingerprint !== null && second.refreshTokenFingerprint !== first.refreshTokenFingerprint;
  const provider = state.provider!;
  const changes: [string, string][] = [
    ['Access token', 'New — a different token, issued later.'],
    [
      'Refresh token',
      rotated
        ? practice
          ? 'Rotated: the response held a new refresh token. Use the new one next time; the practice server now refuses the old one.'
          : 'Rotated: the response held a new refresh token. Use the new one next time; a server that rotates usually refuses the old one (try it).'
        : second.refreshTokenFingerprint
          ? 'The same refresh token came back: it stays valid (persistent refresh tokens).'
          : 'No refresh token in the response: keep using the one you have.',
    ],
    [
      'Scopes',
      second.scope?.join(' ') === first.scope?.join(' ')
        ? `Unchanged (${first.scope?.join(' ') ?? 'not listed'}).`
        : `Before: ${first.scope?.join(' ') ?? '—'}; after: ${second.scope?.join(' ') ?? '—'}.`,
    ],
    ['Subject and client', 'The same user and the same app — a refresh never changes who the token is for.'],
  ];

  const tokens = [
    { label: 'First access token (authorization code)', issuedAt: first.issuedAt, expiresAt: first.expiresAt },
    { label: 'New access token (refresh token)', issuedAt: second.issuedAt, expiresAt: second.expiresAt },
  ];
  const env = getEnv();

  return (
    <ExerciseShell journey={journey} current="complete">
      <StepHeader title="You've completed the exercise!">
        <p>
          You got a refresh token with the authorization code flow and PKCE, and used it to get a new access token without logging in again.
          Completed {new Date(progress.completedAt).toUTCString()}.
        </p>
      </StepHeader>

      <Card aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-4 text-lg font-semibold">
          Your two access tokens
        </h2>
        <TokenTimeline tokens={tokens} />
      </Card>

      <Card aria-labelledby="diff-heading">
        <h2 id="diff-heading" className="text-lg font-semibold">
          What changed between the two responses
        </h2>
        <dl className="mt-3 grid gap-3 sm:grid-cols-[10rem_1fr]">
          {changes.map(([name, text]) => (
            <div key={name} className="contents">
              <dt className="font-medium">{name}</dt>
              <dd className="text-slate-700 dark:text-slate-300">{text}</dd>
            </div>
          ))}
        </dl>
      </Card>

      {practice && (
        <>
          <ApiCallPanel apiUrl={`${env.PUBLIC_URL}/api/practice/photos`} />
          <RevokePanel
            revocationEndpoint={`${provider.issuer}/v1/revoke`}
            tokenEndpoint={provider.tokenEndpoint}
            clientId={provider.clientId}
          />
        </>
      )}

      <Card aria-labelledby="extra-heading">
        <h2 id="extra-heading" className="text-lg font-semibold">
          Extra credit: refresh token rotation
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          With rotation, every refresh returns a new refresh token and the old one stops working. If an attacker replays an old refresh
          token, the server notices the reuse and revokes the whole token family.
        </p>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          It starts from a live refresh token: if you revoked yours above, log in again first (the <strong>Log In</strong> link of{' '}
          <Link href="/exercise/refresh/authorize" className="underline">
            {stepRef('authorize')}
          </Link>
          ) and exchange the new code in{' '}
          <Link href="/exercise/refresh/token" className="underline">
            {stepRef('token')}
          </Link>
          .
        </p>
        <ol className="mt-3 list-decimal space-y-2 pl-6">
          <li>
            {practice ? (
              <>
                In the{' '}
                <Link href="/practice/console?from=complete#general-settings" className="underline">
                  practice console
                </Link>
                , click <strong>Edit</strong>, choose <strong>Rotate token after every use</strong>, and <strong>Save</strong>.
              </>
            ) : (
              <>In your server&apos;s app settings, turn on refresh token rotation (Okta: &quot;Rotate token after every use&quot;).</>
            )}
          </li>
          <li>
            Run the refresh command from{' '}
            <Link href="/exercise/refresh/refresh" className="underline">
              {stepRef('refresh')}
            </Link>{' '}
            again and paste the response there: you will see <code className="font-mono">refresh.rotated</code> — a new refresh token.
          </li>
          <li>
            Run the same command once more with the <em>old</em> refresh token. The server answers{' '}
            <code className="font-mono">invalid_grant</code>; paste that answer and the lab explains it. Your exercise stays completed:
            later attempts are extra credit.
          </li>
        </ol>
      </Card>

      <Card aria-labelledby="keep-heading" className="space-y-5">
        <h2 id="keep-heading" className="text-lg font-semibold">
          Keep it, share it
        </h2>
        <div className="space-y-2">
          <h3 className="font-medium">Continue on another device</h3>
          <p className="text-sm text-slate-700 dark:text-slate-300">A link that opens this progress in another browser.</p>
          <ResumeLinkPanel />
        </div>
        <div className="space-y-2">
          <h3 className="font-medium">A record of what you did</h3>
          <CompletionRecordPanel />
        </div>
      </Card>

      <Card aria-labelledby="next-heading">
        <h2 id="next-heading" className="text-lg font-semibold">
          What to learn next
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-6 text-slate-700 dark:text-slate-300">
          <li>
            <strong>Token introspection</strong> (RFC 7662): how an API asks the server whether a token is still active — the only way it
            sees a revoked JWT, which local validation still accepts. The practice server has{' '}
            <code className="font-mono">/v1/introspect</code>.
          </li>
          <li>
            <strong>Client credentials</strong>: tokens for a service with no user — tick it in the practice console and try{' '}
            <code className="font-mono">grant_type=client_credentials</code>.
          </li>
          <li>
            <strong>Sender-constrained tokens</strong> (DPoP, RFC 9449): refresh tokens that only work from the client that got them — what
            public clients use instead of a secret.
          </li>
          <li>
            <strong>OAuth 2.0 Security Best Current Practice</strong> (RFC 9700): why PKCE, exact redirect URIs and refresh token rotation
            are the defaults now.
          </li>
        </ul>
      </Card>
    </ExerciseShell>
  );
}
