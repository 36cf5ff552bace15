import type { Metadata } from 'next';
import { codesByKind, stepsOfKinds } from '@/lib/course/code-uses';
import { CODES } from '@/lib/exercise/codes';

export const metadata: Metadata = { title: 'Diagnosis codes' };

const codesByStep = codesByKind().map(({ kind, title, codes }) => ({ step: kind, title, codes }));

/** Every diagnosis code, what it means and what usually causes it; each result links here. */
export default function CodesPage() {
  return (
    <div className="space-y-8">
      <div className="max-w-prose space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Diagnosis codes</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Every result the lab reports that is not a plain pass carries a code. Codes never change, so instructors and graders can count
          them; the words around them may. A <strong>fail</strong> makes the check fail, a <strong>warn</strong> or <strong>info</strong>{' '}
          does not.
        </p>
      </div>
      {codesByStep.map(({ step, title, codes }) => (
        <section key={step} aria-labelledby={`step-${step}`} className="space-y-3">
          <h2 id={`step-${step}`} className="text-xl font-semibold">
            {title}
          </h2>
          <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {codes.map((code) => (
              <div key={code} id={code} className="scroll-mt-4 space-y-1 p-4 target:bg-indigo-50 dark:target:bg-indigo-950/50">
                <dt className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <code className="font-mono font-semibold break-all">{code}</code>
                  <span className="text-sm text-slate-600 dark:text-slate-400">{CODES[code].severities.join(' or ')}</span>
                </dt>
                <dd>{CODES[code].meaning}</dd>
                <dd className="text-sm text-slate-700 dark:text-slate-300">Typical cause: {CODES[code].cause}</dd>
                <dd className="text-sm text-slate-600 dark:text-slate-400">
                  Used in:{' '}
                  {stepsOfKinds(CODES[code].steps)
                    .map((use) => `${use.exerciseTitle} → ${use.stepTitle}`)
                    .join('; ')}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
