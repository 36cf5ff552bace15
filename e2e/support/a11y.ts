import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** WCAG 2.2 AA as axe knows it (docs/decisions/005-performance-budgets.md). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const VIEWPORTS = {
  laptop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;
export type Scheme = 'light' | 'dark';

/**
 * Runs axe on the page as it is now and records every violation (soft, so one run lists
 * all pages' problems), each with the offending elements and axe's summary.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  await test.step(`axe: ${state}`, async () => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const violations = results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`),
    }));
    expect.soft(violations, `axe violations on ${state} (${page.url()})`).toEqual([]);
  });
}

/** A full-page screenshot under test-results/screenshots/ (not committed), for a human to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('test-results', 'screenshots', `${name}.png`), fullPage: true, animations: 'disabled' });
}
