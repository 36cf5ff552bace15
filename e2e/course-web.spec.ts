/**
 * The Web App exercise end to end on the practice server (SPEC §9): the authorization URL
 * with api:read, the sign-in, the redirect page (shared by every exercise) checking for this
 * exercise, the code exchange with the page's curl command, and a call to the practice API
 * with the access token. Then Refresh Tokens opens with the server already chosen.
 */
import { expect, expectChecklist, runCurlFromPage, signInOnPracticeServer, test } from './fixtures';

test('the Web App on the practice server, then Refresh Tokens without choosing the server again', async ({
  learnerPage: page,
  baseURL,
}) => {
  test.slow();
  // Getting Started's server choice, as its page would make it (its own test walks the page).
  const setup = await page.request.post('/api/exercises/getting-started/setup', { data: { mode: 'practice' } });
  expect(setup.status()).toBe(200);

  await page.goto('/exercise/web');
  await expect(page.getByRole('heading', { level: 1, name: 'Web App' })).toBeVisible();
  await expect(page.getByText(`Your server: the practice server, ${baseURL}/oauth2/default`)).toBeVisible();
  await page.getByRole('link', { name: 'Start the exercise' }).click();

  // The authorization URL: the template already asks for api:read; nothing about refresh tokens.
  await expect(page.getByRole('heading', { level: 1, name: 'Build the authorization URL' })).toBeVisible();
  await expect(page.getByText('is what asks for a refresh token')).toHaveCount(0);
  await page.getByRole('button', { name: 'Generate Random String' }).click();
  await page.getByRole('button', { name: 'Calculate Hash' }).click();
  await expect(page.getByLabel('Code Challenge')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Generate State' }).click();
  const urlTemplate = page.getByLabel('URL template', { exact: true });
  await expect(urlTemplate).not.toContainText('{STATE}');
  const template = (await urlTemplate.textContent()) ?? '';
  expect(template).toContain('scope=api:read&');
  await page.getByLabel('Authorization URL').fill(template);
  await page.getByRole('button', { name: 'Check Your URL' }).click();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'Log In' }).click();

  // The redirect page knows, by the state, that this code answers the Web App.
  await signInOnPracticeServer(page);
  await expect(page).toHaveURL(/\/redirect\?exercise=web$/);
  await expect(page.getByTestId('captured-code')).not.toBeEmpty();
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('link', { name: 'Web App' })).toBeVisible();
  await page.getByRole('link', { name: 'Next: exchange the code' }).click();

  // The code exchange: the page's curl command, run as the learner would.
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange the code' })).toBeVisible();
  await expect(page.getByText('It must hold a refresh_token')).toHaveCount(0);
  await page.getByRole('button', { name: 'Fill in my practice secret' }).click();
  const tokenResponse = await runCurlFromPage(page);
  const accessToken = (JSON.parse(tokenResponse) as { access_token: string }).access_token;
  await page.getByLabel('Token Response').fill(tokenResponse);
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'Next: call the API' }).click();

  // The API call, with the access token as a Bearer token; the check reads what the API saw.
  await expect(page.getByRole('heading', { level: 1, name: 'Call the API' })).toBeVisible();
  await expect(page.getByTestId('api-call-command')).toContainText(`${baseURL}/api/practice/photos`);
  const call = await fetch(`${baseURL}/api/practice/photos`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(call.status).toBe(200);
  await page.getByRole('button', { name: 'Check my call' }).click();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'See the exercise overview' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'You have completed Web App' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '4');
  // A shareable record of this exercise.
  await page.getByLabel('Name on the record (optional)').fill('Ada');
  await page.getByRole('button', { name: 'Create a Shareable Record' }).click();
  const recordLink = page.getByRole('link', { name: /\/completions\// });
  await expect(recordLink).toBeVisible();
  const recordUrl = (await recordLink.getAttribute('href'))!;
  await page.goto(recordUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Ada completed the Web App exercise' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Call the API' })).toBeVisible();
  await page.goBack();
  await page.getByRole('link', { name: 'All exercises' }).click();
  await expect(page.getByRole('region', { name: /Web App/ }).getByText('Completed')).toBeVisible();

  // Refresh Tokens: the server choice is made already.
  await page.getByRole('link', { name: 'Start Refresh Tokens' }).click();
  await page.getByRole('link', { name: 'Choose your server (done)' }).click();
  await expect(page.getByText('You are using the practice server')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
});
