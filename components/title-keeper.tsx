'use client';

import { useEffect } from 'react';

const STAND_IN = 'data-title-stand-in';

/**
 * Keeps the document titled while Next.js replaces the page's metadata. When a refresh or
 * a navigation reaches a new URL (the redirect page removing the code from the address
 * bar, then refreshing after a check), Next 16 commits the new page before its metadata is
 * resolved: for tens of milliseconds the document has no <title>, so a screen reader that
 * reads it then gets nothing and the tab shows the address. When the last <title> goes,
 * this puts in a stand-in with the previous text; when Next's arrives, the stand-in goes.
 * MutationObserver callbacks run before the browser does anything else, so nobody sees the
 * gap. (e2e/hostile.spec.ts and the accessibility audits check the title at every moment.)
 */
export function TitleKeeper() {
  useEffect(() => {
    let last = document.title;
    const observer = new MutationObserver(() => {
      const titles = Array.from(document.querySelectorAll('title'));
      const standIns = titles.filter((title) => title.hasAttribute(STAND_IN));
      if (titles.length > standIns.length) {
        for (const standIn of standIns) standIn.remove();
        if (document.title.trim()) last = document.title;
      } else if (standIns.length === 0 && last.trim()) {
        const standIn = document.createElement('title');
        standIn.setAttribute(STAND_IN, '');
        standIn.textContent = last;
        document.head.append(standIn);
      }
    });
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return null;
}
