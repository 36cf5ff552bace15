'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const router = useRouter();
  return (
    <Button
      variant="secondary"
      onClick={async () => {
        await fetch('/api/instructor/session', { method: 'DELETE' });
        router.push('/instructor/login');
        router.refresh();
      }}
    >
      Sign Out
    </Button>
  );
}
