import Link from 'next/link';
import { cn } from '@/components/ui/cn';

/** The dashboard's views: the course (learner × exercise) and each exercise of the cohort. The current one is marked for screen readers too. */
export function ViewNav({
  cohortId,
  exercises,
  current,
}: {
  cohortId: string;
  exercises: readonly { id: string; title: string }[];
  current: string;
}) {
  const views = [{ id: 'course', title: 'Course' }, ...exercises];
  return (
    <nav aria-label="Dashboard views">
      <ul className="flex flex-wrap gap-2 border-b border-slate-200 pb-2 dark:border-slate-800">
        {views.map((view) => {
          const selected = view.id === current;
          return (
            <li key={view.id}>
              <Link
                href={`/instructor/cohorts/${encodeURIComponent(cohortId)}?view=${encodeURIComponent(view.id)}`}
                aria-current={selected ? 'page' : undefined}
                className={cn(
                  'inline-block rounded-md px-3 py-1.5 text-sm font-medium underline-offset-2',
                  selected
                    ? 'bg-indigo-800 text-white dark:bg-indigo-300 dark:text-slate-950'
                    : 'text-indigo-800 hover:underline dark:text-indigo-300',
                )}
              >
                {view.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
