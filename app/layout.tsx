import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { TitleKeeper } from '@/components/title-keeper';
import './globals.css';

// Every page carries a per-request CSP nonce (see proxy.ts), so none can be prerendered.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'OAuth Lab', template: '%s · OAuth Lab' },
  description: 'Learn OAuth 2.0 by doing it: build the requests yourself and get every mistake explained.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" prefetch={false} className="text-lg font-semibold tracking-tight text-indigo-700 dark:text-indigo-300">
              OAuth Lab
            </Link>
            <Link
              prefetch={false}
              href="/exercises"
              className="text-sm text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
            >
              Course
            </Link>
            <Link
              prefetch={false}
              href="/exercise/refresh"
              className="text-sm text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
            >
              Refresh Tokens exercise
            </Link>
            <Link
              prefetch={false}
              href="/practice/console"
              className="text-sm text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
            >
              Practice console
            </Link>
            {/* Learners in a class arrive with a code from their instructor (issue 20, item 11). */}
            <Link
              prefetch={false}
              href="/join"
              className="text-sm text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
            >
              Have a join code?
            </Link>
            <Link
              prefetch={false}
              href="/instructor"
              className="text-sm text-slate-700 hover:text-slate-950 sm:ml-auto dark:text-slate-300 dark:hover:text-white"
            >
              Instructors
            </Link>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <TitleKeeper />
      </body>
    </html>
  );
}
