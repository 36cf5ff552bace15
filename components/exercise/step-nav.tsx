import Link from 'next/link';
import { StarIcon } from '@/components/ui/icons';
import { RESULTS_PAGE, stepHref } from '@/lib/exercise/steps';
import type { JourneyView } from '@/lib/progress/view';
import { StepList } from './step-list';

/** The six steps with their status, the current page marked, and the results page once earned. */
export function StepNav({ journey, current }: { journey: JourneyView; current: string }) {
  const steps = journey.steps.map((step) => ({
    key: step.slug,
    href: stepHref(step.slug),
    title: step.title,
    status: step.status,
    number: step.number,
    current: step.slug === current,
  }));
  return (
    <StepList steps={steps}>
      {journey.completed && (
        <Link
          href={stepHref(RESULTS_PAGE.slug)}
          prefetch={false}
          aria-current={current === RESULTS_PAGE.slug ? 'page' : undefined}
          className="mt-2 flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-emerald-800 hover:bg-emerald-50 aria-[current=page]:bg-emerald-50 dark:text-emerald-300 dark:hover:bg-emerald-950 dark:aria-[current=page]:bg-emerald-950"
        >
          <StarIcon />
          {RESULTS_PAGE.title}
        </Link>
      )}
    </StepList>
  );
}
