'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { apiFetch } from '@/lib/client/api';
import { useHydrated } from '@/lib/client/typed-values';

/** Instructor sign-in: email and password, errors announced. */
export function InstructorSignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const answer = await apiFetch('/api/instructor/session', { json: { email: form.get('email'), password: form.get('password') } });
    if (answer.ok) {
      router.push('/instructor');
      router.refresh();
      return;
    }
    setBusy(false);
    setError(answer.message);
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <Field label="Email" labelClassName="text-base">
        {(control) => <Input {...control} name="email" type="email" autoComplete="username" required />}
      </Field>
      <Field label="Password" labelClassName="text-base">
        {(control) => <Input {...control} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      {error && <Notice kind="error">{error}</Notice>}
      <Button type="submit" disabled={busy || !hydrated}>
        {busy ? 'Signing in…' : 'Sign In'}
      </Button>
    </form>
  );
}
