'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/client/api';

export function SignOutButton() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        onClick={async () => {
          const answer = await apiFetch('/api/instructor/session', { method: 'DELETE' });
          if (!answer.ok) {
            setError(answer.message);
            return;
          }
          router.push('/instructor/login');
          router.refresh();
        }}
      >
        Sign Out
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
