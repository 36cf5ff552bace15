'use client';

import { useId, useState } from 'react';
import { useHorizontalOverflow } from '@/components/instructor/use-horizontal-overflow';
import { cn } from '@/components/ui/cn';

/** A table cell's padding on the instructor's tables. */
export const CELL = 'px-2 py-2 align-top';
/** The name column stays in view while a narrow screen scrolls the rest (opaque: rows pass under it). */
export const STICKY = 'sticky left-0 z-10 bg-inherit shadow-[1px_0_0_0] shadow-slate-200 dark:shadow-slate-800';

/**
 * A wide table's card: it scrolls inside a focusable, labelled region, so keyboard users can
 * scroll it too; when it does, a hint above it (its description) and a fading right edge say
 * that more columns are there. `fitsFromLg`: the table's minimum width fits the content column
 * from the lg breakpoint up (the guess before the browser has measured it).
 */
export function ScrollTable({ label, fitsFromLg = true, children }: { label: string; fitsFromLg?: boolean; children: React.ReactNode }) {
  const [region, setRegion] = useState<HTMLDivElement | null>(null);
  const overflow = useHorizontalOverflow(region);
  const hintId = useId();
  return (
    <div className="space-y-1.5">
      <p
        id={hintId}
        className={cn(
          'text-sm text-slate-700 dark:text-slate-300',
          overflow === 'unknown' && fitsFromLg && 'lg:hidden',
          overflow === 'fits' && 'hidden',
        )}
      >
        <span aria-hidden="true">&harr; </span>Scroll sideways for more columns
      </p>
      <div className="relative">
        <div
          ref={setRegion}
          role="region"
          aria-label={label}
          aria-describedby={overflow === 'fits' ? undefined : hintId}
          tabIndex={0}
          // Relative: the containing block of the cells' visually hidden text, which would
          // otherwise escape the scroll clipping and widen the page.
          className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        >
          {children}
        </div>
        {/* A fading right edge while more columns lie to the right (the hint says it in words). */}
        <div
          aria-hidden="true"
          data-testid="scroll-fade"
          className={cn(
            'pointer-events-none absolute inset-y-px right-px w-10 rounded-r-lg bg-linear-to-l from-slate-900/15 to-transparent dark:from-black/60',
            overflow === 'unknown' && fitsFromLg && 'lg:hidden',
            overflow !== 'more' && overflow !== 'unknown' && 'hidden',
          )}
        />
      </div>
    </div>
  );
}
