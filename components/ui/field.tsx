import { useId } from 'react';
import { cn } from './cn';

/** The look of every text box: one place for borders, colours and focus. */
export const controlClass =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500 aria-invalid:border-red-700 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400 dark:aria-invalid:border-red-400';

/** What a Field hands its control so the label, hint and error are connected to it. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled form control with an optional hint (between label and control) and error, wired for assistive
 * technology (`<label for>`, `aria-describedby`, `aria-invalid`):
 *
 *   <Field label="Client secret" hint="Stays in this tab.">{(control) => <Input {...control} … />}</Field>
 */
export function Field({
  label,
  hint,
  error,
  className,
  labelClassName,
  children,
}: {
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string | null;
  className?: string;
  labelClassName?: string;
  children: (control: ControlProps) => React.ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className={cn('block text-sm font-medium', labelClassName)}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="text-sm text-slate-700 dark:text-slate-300">
          {hint}
        </div>
      )}
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

export function Input({ className, ...props }: React.ComponentProps<'input'>) {
  return <input className={cn(controlClass, className)} {...props} />;
}

/** A monospace box for pasted artefacts: no spell check or autocorrect in the way. */
export function Textarea({ className, ...props }: React.ComponentProps<'textarea'>) {
  return (
    <textarea
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      className={cn(controlClass, 'p-3 font-mono text-sm', className)}
      {...props}
    />
  );
}
