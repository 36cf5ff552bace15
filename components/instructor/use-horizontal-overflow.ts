'use client';

import { useCallback, useSyncExternalStore } from 'react';

/**
 * Whether a scroll container's content is wider than it: `fits`, `more` (more to the right),
 * `end` (scrolled to the right end), or `unknown` before the browser has measured it (the
 * server's render, the first hydration).
 */
export type HorizontalOverflow = 'unknown' | 'fits' | 'more' | 'end';

/** Zoomed layouts round widths to fractions of a pixel. */
const SLACK_PX = 1;

function measure(element: HTMLElement): HorizontalOverflow {
  const hidden = element.scrollWidth - element.clientWidth;
  if (hidden <= SLACK_PX) return 'fits';
  return element.scrollLeft >= hidden - SLACK_PX ? 'end' : 'more';
}

/**
 * Follows an element's horizontal overflow as it resizes, its content changes size, or it is
 * scrolled. A snapshot of the layout, read the way React reads any outside store.
 * @see https://react.dev/reference/react/useSyncExternalStore
 */
export function useHorizontalOverflow(element: HTMLElement | null): HorizontalOverflow {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!element) return () => {};
      const observer = new ResizeObserver(notify);
      observer.observe(element);
      // The content too: a new learner's long name widens the table, not its container.
      for (const child of element.children) observer.observe(child);
      element.addEventListener('scroll', notify, { passive: true });
      return () => {
        observer.disconnect();
        element.removeEventListener('scroll', notify);
      };
    },
    [element],
  );
  return useSyncExternalStore(
    subscribe,
    () => (element ? measure(element) : 'unknown'),
    () => 'unknown',
  );
}
