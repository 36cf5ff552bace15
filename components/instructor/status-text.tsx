/** A form's outcome in words, green when it worked and red when not (inside the form's live region). */
export function StatusText({ status }: { status: { kind: 'ok' | 'error'; text: string } | null }) {
  if (!status) return null;
  return (
    <p className={status.kind === 'ok' ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}>{status.text}</p>
  );
}
