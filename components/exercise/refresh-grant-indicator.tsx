'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import { apiFetch } from '@/lib/client/api';

/**
 * Live indicator of whether the practice app has the Refresh Token grant. Polls while
 * the page is visible, so ticking the box in the console (another tab) shows up here.
 */
export function RefreshGrantIndicator({ initiallyEnabled, next }: { initiallyEnabled: boolean; next: { href: string; label: string } }) {
  const [enabled, setEnabled] = useState(initiallyEnabled);

  useEffect(() => {
    let stopped = false;
    async function poll() {
      if (document.visibilityState !== 'visible') return;
      const answer = await apiFetch<{ grantTypes: string[] }>('/api/practice/app');
      // Offline for a moment: keep the last known state.
      if (answer.ok && !stopped) setEnabled(answer.data.grantTypes.includes('refresh_token'));
    }
    const timer = setInterval(poll, 3000);
    window.addEventListener('focus', poll);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', poll);
    };
  }, []);

  return (
    <div className="space-y-4">
      <p
        role="status"
        className={cn(
          'flex items-center gap-2 rounded-md border p-3 font-medium',
          enabled
            ? 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100'
            : 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100',
        )}
      >
        {enabled ? <CheckIcon /> : <span aria-hidden="true">…</span>}
        {enabled ? 'Refresh Token is enabled for My Web App.' : 'Refresh Token is not enabled yet for My Web App.'}
      </p>
      {!enabled && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          You can go on, but without the grant the token step answers without a refresh token: enable it first.
        </p>
      )}
      <Link href={next.href} className={buttonClass(enabled ? 'primary' : 'secondary')}>
        {enabled ? next.label : `${next.label} anyway`}
      </Link>
    </div>
  );
}
