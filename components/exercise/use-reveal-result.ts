'use client';

import { useEffect, useRef } from 'react';

/**
 * Brings a new check result into view. Its heading takes focus (a screen reader reads the
 * verdict, and Tab goes on to the next action beside it), and unless the whole result shows
 * already, its verdict row, with that action, is scrolled to the top of the viewport.
 *
 * The scroll is checked again once `settled` turns true, i.e. when the `router.refresh()`
 * that follows a check has rendered: it can add content above the results (the setup step's
 * "You are using…" banner), and Chromium does not anchor the scroll position while the page
 * is at its very top, so the verdict slid below the fold after it had been shown (issue 20,
 * item 7: "Next: enable refresh tokens" ended at y = 800 of 768).
 *
 * Returns the ref for the element holding the results (a `CheckResults`).
 */
export function useRevealResult(result: object | null, settled: boolean) {
  const container = useRef<HTMLDivElement>(null);

  // After React's commit (in an effect): a requestAnimationFrame callback can run before it,
  // and focus would then stay lost.
  useEffect(() => {
    if (result) container.current?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
  }, [result]);

  useEffect(() => {
    if (result) revealVerdict(container.current);
  }, [result, settled]);

  return container;
}

/**
 * Unless the whole result is on screen already, scrolls its verdict row (`data-verdict`, see
 * CheckResults) to the top of the viewport: the verdict and the next action show, and as much
 * of the checklist below them as fits.
 */
function revealVerdict(container: HTMLElement | null) {
  const verdict = container?.querySelector<HTMLElement>('[data-verdict]');
  if (!container || !verdict) return;
  const { top, bottom } = container.getBoundingClientRect();
  if (top < 0 || bottom > window.innerHeight) verdict.scrollIntoView({ block: 'start' });
}
