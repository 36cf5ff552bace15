/** The course's pages (index, overviews, each kind's step page) have no axe violations, on a laptop and a phone. */
import { expectNoAxeViolations, VIEWPORTS } from './support/a11y';
import { expect, test } from './fixtures';

const PAGES = [
  '/exercises',
  '/exercise/getting-started',
  '/exercise/getting-started/setup',
  '/exercise/getting-started/discovery',
  '/exercise/web',
  '/exercise/web/authorize-url',
  '/redirect?exercise=web',
  '/exercise/web/token-response',
  '/exercise/web/api-call',
  '/exercise/service',
  '/exercise/service/app',
  '/exercise/service/token-response',
];

for (const viewport of ['laptop', 'phone'] as const) {
  test(`the course's pages have no axe violations (${viewport})`, async ({ learnerPage: page }) => {
    test.slow();
    await page.setViewportSize(VIEWPORTS[viewport]);
    const setup = await page.request.post('/api/exercises/getting-started/setup', { data: { mode: 'practice' } });
    expect(setup.status()).toBe(200);
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, `${viewport} ${path}`);
    }
  });
}
