import Link from 'next/link';
import { cn } from '@/components/ui/cn';

/**
 * Where a learner who was given a join code by their instructor types it: said where a
 * learner starts (the home page, the exercise overview), as `/join` was linked from nowhere
 * a learner looks (issue 20, item 11).
 */
export function JoinCodeInvite({ className }: { className?: string }) {
  return (
    <p className={cn('text-slate-700 dark:text-slate-300', className)}>
      <strong className="font-semibold text-slate-900 dark:text-slate-100">Have a join code?</strong> If your instructor gave you one (like
      K7PX-3MQA),{' '}
      <Link href="/join" prefetch={false} className="font-medium text-indigo-800 underline dark:text-indigo-300">
        enter your join code
      </Link>{' '}
      so they can follow your progress.
    </p>
  );
}
