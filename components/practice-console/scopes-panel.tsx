/**
 * The practice authorization server's scopes, read-only: what an authorization URL may ask
 * for (issue 20, item 8: a newcomer had no page to look `{YOUR_SCOPE}` up on). On Okta they
 * belong to the authorization server, not to the app, so nothing here is editable.
 */
export function ScopesPanel({ scopes }: { scopes: { name: string; description: string }[] }) {
  return (
    <section
      id="scopes"
      aria-labelledby="scopes-heading"
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="scopes-heading" className="text-lg font-semibold">
        Scopes
      </h2>
      <p className="mt-2 max-w-prose text-sm text-slate-700 dark:text-slate-300">
        What an authorization URL may ask for on this server. They belong to the authorization server, not to your app, so you cannot change
        them here (on Okta: Security → API → Authorization Servers → default → Scopes).
      </p>
      <dl className="mt-4 grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
        {scopes.map((scope) => (
          <div key={scope.name} className="contents">
            <dt className="font-mono text-sm">{scope.name}</dt>
            <dd className="mb-2 text-sm text-slate-700 sm:mb-0 dark:text-slate-300">{scope.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
