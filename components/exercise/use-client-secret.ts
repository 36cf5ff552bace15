'use client';

import { apiFetch } from '@/lib/client/api';
import { useStoredValue } from '@/lib/client/use-stored-value';

/** The client secret the learner typed, kept in this tab only (sessionStorage). */
export function useClientSecret() {
  const [stored, setStored] = useStoredValue('clientSecret');
  const update = (value: string) => setStored(value || null);
  /** Practice server only: copies the app's secret from the console into this tab. */
  const fillFromPracticeApp = async (): Promise<string | null> => {
    const answer = await apiFetch<{ clientSecret: string }>('/api/practice/app');
    if (!answer.ok) return answer.message;
    update(answer.data.clientSecret);
    return null;
  };
  return { secret: stored ?? '', update, fillFromPracticeApp };
}
