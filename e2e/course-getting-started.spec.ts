/**
 * The course (SPEC §9), a newcomer's way in: the index lists every exercise in order with its
 * status and the advice on what to do first; Getting Started on the practice server chooses
 * the server and reads its metadata document.
 */
import { expect, expectChecklist, test, typeBeforeHydration } from './fixtures';

test('a newcomer opens the course and does Getting Started on the practice server', async ({ learnerPage: page, baseURL }) => {
  await page.getByRole('link', { name: 'See the whole course' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The course' })).toBeVisible();
  await expect(page.getByText('No server chosen yet.')).toBeVisible();
  const web = page.getByRole('region', { name: /Web App/ });
  await expect(web.getByText('Not started')).toBeVisible();
  await expect(web.getByText(/Do Getting Started first: .* — or start anyway\./)).toBeVisible();
  await expect(page.getByRole('region', { name: /Device/ }).getByText('Coming')).toBeVisible();
  await expect(page.getByRole('region', { name: /Device/ }).getByRole('link')).toHaveCount(0);

  await page.getByRole('link', { name: 'Start Getting Started' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Getting Started' })).toBeVisible();
  await page.getByRole('link', { name: 'Start the exercise' }).click();

  // Choose the server.
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your server' })).toBeVisible();
  await page.getByRole('button', { name: 'Use the practice server' }).click();
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
  await page.getByRole('link', { name: 'Next: find the endpoints' }).click();

  // Find the endpoints: the metadata document opens in a new tab.
  await expect(page.getByRole('heading', { level: 1, name: 'Find the endpoints' })).toBeVisible();
  const metadataLink = page.getByRole('link', { name: /well-known/ });
  await expect(metadataLink).toHaveAttribute('target', '_blank');
  const metadataUrl = (await metadataLink.getAttribute('href'))!;
  const metadata = (await (await fetch(metadataUrl)).json()) as Record<string, string>;

  // A first mistake: the token endpoint in the authorization endpoint's field.
  await page.getByLabel('Issuer').fill(metadata.issuer!);
  await page.getByLabel('Authorization endpoint').fill(metadata.token_endpoint!);
  await page.getByLabel('Token endpoint').fill(metadata.token_endpoint!);
  await page.getByLabel('JWKS URI').fill(metadata.jwks_uri!);
  await page.getByLabel('Custom scope').fill('api:read');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expectChecklist(page, 'fail');

  await page.getByLabel('Authorization endpoint').fill(metadata.authorization_endpoint!);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'See the exercise overview' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'You have completed Getting Started' })).toBeVisible();
  await page.getByRole('link', { name: 'All exercises' }).click();
  await expect(page.getByText(`Your server: the practice server, ${baseURL}/oauth2/default`)).toBeVisible();
  await expect(page.getByRole('region', { name: /Getting Started/ }).getByText('Completed')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Review Getting Started' })).toBeVisible();
  // Its advice is followed: the Web App no longer says to do Getting Started first.
  await expect(page.getByRole('region', { name: /Web App/ }).getByText(/first/)).toHaveCount(0);
});

test('answers typed before the endpoints page has loaded its script are the answers checked', async ({ learnerPage: page }) => {
  await page.goto('/exercise/getting-started/setup');
  await page.getByRole('button', { name: 'Use the practice server' }).click();
  await expectChecklist(page, 'pass');
  const metadata = (await (await page.request.get('/oauth2/default/.well-known/oauth-authorization-server')).json()) as Record<
    string,
    string
  >;
  await typeBeforeHydration(page, '/exercise/getting-started/discovery', async () => {
    await page.getByLabel('Issuer').fill(metadata.issuer!);
    await page.getByLabel('Authorization endpoint').fill(metadata.authorization_endpoint!);
    await page.getByLabel('Token endpoint').fill(metadata.token_endpoint!);
    await page.getByLabel('JWKS URI').fill(metadata.jwks_uri!);
    await page.getByLabel('Custom scope').fill('api:read');
    // Not sendable before the script runs: a native submit would put the answers in the address.
    await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeDisabled();
    await page.getByLabel('Custom scope').press('Enter');
    expect(new URL(page.url()).search).toBe('');
  });
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expectChecklist(page, 'pass');
});

test('unknown and coming exercises are not found', async ({ request }) => {
  for (const path of ['/exercise/nope', '/exercise/device', '/exercise/web/nope']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('a resume link carries the whole course to another browser', async ({ learnerPage: page, browser }) => {
  const issuer = `${new URL(page.url()).origin}/oauth2/default`;
  expect((await page.request.post('/api/exercises/getting-started/setup', { data: { mode: 'practice' } })).status()).toBe(200);
  const discovery = await page.request.post('/api/exercises/getting-started/discovery', {
    data: {
      issuer,
      authorizationEndpoint: `${issuer}/v1/authorize`,
      tokenEndpoint: `${issuer}/v1/token`,
      jwksUri: `${issuer}/v1/keys`,
      scope: 'api:read',
    },
  });
  expect(((await discovery.json()) as { status: string }).status).toBe('pass');

  await page.goto('/exercises');
  await page.getByText('Continue on another device').click();
  await page.getByRole('button', { name: 'Get a Resume Link' }).click();
  const link = page.getByTestId('resume-link');
  await expect(link).toContainText('/resume/');
  const url = (await link.textContent())!.trim();

  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(url);
    await expect(second.getByText(/opens someone's progress in the course/)).toBeVisible();
    await second.getByRole('button', { name: 'Continue here' }).click();
    await expect(second).toHaveURL(/\/exercises$/);
    await expect(second.getByRole('region', { name: /Getting Started/ }).getByText('Completed')).toBeVisible();
  } finally {
    await other.close();
  }
});
