/**
 * Scale-out (issue 10): two instances of the production build on one Postgres database,
 * behind a round-robin proxy started here (tests/support/round-robin-proxy.ts), in front of
 * a real Chromium. Any request may land on either instance:
 * - a learner does the whole journey (the practice sign-in page and its form post land on
 *   different instances) while an instructor follows the cohort on the open dashboard;
 * - one instance is killed with SIGKILL in the middle of the journey and the learner
 *   finishes through the other; it restarts, and nothing acknowledged is lost;
 * - a rate limit holds across both instances; a pg_dump holds no raw token, code,
 *   verifier or session credential; SIGTERM drains both and they exit cleanly.
 * Ports: the proxy on E2E_PORT+1, the instances on E2E_PORT+2 and +3; Postgres on
 * 55450–55469 (scripts/ensure-postgres.sh installs it when missing).
 */
import { request as playwrightRequest, type BrowserContext, type Page } from '@playwright/test';
import { E2E_INSTRUCTOR, E2E_PORT } from '../playwright.config';
import { startPostgresCluster, type PostgresCluster } from '../tests/support/postgres';
import { startRoundRobinProxy, type RoundRobinProxy } from '../tests/support/round-robin-proxy';
import {
  enableRefreshTokenInConsole,
  expect,
  expectChecklist,
  runCurlFromPage,
  signInOnPracticeServer,
  test,
  trackRequests,
} from './fixtures';
import { signalInstance, startInstance, waitUntilReady, type Instance } from './support/instances';

const PORTS = { proxy: E2E_PORT + 1, a: E2E_PORT + 2, b: E2E_PORT + 3 };
const CHECKS_PER_LEARNER = 20;

test('two instances on one Postgres behind a round-robin proxy: a learner, an instructor, a crash, shared limits', async ({ browser }) => {
  test.setTimeout(600_000);
  const proxyOrigin = `http://localhost:${PORTS.proxy}`;
  let cluster: PostgresCluster | undefined;
  let proxy: RoundRobinProxy | undefined;
  const instances: Instance[] = [];
  const contexts: BrowserContext[] = [];
  try {
    cluster = await startPostgresCluster({ ports: [55450, 55469], fast: true });
    const databaseUrl = await cluster.createDatabase('oauth_lab');
    const env = {
      PUBLIC_URL: proxyOrigin,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      TRUST_PROXY: '1',
      INSTRUCTOR_EMAIL: E2E_INSTRUCTOR.email,
      INSTRUCTOR_PASSWORD: E2E_INSTRUCTOR.password,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_CHECKS_PER_MINUTE: String(CHECKS_PER_LEARNER),
      RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE: '100000',
      RATE_LIMIT_NEW_LEARNERS_PER_ADDRESS_PER_HOUR: '10000',
      RATE_LIMIT_SIGNIN_PER_MINUTE: '1000',
    };
    // Both start at the same moment on a fresh database (no SESSION_SECRET: the one in the
    // database is shared), so they race for the migrations and the first settings.
    const a = startInstance('A', PORTS.a, env);
    let b = startInstance('B', PORTS.b, env);
    instances.push(a, b);
    await Promise.all([waitUntilReady(a), waitUntilReady(b)]);
    proxy = await startRoundRobinProxy({
      port: PORTS.proxy,
      upstreams: [
        { name: 'A', port: PORTS.a },
        { name: 'B', port: PORTS.b },
      ],
    });
    const log = proxy.log;

    // The instructor signs in, creates a cohort and keeps its dashboard open.
    const instructorContext = await browser.newContext({ baseURL: proxyOrigin });
    contexts.push(instructorContext);
    const instructor = await instructorContext.newPage();
    await instructor.goto('/instructor/login');
    await instructor.getByLabel('Email').fill(E2E_INSTRUCTOR.email);
    await instructor.getByLabel('Password').fill(E2E_INSTRUCTOR.password);
    await instructor.getByRole('button', { name: 'Sign In' }).click();
    await expect(instructor.getByRole('heading', { name: 'Your cohorts' })).toBeVisible();
    await instructor.getByLabel('Cohort name').fill('Scale-out class');
    await instructor.getByRole('button', { name: 'Create Cohort' }).click();
    await instructor.getByRole('link', { name: 'Scale-out class' }).click();
    await expect(instructor.getByRole('heading', { level: 1, name: 'Scale-out class' })).toBeVisible();
    const cohortId = new URL(instructor.url()).pathname.split('/').pop()!;
    const joinUrl = (await instructor.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();

    // The learner joins and does the whole journey in the browser.
    const learnerContext = await browser.newContext({ baseURL: proxyOrigin });
    contexts.push(learnerContext);
    const page = await learnerContext.newPage();
    const learnerRequests = trackRequests(page);
    let acknowledgedChecks = 0;
    page.on('response', (response) => {
      if (/\/api\/exercise\/[a-z-]+$/.test(new URL(response.url()).pathname) && response.status() === 200) acknowledgedChecks += 1;
    });
    await page.goto(joinUrl);
    await page.getByLabel('Display name').fill('Grace');
    await page.getByRole('button', { name: 'Join Cohort' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'You joined' })).toBeVisible();
    const secrets = await journeyUntilRedirect(page);
    // The redirect page refreshes itself after its check: the learner reads the result first.
    // (Killed inside that refresh, B would answer it 502 and Next would reload the page.)
    await learnerRequests.settled();

    // Mid-journey, instance B dies without a chance to clean up.
    expect(await signalInstance(b, 'SIGKILL')).toBe('SIGKILL');
    const killedAt = log.length;
    Object.assign(secrets, await finishJourney(page));
    // Only A answers now (a dashboard poll that was inside B at the kill may have got a 502).
    expect(log.slice(killedAt).filter((entry) => entry.upstream !== 'A' && !(entry.upstream === 'B' && entry.status === 502))).toEqual([]);
    expect(log.slice(killedAt).some((entry) => entry.skipped.includes('B'))).toBe(true);

    // The open dashboard (polling every 5 s, through either instance) shows the finish.
    const row = instructor.getByRole('row').filter({ hasText: 'Grace' });
    await expect(row).toContainText('Complete', { timeout: 30_000 });

    // B comes back; nothing the learner was told had been recorded is missing.
    b = startInstance('B', PORTS.b, env);
    instances.push(b);
    await waitUntilReady(b);
    const learnerCookie = await cookieHeader(learnerContext);
    for (const instance of [a, b]) {
      const progress = (await (await fetch(`${instance.origin}/api/progress`, { headers: { cookie: learnerCookie } })).json()) as {
        steps: Record<string, { status: string; attempts: number }>;
        completedAt: string | null;
      };
      expect(Object.values(progress.steps).map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
      expect(Object.values(progress.steps).reduce((sum, s) => sum + s.attempts, 0)).toBe(acknowledgedChecks);
      expect(progress.completedAt).not.toBeNull();
      const { learners } = (await (
        await fetch(`${instance.origin}/api/instructor/cohorts/${cohortId}/learners`, {
          headers: { cookie: await cookieHeader(instructorContext) },
        })
      ).json()) as { learners: { displayName: string; completedAt: string | null }[] };
      expect(learners).toEqual([expect.objectContaining({ displayName: 'Grace', completedAt: progress.completedAt })]);
    }

    // Every kind of request was spread over both instances; the sign-in crossed them.
    const signIn = log.filter((entry) => entry.path.startsWith('/oauth2/default/interaction/'));
    const signInPost = signIn.find((entry) => entry.method === 'POST')!;
    const signInPage = signIn.filter((entry) => entry.method === 'GET' && entry.path === signInPost.path)[0]!;
    expect(signInPage.upstream).not.toBe(signInPost.upstream);
    for (const prefix of ['/api/exercise/', '/oauth2/default/', '/exercise/refresh', '/api/instructor/']) {
      expect(new Set(log.filter((entry) => entry.path.startsWith(prefix)).map((entry) => entry.upstream)), prefix).toEqual(
        new Set(['A', 'B']),
      );
    }

    // A per-learner limit counts requests on both instances together.
    const api = await playwrightRequest.newContext({ baseURL: proxyOrigin });
    try {
      expect((await api.get('/api/progress')).status()).toBe(200);
      const servedBy = new Set<string>();
      for (let i = 0; i < CHECKS_PER_LEARNER; i += 1) {
        const response = await api.post('/api/exercise/authorize-url', { data: { url: 'https://example.com' } });
        expect(response.status()).toBe(409); // counted, though the learner has not chosen a server
        servedBy.add(response.headers()['x-served-by']!);
      }
      expect(servedBy).toEqual(new Set(['A', 'B']));
      const limited = await api.post('/api/exercise/authorize-url', { data: { url: 'https://example.com' } });
      expect(limited.status()).toBe(429);
    } finally {
      await api.dispose();
    }

    // A copy of the database holds no usable credential.
    secrets.instructorSession = (await instructorContext.cookies()).find((c) => c.name === 'oauthlab_instructor')!.value;
    secrets.learnerSessionSignature = (await learnerContext.cookies())
      .find((c) => c.name === 'oauthlab_sid')!
      .value.split('.')
      .pop()!;
    const dump = await cluster.dump('oauth_lab');
    expect(dump.length).toBeGreaterThan(10_000);
    for (const [name, value] of Object.entries(secrets)) {
      expect(value.length, name).toBeGreaterThan(10);
      expect(dump.includes(value), `${name} found in pg_dump`).toBe(false);
    }

    // SIGTERM: both drain and exit cleanly.
    for (const instance of [a, b]) expect(await signalInstance(instance, 'SIGTERM')).toBe(0);
  } catch (error) {
    for (const instance of instances) console.log(`--- instance ${instance.name} output ---\n${instance.output()}`);
    throw error;
  } finally {
    // The ports first, so that a retry can start its instances; each step on its own, so
    // that one which fails (a context closed by the test's timeout) does not skip the rest.
    for (const instance of instances) await signalInstance(instance, 'SIGKILL').catch(() => undefined);
    await proxy?.close().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    for (const context of contexts) await context.close().catch(() => undefined);
  }
});

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Setup, the console, the authorization URL and the practice sign-in; returns what must never be at rest. */
async function journeyUntilRedirect(page: Page): Promise<Record<string, string>> {
  await page.goto('/exercise/refresh/setup');
  await page.getByRole('button', { name: 'Use the practice server' }).click();
  await expectChecklist(page, 'pass');
  await enableRefreshTokenInConsole(page);
  await page.goto('/exercise/refresh/authorize');
  await page.getByRole('button', { name: 'Generate Random String' }).click();
  await page.getByRole('button', { name: 'Calculate Hash' }).click();
  await expect(page.getByLabel('Code Challenge')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Generate State' }).click();
  const template = (await page.getByLabel('URL template', { exact: true }).textContent()) ?? '';
  await page.getByLabel('Authorization URL').fill(template.replace('offline_access+{YOUR_SCOPE}', 'api:read'));
  await page.getByRole('button', { name: 'Check Your URL' }).click();
  await expectChecklist(page, 'fail');
  await page.getByLabel('Authorization URL').fill(template.replace('{YOUR_SCOPE}', 'api:read'));
  await page.getByRole('button', { name: 'Check Your URL' }).click();
  await expectChecklist(page, 'pass');
  const verifier = await page.getByRole('textbox', { name: 'Code Verifier' }).inputValue();
  await page.getByRole('link', { name: 'Log In' }).click();
  await expect(page.getByRole('button', { name: 'Sign In' })).toBeVisible();
  const interactionId = new URL(page.url()).pathname.split('/').pop()!;
  await signInOnPracticeServer(page);
  await expect(page).toHaveURL(/\/redirect$/);
  const code = ((await page.getByTestId('captured-code').textContent()) ?? '').replace(/^code=/, '').trim();
  await expectChecklist(page, 'pass');
  return { verifier, interactionId, code };
}

/** The token exchange and the refresh with the page's curl commands; returns the tokens. */
async function finishJourney(page: Page): Promise<Record<string, string>> {
  await page.getByRole('link', { name: 'Next: exchange the code' }).click();
  await page.getByRole('button', { name: 'Fill in my practice secret' }).click();
  const tokenResponse = JSON.parse(await runCurlFromPage(page)) as { access_token: string; refresh_token: string };
  await page.getByLabel('Token Response').fill(JSON.stringify(tokenResponse));
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'Next: use the refresh token' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Use the refresh token' })).toBeVisible();
  // A refresh in the same second as the first token is rightly "not newer".
  await page.waitForTimeout(1100);
  const refreshed = JSON.parse(await runCurlFromPage(page)) as { access_token: string; refresh_token?: string };
  await page.getByLabel('Refresh Token Response').fill(JSON.stringify(refreshed));
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  return {
    accessToken: tokenResponse.access_token,
    accessTokenSignature: tokenResponse.access_token.split('.')[2]!,
    refreshToken: tokenResponse.refresh_token,
    refreshedAccessToken: refreshed.access_token,
    refreshedAccessTokenSignature: refreshed.access_token.split('.')[2]!,
  };
}
