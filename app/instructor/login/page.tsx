import type { Metadata } from 'next';
import { InstructorSignInForm } from '@/components/instructor/sign-in-form';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Instructor sign-in' };

export default function InstructorLoginPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Instructor sign-in</h1>
      <Card>
        <InstructorSignInForm />
      </Card>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        No account? The site&apos;s administrator creates instructors with{' '}
        <code className="font-mono">npm run instructor -- add you@example.com</code>.
      </p>
    </div>
  );
}
