import { PassFail } from '@/components/instructor/pass-fail';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import { STATUS_WORDS, type EnableStatus } from '@/lib/cohorts/journey';
import type { StepStatus } from '@/lib/exercise/steps';

/**
 * A step's status for instructors, in words with a mark (the colour is never the only
 * signal): pass or fail for a checked step, done or skipped for Enable, a dash for "not yet"
 * (read out as the words).
 */
export function StepStatusMark({ status, className }: { status: StepStatus | EnableStatus; className?: string }) {
  const tone = {
    pass: 'font-semibold text-emerald-800 dark:text-emerald-300',
    done: 'font-semibold text-emerald-800 dark:text-emerald-300',
    fail: 'font-semibold text-red-800 dark:text-red-300',
    skipped: 'font-semibold text-amber-800 dark:text-amber-300',
    unknown: 'text-slate-700 dark:text-slate-300',
    pending: '',
  }[status];
  return (
    <span className={cn('whitespace-nowrap', tone, className)}>
      {status === 'pass' || status === 'fail' ? (
        <PassFail status={status} />
      ) : status === 'done' ? (
        <>
          <CheckIcon /> {STATUS_WORDS.done}
        </>
      ) : status === 'pending' ? (
        <>
          <span aria-hidden="true">–</span>
          <span className="sr-only">{STATUS_WORDS.pending}</span>
        </>
      ) : (
        STATUS_WORDS[status]
      )}
    </span>
  );
}
