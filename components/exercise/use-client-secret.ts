'use client';

import { useEffect, useState } from 'react';
import { readStored, writeStored } from '@/lib/client/browser-storage';

/** The client secret the learner typed, kept in this tab only (sessionStorage). */
export function useClientSecret() {
  const [secret, setSecret] = useState('');
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time read of browser storage after hydration
    setSecret(readStored('clientSecret') ?? '');
  }, []);
  const update = (value: string) => {
    setSecret(value);
    writeStored('clientSecret', value || null);
  };
  const fillFromPracticeApp = async () => {
    const response = await fetch('/api/practice/app', { cache: 'no-store' });
    if (response.ok) update(((await response.json()) as { clientSecret: string }).clientSecret);
  };
  return { secret, update, fillFromPracticeApp };
}
