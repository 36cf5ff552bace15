import type { MistakeCount } from '@/lib/cohorts/dashboard';
import { meaningOf } from '@/lib/exercise/codes';
import { JOURNEY } from '@/lib/exercise/steps';

/** Mistakes shown per step: enough to explain to a room, few enough to read from the back. */
const SHOWN_PER_STEP = 6;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const percent = (value: number, max: number) => `${Math.round((value / max) * 10_000) / 100}%`;

/**
 * The most common mistakes per step, so the instructor can explain one to the whole room.
 * Each is labelled with its plain-language meaning (the diagnosis code is the detail, linked
 * to its explanation). Every bar is drawn on one scale across all steps — the longest is
 * the cohort's most repeated mistake — so a short list's top item does not look as big as
 * the biggest problem of the day. The darker part is how many learners hit it, the whole
 * bar how many attempts did. Enable refresh tokens has no check, so no codes: its mistake is
 * going past it without doing it (`skippedEnable` learners). Another exercise's chart has its
 * checked steps (`steps`, from its declaration) and no such step.
 */
export function MistakesChart({
  mistakes,
  skippedEnable = 0,
  steps,
}: {
  mistakes: Record<string, MistakeCount[]>;
  skippedEnable?: number;
  /** Another exercise's checked steps; without them, the Refresh Tokens journey (Enable among its steps). */
  steps?: readonly { id: string; title: string }[];
}) {
  const columns: readonly { slug: string; title: string; check: string | null }[] = steps
    ? steps.map((step) => ({ slug: step.id, title: step.title, check: step.id }))
    : JOURNEY;
  const checked = columns.flatMap((column) => (column.check ? [column.check] : []));
  const shown = (step: string) => (mistakes[step] ?? []).slice(0, SHOWN_PER_STEP);
  const maxAttempts = Math.max(0, ...checked.flatMap((step) => shown(step).map((item) => item.count)));
  const max = Math.max(1, maxAttempts, skippedEnable);
  const longest = maxAttempts >= skippedEnable ? plural(max, 'attempt', 'attempts') : plural(max, 'learner', 'learners');
  const any = skippedEnable > 0 || checked.some((step) => shown(step).length > 0);

  return (
    <section aria-labelledby="mistakes-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="mistakes-heading" className="text-xl font-semibold">
          Common mistakes
        </h2>
        {any && (
          <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
            <span>One scale for every step: the longest bar is {longest}.</span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-indigo-700 dark:bg-indigo-300" />
              learners who hit it
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-indigo-200 dark:bg-indigo-800" />
              attempts
            </span>
          </p>
        )}
      </div>
      <div className="grid items-start gap-4 md:grid-cols-2">
        {columns.map(({ slug, title, check: step }) => {
          if (!step) return <SkippedStep key={slug} title={title} learners={skippedEnable} max={max} />;
          const items = shown(step);
          return (
            <div
              key={step}
              data-step={step}
              className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            >
              <h3 className="font-semibold">{title}</h3>
              {items.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">No mistakes recorded.</p>
              ) : (
                <ul className="mt-3 space-y-4" aria-label={`Most common mistakes: ${title}`}>
                  {items.map((item) => (
                    <li key={item.code} data-code={item.code} className="space-y-1.5">
                      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                        <span className="min-w-0 text-sm font-medium">{meaningOf(item.code) ?? item.code}</span>
                        <span className="text-sm whitespace-nowrap text-slate-700 dark:text-slate-300">
                          <span className="font-semibold text-slate-900 dark:text-slate-100">
                            {plural(item.learners, 'learner', 'learners')}
                          </span>
                          {' · '}
                          {plural(item.count, 'attempt', 'attempts')}
                        </span>
                      </div>
                      <div aria-hidden="true" className="relative h-2.5 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
                        <div
                          data-testid="mistake-bar-attempts"
                          className="absolute inset-y-0 left-0 rounded bg-indigo-200 dark:bg-indigo-800"
                          style={{ width: percent(item.count, max) }}
                        />
                        <div
                          data-testid="mistake-bar-learners"
                          className="absolute inset-y-0 left-0 rounded bg-indigo-700 dark:bg-indigo-300"
                          style={{ width: percent(item.learners, max) }}
                        />
                      </div>
                      <a
                        href={`/docs/codes#${item.code}`}
                        className="inline-block font-mono text-xs break-all text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300"
                      >
                        {item.code}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** The step without a check: how many learners went past it without doing it, on the chart's scale. */
function SkippedStep({ title, learners, max }: { title: string; learners: number; max: number }) {
  return (
    <div data-step="enable" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h3 className="font-semibold">{title}</h3>
      {learners === 0 ? (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">No one has gone past it without doing it.</p>
      ) : (
        <ul className="mt-3 space-y-4" aria-label={`Most common mistakes: ${title}`}>
          <li data-mistake="skipped" className="space-y-1.5">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="min-w-0 text-sm font-medium">Went on with the Refresh Token grant still off.</span>
              <span className="text-sm font-semibold whitespace-nowrap text-slate-900 dark:text-slate-100">
                {plural(learners, 'learner', 'learners')}
              </span>
            </div>
            <div aria-hidden="true" className="relative h-2.5 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
              <div
                data-testid="mistake-bar-learners"
                className="absolute inset-y-0 left-0 rounded bg-indigo-700 dark:bg-indigo-300"
                style={{ width: percent(learners, max) }}
              />
            </div>
          </li>
        </ul>
      )}
    </div>
  );
}
