import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { CheckIcon } from '@/components/ui/icons';
import { getDb } from '@/lib/db/client';
import { findCompletionRecord, isRefreshRecord } from '@/lib/progress/completion-records';

export const metadata: Metadata = { title: 'Completion record' };

const SERVER_NAMES: Record<string, string> = {
  practice: 'the OAuth Lab practice server',
  okta: 'an Okta authorization server',
  auth0: 'an Auth0 tenant',
  keycloak: 'a Keycloak realm',
  generic: 'a standards-based authorization server',
};

/** A shareable record of a completed exercise. Public by its unguessable address; no secrets. */
export default async function CompletionRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const record = await findCompletionRecord(await getDb(), (await params).id);
  if (!record) notFound();
  const date = new Date(record.completedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const refresh = isRefreshRecord(record) ? record : null;
  const minutes = refresh?.accessTokenLifetimes.find((seconds) => seconds !== null);
  // A record is Refresh Tokens' own, another exercise's, or the course's (`exercise: 'course'`).
  const titled = isRefreshRecord(record) ? null : record;
  const what = !titled ? 'the Refresh Tokens exercise' : titled.exercise === 'course' ? titled.title : `the ${titled.title} exercise`;
  return (
    <div className="mx-auto max-w-prose space-y-6">
      <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">OAuth Lab · Completion record</p>
      <h1 className="text-3xl font-bold tracking-tight">
        {record.displayName ? `${record.displayName} completed` : 'Completed'} {what}
      </h1>
      <p className="text-lg text-slate-700 dark:text-slate-300">
        On {date}, against {SERVER_NAMES[record.serverKind] ?? SERVER_NAMES.generic}.
      </p>
      <Card aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="text-lg font-semibold">
          {record.exercise === 'course' ? 'Every exercise completed' : 'Every step checked'}
        </h2>
        <ol className="mt-3 space-y-2">
          {record.steps.map((step) => (
            <li key={step} className="flex gap-2">
              <CheckIcon className="mt-[0.25em] text-emerald-700 dark:text-emerald-400" />
              <span>
                {step}
                <span className="sr-only"> (done)</span>
              </span>
            </li>
          ))}
        </ol>
        {refresh && (
          <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
            An authorization URL with PKCE and offline_access, a code exchanged with curl for a refresh token, and that refresh token used
            for a new access token{minutes ? ` (access tokens here last ${Math.round(minutes / 60)} minutes)` : ''}
            {refresh.rotated ? ', with refresh token rotation on' : ''}.
          </p>
        )}
      </Card>
    </div>
  );
}
