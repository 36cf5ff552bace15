'use client';

import Link from 'next/link';
import { Button, buttonClass } from '@/components/ui/button';

/**
 * What a learner sees when a page fails on our side (a bug or an outage, never a learner's
 * mistake: those are reports). The cause is in the server log; the digest ties the two.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-prose space-y-4 py-8">
      <p className="text-sm font-semibold tracking-wide text-red-800 uppercase dark:text-red-300">Something went wrong</p>
      <h1 className="text-3xl font-bold tracking-tight">This page could not be shown</h1>
      <p className="text-slate-700 dark:text-slate-300">
        OAuth Lab hit a problem on its side. Your progress is saved; trying again usually works.
      </p>
      {error.digest && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          If it keeps happening, tell the site&apos;s operator this reference: <code className="font-mono">{error.digest}</code>
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/exercise/refresh" className={buttonClass('secondary')}>
          Back to the exercise
        </Link>
      </div>
    </div>
  );
}
