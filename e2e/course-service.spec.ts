/**
 * Machine to Machine on the practice server (SPEC §9): create My Service App from the step
 * page, request a token with the client credentials grant as the page's commands do (HTTP
 * Basic, grant_type=client_credentials, a custom scope), paste the response, pass.
 */
import { expect, expectChecklist, test } from './fixtures';

test('Machine to Machine: create the service app, get a token with client credentials, pass', async ({ learnerPage: page, baseURL }) => {
  test.slow();
  const setup = await page.request.post('/api/exercises/getting-started/setup', { data: { mode: 'practice' } });
  expect(setup.status()).toBe(200);

  await page.goto('/exercise/service');
  await expect(page.getByRole('heading', { level: 1, name: 'Machine to Machine' })).toBeVisible();
  await page.getByRole('link', { name: 'Start the exercise' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Create a service app' })).toBeVisible();
  await page.getByRole('button', { name: 'Create My Service App' }).click();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'Next: get a token' }).click();

  // The commands name the service app; the secret is in the practice console.
  await expect(page.getByRole('heading', { level: 1, name: 'Get a token' })).toBeVisible();
  const bash = page.getByLabel('With -u and a shell variable: bash or zsh', { exact: true });
  const clientId = /CLIENT_ID='([^']+)'/.exec((await bash.textContent()) ?? '')?.[1];
  expect(clientId).toBeTruthy();
  await expect(page.getByRole('group').filter({ hasText: 'With a curl config file (--config)' })).toBeVisible();

  const console = await page.context().newPage();
  await console.goto('/practice/console');
  await console.getByRole('navigation', { name: 'Applications' }).getByRole('link', { name: 'My Service App' }).click();
  await expect(console.getByTestId('client-id')).toHaveText(clientId!);
  await console.getByRole('button', { name: 'Reveal secret' }).click();
  const clientSecret = ((await console.getByTestId('client-secret').textContent()) ?? '').trim();
  await console.close();

  // What `curl -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=api:read` sends.
  const response = await fetch(`${baseURL}/oauth2/default/v1/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api:read' }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  await page.getByLabel('Token Response').fill(text);
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'See the exercise overview' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You have completed Machine to Machine' })).toBeVisible();
});
