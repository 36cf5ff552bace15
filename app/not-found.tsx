import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

/** Any URL the site does not have (and cohorts or learners that are not the viewer's). */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-prose space-y-4 py-8">
      <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">404</p>
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="text-slate-700 dark:text-slate-300">
        There is nothing at this address. If you followed a link from your instructor, ask them for the current one.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/exercise/refresh" className={buttonClass('primary')}>
          Go to the Refresh Tokens exercise
        </Link>
        <Link href="/" className={buttonClass('secondary')}>
          Home
        </Link>
      </div>
    </div>
  );
}
