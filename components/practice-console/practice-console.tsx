'use client';

import { useEffect, useId, useRef, useState } from 'react';
import Link from 'next/link';
import { Breakable } from '@/components/ui/breakable';
import { Button, buttonClass } from '@/components/ui/button';
import { CheckIcon, CrossIcon } from '@/components/ui/icons';
import { apiFetch } from '@/lib/client/api';
import type { PracticeAppView } from '@/lib/practice-server/app-view';
import { CredentialsSection } from './credentials-section';
import { GRANT_TYPE_LABELS } from './labels';
import { SignOutRedirectsField } from './sign-out-redirects-field';

const ROTATION_LABELS: [PracticeAppView['refreshTokenRotation'], string, string][] = [
  ['persistent', 'Use persistent token', 'The same refresh token keeps working until it is revoked or expires.'],
  [
    'rotate',
    'Rotate token after every use',
    'Each refresh returns a new refresh token; reusing an old one is refused and revokes the family.',
  ],
];

type Draft = Pick<PracticeAppView, 'grantTypes' | 'redirectUris' | 'refreshTokenRotation' | 'requirePkce'>;

/** The learner's "My Web App" page: credentials, grant types, redirect URIs, Edit/Save. */
export function PracticeConsole({
  initialApp,
  redirectHostsNote,
  returnTo,
}: {
  initialApp: PracticeAppView;
  redirectHostsNote: string;
  /** The exercise page to go back to once the settings are saved. */
  returnTo: { href: string; label: string };
}) {
  const [app, setApp] = useState(initialApp);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(initialApp);
  const [redirectText, setRedirectText] = useState(initialApp.redirectUris.join('\n'));
  const [signOutText, setSignOutText] = useState(initialApp.postLogoutRedirectUris.join('\n'));
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const ids = { redirect: useId(), redirectHelp: useId(), pkceHelp: useId() };

  // Keyboard users land where the change happened: the first field when editing starts,
  // the Edit button when it ends. In an effect, i.e. after React has committed the DOM.
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current === editing) return;
    wasEditing.current = editing;
    (editing ? firstFieldRef.current : editButtonRef.current)?.focus();
  }, [editing]);

  function startEditing() {
    setDraft(app);
    setRedirectText(app.redirectUris.join('\n'));
    setSignOutText(app.postLogoutRedirectUris.join('\n'));
    setStatus(null);
    setEditing(true);
  }

  function cancel() {
    setEditing(false);
    setStatus(null);
  }

  function toggleGrant(grant: Draft['grantTypes'][number], on: boolean) {
    setDraft((d) => ({ ...d, grantTypes: on ? [...d.grantTypes, grant] : d.grantTypes.filter((g) => g !== grant) }));
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setStatus(null);
    const lines = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const redirectUris = lines(redirectText);
    const answer = await apiFetch<PracticeAppView>('/api/practice/app', {
      method: 'PATCH',
      json: {
        grantTypes: draft.grantTypes,
        refreshTokenRotation: draft.refreshTokenRotation,
        requirePkce: draft.requirePkce,
        redirectUris,
        postLogoutRedirectUris: lines(signOutText),
      },
    });
    setSaving(false);
    if (!answer.ok) {
      setStatus({ kind: 'error', text: answer.message });
      return;
    }
    setApp(answer.data);
    setEditing(false);
    setStatus({ kind: 'ok', text: 'Saved. The practice server uses these settings from its next request.' });
  }

  const shown = editing ? draft : app;

  return (
    <div className="space-y-6">
      <CredentialsSection app={app} />

      <form
        id="general-settings"
        onSubmit={save}
        aria-labelledby="general-heading"
        className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="general-heading" className="text-lg font-semibold">
            General Settings
          </h2>
          {editing ? (
            <div className="flex gap-2">
              <Button variant="secondary" onClick={cancel} disabled={saving}>
                Cancel
              </Button>
              <Button type="submit" disabled={saving}>
                {saving ? 'Saving…' : 'Save'}
              </Button>
            </div>
          ) : (
            <Button ref={editButtonRef} variant="secondary" onClick={startEditing}>
              Edit
            </Button>
          )}
        </div>

        <div role="status" aria-live="polite" className="mt-3 min-h-6 text-sm">
          {status && (
            <p className={status.kind === 'ok' ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}>
              {status.kind === 'ok' ? <CheckIcon className="mr-1" /> : <CrossIcon className="mr-1" />}
              {status.text}
            </p>
          )}
          {status?.kind === 'ok' && (
            <Link href={returnTo.href} className={buttonClass('primary', 'mt-3')}>
              {returnTo.label}
            </Link>
          )}
        </div>

        <dl className="mt-2 grid gap-6 sm:grid-cols-[12rem_1fr]">
          <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">Application type</dt>
          <dd>Web</dd>
        </dl>

        <fieldset className="mt-6 grid gap-2 sm:grid-cols-[12rem_1fr]" disabled={!editing}>
          <legend className="float-left text-sm font-medium text-slate-600 sm:w-48 dark:text-slate-400">Allowed grant types</legend>
          <div className="space-y-2 sm:col-start-2">
            {GRANT_TYPE_LABELS.map(([grant, label], index) => (
              <label key={grant} className="flex items-center gap-3">
                <input
                  ref={index === 0 ? firstFieldRef : undefined}
                  type="checkbox"
                  className="size-5 accent-indigo-700"
                  checked={shown.grantTypes.includes(grant)}
                  onChange={(e) => toggleGrant(grant, e.target.checked)}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="mt-6 grid gap-2 sm:grid-cols-[12rem_1fr]" disabled={!editing}>
          <legend className="float-left text-sm font-medium text-slate-600 sm:w-48 dark:text-slate-400">
            Proof Key for Code Exchange (PKCE)
          </legend>
          <div className="sm:col-start-2">
            <label className="flex items-center gap-3">
              <input
                type="checkbox"
                className="size-5 accent-indigo-700"
                aria-describedby={ids.pkceHelp}
                checked={shown.requirePkce}
                onChange={(e) => setDraft((d) => ({ ...d, requirePkce: e.target.checked }))}
              />
              <span>Require PKCE as additional verification</span>
            </label>
            <p id={ids.pkceHelp} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Off by default, as on Okta (where it sits with the app&apos;s client credentials): a web app with a client secret may leave
              PKCE out. Ticked, an authorization request without a code_challenge is refused. This exercise uses PKCE either way.
            </p>
          </div>
        </fieldset>

        <div className="mt-6 grid gap-2 sm:grid-cols-[12rem_1fr]">
          <label htmlFor={ids.redirect} className="text-sm font-medium text-slate-600 dark:text-slate-400">
            Sign-in redirect URIs
          </label>
          <div>
            {editing ? (
              <textarea
                id={ids.redirect}
                aria-describedby={ids.redirectHelp}
                value={redirectText}
                onChange={(e) => setRedirectText(e.target.value)}
                rows={3}
                spellCheck={false}
                className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-950"
              />
            ) : (
              <ul id={ids.redirect} className="space-y-1 font-mono text-sm">
                {app.redirectUris.map((uri) => (
                  <li key={uri} className="wrap-anywhere">
                    <Breakable text={uri} />
                  </li>
                ))}
              </ul>
            )}
            <p id={ids.redirectHelp} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {/* "One per line" describes the box, not the read-only list (issue 20). */}
              {editing ? 'One per line. ' : null}
              The authorization URL&apos;s redirect_uri must match one of these exactly.{' '}
              {editing ? redirectHostsNote : 'To add one, choose Edit.'}
            </p>
          </div>
        </div>

        <SignOutRedirectsField editing={editing} uris={app.postLogoutRedirectUris} text={signOutText} onTextChange={setSignOutText} />

        <fieldset className="mt-6 grid gap-2 sm:grid-cols-[12rem_1fr]" disabled={!editing}>
          <legend className="float-left text-sm font-medium text-slate-600 sm:w-48 dark:text-slate-400">Refresh token behavior</legend>
          <div className="space-y-3 sm:col-start-2">
            {ROTATION_LABELS.map(([value, label, help]) => (
              <label key={value} className="flex items-start gap-3">
                <input
                  type="radio"
                  name="refreshTokenRotation"
                  className="mt-1 size-5 accent-indigo-700"
                  checked={shown.refreshTokenRotation === value}
                  onChange={() => setDraft((d) => ({ ...d, refreshTokenRotation: value }))}
                />
                <span>
                  <span className="block">{label}</span>
                  <span className="block text-sm text-slate-600 dark:text-slate-400">{help}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </form>
    </div>
  );
}
