import type { PracticeAppView } from '@/lib/practice-server/app-view';
import { CredentialsSection } from './credentials-section';
import { GRANT_TYPE_LABELS } from './labels';

const PANEL = 'rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900';

/**
 * "My Service App", like Okta's API Services app: its credentials, and settings that are
 * all fixed — Client Credentials is its only grant (Okta does not let you untick it), and
 * it has no sign-in redirect URIs: no user signs in, so no browser is sent back to it.
 */
export function ServiceAppPanel({ app, grantTypesAllowed }: { app: PracticeAppView; grantTypesAllowed: readonly string[] }) {
  const grants = GRANT_TYPE_LABELS.filter(([grant]) => grantTypesAllowed.includes(grant));
  return (
    <div className="space-y-6">
      <CredentialsSection app={app} />
      <section aria-labelledby="general-heading" className={PANEL}>
        <h2 id="general-heading" className="text-lg font-semibold">
          General Settings
        </h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-[12rem_1fr]">
          <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">Application type</dt>
          <dd>Service (API Services)</dd>
          <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">Client authentication</dt>
          <dd>
            Client secret: HTTP Basic (<code className="font-mono text-sm">client_secret_basic</code>), or in the request body (
            <code className="font-mono text-sm">client_secret_post</code>)
          </dd>
        </dl>
        <fieldset className="mt-6 grid gap-2 sm:grid-cols-[12rem_1fr]" disabled>
          <legend className="float-left text-sm font-medium text-slate-600 sm:w-48 dark:text-slate-400">Allowed grant types</legend>
          <div className="space-y-2 sm:col-start-2">
            {grants.map(([grant, label]) => (
              <label key={grant} className="flex items-center gap-3">
                <input type="checkbox" className="size-5 accent-indigo-700" checked={app.grantTypes.includes(grant)} readOnly />
                <span>{label}</span>
              </label>
            ))}
            <p className="text-sm text-slate-600 dark:text-slate-400">
              The app asks for tokens for itself, with its own credentials: no user signs in, so it has no sign-in redirect URIs, and it
              gets no refresh tokens and no ID tokens. Ask for the scopes it needs (for example <code className="font-mono">api:read</code>
              ); it cannot ask for <code className="font-mono">openid</code>.
            </p>
          </div>
        </fieldset>
      </section>
    </div>
  );
}
