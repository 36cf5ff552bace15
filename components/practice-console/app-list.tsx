import Link from 'next/link';

export interface AppListEntry {
  type: string;
  name: string;
  /** "Web", "Service"… */
  label: string;
  clientId: string;
  href: string;
}

/** The learner's apps, like Okta's Applications page: each links to its settings. */
export function AppList({ apps, current }: { apps: AppListEntry[]; current: string }) {
  return (
    <nav
      aria-labelledby="applications-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="applications-heading" className="text-sm font-medium text-slate-600 dark:text-slate-400">
        Applications
      </h2>
      <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
        {apps.map((app) => (
          <li key={app.type} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
            <Link
              href={app.href}
              aria-current={app.type === current ? 'page' : undefined}
              className="font-medium text-indigo-700 underline-offset-4 hover:underline aria-[current=page]:text-slate-900 aria-[current=page]:no-underline dark:text-indigo-300 dark:aria-[current=page]:text-slate-100"
            >
              {app.name}
            </Link>
            <span className="text-sm text-slate-600 dark:text-slate-400">
              {app.label} · <code className="font-mono">{app.clientId}</code>
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
