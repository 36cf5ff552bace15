import { CopyButton } from './copy-button';

/**
 * A command or template to copy: its name and the Copy button on a bar above the code, so
 * the button never covers the text (on a phone the code scrolls sideways under nothing).
 */
export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  return (
    <div className="overflow-hidden rounded-md border border-slate-800 bg-slate-900 dark:bg-black">
      <div className="flex items-center justify-between gap-2 border-b border-slate-700 px-3 py-1.5">
        <span className="text-xs font-medium tracking-wide text-slate-300 uppercase">{label}</span>
        <CopyButton value={code} label={label} className="min-h-8 px-3 py-1" />
      </div>
      <pre className="overflow-x-auto p-4 text-sm leading-relaxed text-slate-100" tabIndex={0} aria-label={label} data-testid={testId}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
