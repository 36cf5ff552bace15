/** An error announced to assistive technology as soon as it appears. */
export function ErrorAlert({ children }: { children: React.ReactNode }) {
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
      {children}
    </p>
  );
}
