import { useId } from 'react';
import { Breakable } from '@/components/ui/breakable';

/**
 * "Sign-out redirect URIs" (Okta's field): where the practice server's /v1/logout may send
 * the browser back (`post_logout_redirect_uri`). A textarea while editing, a list otherwise.
 */
export function SignOutRedirectsField({
  editing,
  uris,
  text,
  onTextChange,
}: {
  editing: boolean;
  uris: readonly string[];
  text: string;
  onTextChange: (text: string) => void;
}) {
  const ids = { field: useId(), help: useId() };
  return (
    <div className="mt-6 grid gap-2 sm:grid-cols-[12rem_1fr]">
      <label htmlFor={ids.field} className="text-sm font-medium text-slate-600 dark:text-slate-400">
        Sign-out redirect URIs
      </label>
      <div>
        {editing ? (
          <textarea
            id={ids.field}
            aria-describedby={ids.help}
            value={text}
            onChange={(e) => onTextChange(e.target.value)}
            rows={2}
            spellCheck={false}
            className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-950"
          />
        ) : uris.length > 0 ? (
          <ul id={ids.field} className="space-y-1 font-mono text-sm">
            {uris.map((uri) => (
              <li key={uri} className="wrap-anywhere">
                <Breakable text={uri} />
              </li>
            ))}
          </ul>
        ) : (
          <p id={ids.field} className="text-sm">
            None
          </p>
        )}
        <p id={ids.help} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {editing ? 'One per line; may be empty. ' : null}
          Sign-out (/v1/logout) sends the browser back only to a post_logout_redirect_uri listed here.
        </p>
      </div>
    </div>
  );
}
