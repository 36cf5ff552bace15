import { decodeJwt } from 'jose';
import { expect, expectChecklist, runCurlFromPage, test } from './fixtures';
import { expectFocusRing, tabTo } from './support/keyboard';

// Keyboard alone (docs/decisions/005-performance-budgets.md): every control below is reached with Tab/Shift+Tab and used with
// Enter, Space or typing — no clicks, and no filling of fields focus did not reach.
test('the whole journey works with the keyboard alone', async ({ learnerPage: page }) => {
  const body = page.locator('body');

  // Setup: the practice server.
  await page.goto('/exercise/refresh/setup');
  await tabTo(page, page.getByRole('button', { name: 'Use the practice server' }));
  await page.keyboard.press('Enter');
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('heading', { name: /All checks passed/ })).toBeFocused();
  await expectFocusRing(page);
  await tabTo(page, page.getByRole('link', { name: 'Next: enable refresh tokens' }));
  await page.keyboard.press('Enter');

  // Enable the Refresh Token grant in the practice console.
  await expect(page.getByRole('heading', { level: 1, name: 'Enable refresh tokens for your app' })).toBeVisible();
  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'practice console' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Edit' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: 'Client Credentials' })).toBeFocused(); // focus moved to the form
  await tabTo(page, page.getByRole('checkbox', { name: 'Refresh Token' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Refresh Token' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Save' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeFocused();

  // The authorization URL step.
  await page.goto('/exercise/refresh/authorize');
  await tabTo(page, page.getByRole('button', { name: 'Generate Random String' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Code Verifier' })).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
  await tabTo(page, page.getByRole('button', { name: 'Calculate Hash' }));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Code Challenge')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
  await tabTo(page, page.getByRole('button', { name: 'Generate State' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'State', exact: true })).not.toHaveValue('');

  // The template is read off the screen (it is a focusable, labelled block) and typed.
  const templateBlock = page.getByLabel('URL template', { exact: true });
  await tabTo(page, templateBlock);
  const template = (await templateBlock.textContent()) ?? '';
  expect(template).toContain('{YOUR_SCOPE}');
  const urlBox = page.getByLabel('Authorization URL');
  await tabTo(page, urlBox);

  // A first attempt without offline_access: the failing checklist takes focus. (The long
  // URL goes in as one text input, as a paste would; keys are still sent to the focused box.)
  await page.keyboard.insertText(template.replace('offline_access+{YOUR_SCOPE}', 'api:read'));
  await tabTo(page, page.getByRole('button', { name: 'Check Your URL' }));
  await page.keyboard.press('Enter');
  await expectChecklist(page, 'fail');
  await expect(page.getByRole('heading', { name: /problems? to fix/ })).toBeFocused();
  await expectFocusRing(page);
  await expect(page.locator('[data-code="scope.offline_access_missing"]')).toBeVisible();

  // Back to the box with Shift+Tab, replace its text, check again.
  await tabTo(page, urlBox, { backwards: true });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(template.replace('{YOUR_SCOPE}', 'api:read'));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check Your URL' })).toBeFocused();
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('heading', { name: /All checks passed/ })).toBeFocused();
  await expectFocusRing(page);

  // Log In is the next stop after the results; Enter follows it.
  await tabTo(page, page.getByRole('link', { name: 'Log In' }), { max: 5 });
  await page.keyboard.press('Enter');

  // The practice server's sign-in page, by keyboard too.
  await expect(page.getByRole('button', { name: 'Sign In' })).toBeVisible();
  await tabTo(page, page.getByLabel('Username'));
  await page.keyboard.type('learner@example.com');
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type('correct-horse-battery');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/redirect$/);
  await expectChecklist(page, 'pass');
  await expect(body).toContainText('code=');

  // The token step: fill in the secret, run the command in a terminal, paste the answer.
  await tabTo(page, page.getByRole('link', { name: 'Next: exchange the code' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange the code for tokens' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Fill in my practice secret' }));
  await page.keyboard.press('Enter');
  const tokenResponse = await runCurlFromPage(page);
  await tabTo(page, page.getByLabel('Token Response'));
  await page.keyboard.insertText(tokenResponse);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check Your Response' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('heading', { name: /All checks passed/ })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Next: use the refresh token' }), { max: 80 });
  await page.keyboard.press('Enter');

  // The refresh step. A new token must be issued in a later second than the first.
  await expect(page.getByRole('heading', { level: 1, name: 'Use the refresh token' })).toBeVisible();
  const firstIat = decodeJwt(JSON.parse(tokenResponse).access_token).iat ?? 0;
  await expect.poll(() => Math.floor(Date.now() / 1000)).toBeGreaterThan(firstIat);
  const refreshResponse = await runCurlFromPage(page);
  await tabTo(page, page.getByLabel('Refresh Token Response'));
  await page.keyboard.insertText(refreshResponse);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check Your Response' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectChecklist(page, 'pass');
  await tabTo(page, page.getByRole('link', { name: 'See your results' }), { max: 80 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: "You've completed the exercise!" })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
});
