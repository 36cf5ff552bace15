import { cn } from '@/components/ui/cn';

/** A titled card within a step page (e.g. "1. Run this in a terminal"). */
export function StepSection({
  id,
  title,
  headingClassName,
  children,
}: {
  id: string;
  title: string;
  headingClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={id} className={cn('text-lg font-semibold', headingClassName)}>
        {title}
      </h2>
      {children}
    </section>
  );
}
