import Link from 'next/link';
import { JoinCodeInvite } from '@/components/exercise/join-code-invite';

export default function HomePage() {
  return (
    <div className="max-w-prose space-y-6">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Learn OAuth 2.0 by doing it</h1>
      <p className="text-lg text-slate-700 dark:text-slate-300">
        OAuth Lab walks you through real OAuth flows against a real authorization server. You choose the parameters, log in, run the
        requests in your own terminal and paste what the server answered; the lab fills in the commands with your values, checks each
        artefact and explains every mistake precisely.
      </p>
      <section
        aria-labelledby="exercises"
        className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="exercises" className="text-xl font-semibold">
          Refresh Tokens
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Get a refresh token with the authorization code flow and PKCE, then use it to get a new access token. Works with the built-in
          practice server — no account needed — or your own Okta, Auth0 or Keycloak.
        </p>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">About 20–30 minutes. You need a terminal with curl.</p>
        <Link
          href="/exercise/refresh"
          className="mt-4 inline-block rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800"
        >
          Start the exercise
        </Link>
      </section>
      <section
        aria-labelledby="course-heading"
        className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="course-heading" className="text-xl font-semibold">
          The course
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Refresh Tokens is one exercise of a course: getting started with a server, the authorization code flow for a web app, machine to
          machine with client credentials, and more to come.
        </p>
        <Link
          href="/exercises"
          className="mt-4 inline-block rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
        >
          See the whole course
        </Link>
      </section>
      <JoinCodeInvite />
    </div>
  );
}
