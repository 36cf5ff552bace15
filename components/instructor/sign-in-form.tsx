'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/alert';

const fieldClass = 'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950';

/** Instructor sign-in: email and password, errors announced. */
export function InstructorSignInForm() {
  const router = useRouter();
  const ids = { email: useId(), password: useId() };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/instructor/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
      });
      if (response.ok) {
        router.push('/instructor');
        router.refresh();
        return;
      }
      const body = (await response.json()) as { error?: { message: string } };
      setError(body.error?.message ?? `Sign-in failed (${response.status}).`);
    } catch {
      setError('Could not reach the server. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={ids.email} className="block font-medium">
          Email
        </label>
        <input id={ids.email} name="email" type="email" autoComplete="username" required className={fieldClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.password} className="block font-medium">
          Password
        </label>
        <input id={ids.password} name="password" type="password" autoComplete="current-password" required className={fieldClass} />
      </div>
      {error && (
        <ErrorAlert>{error}</ErrorAlert>
      )}
      <Button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign In'}
      </Button>
    </form>
  );
}
