/**
 * `npm run bench`: OAuth Lab against a bare Next.js app of the same versions, measured in the
 * same run on the same machine (docs/decisions/005-performance-budgets.md). Prints the table, writes bench/results/latest.md
 * and exits non-zero when a budget is missed.
 *
 *   npm run bench                      # build if needed, measure everything
 *   npm run bench -- --rebuild         # rebuild both apps first
 *   npm run bench -- --no-build        # use the existing builds as they are
 *   npm run bench -- --preset=mobile   # Lighthouse with one preset only (default: mobile and desktop)
 *   npm run bench -- --only=js,lighthouse,api,grants,adversarial   # a subset (latest.md is not written)
 *   npm run bench -- --only=adversarial --samples=7   # hostile inputs only, 7 samples per timing
 *   npm run bench -- --only=class --learners=300      # a class: SQLite 1 instance, Postgres 2 instances + proxy
 *   npm run bench -- --only=paced --learners=1000     # a class at a human pace in one cohort, one address, default limits
 *
 * Budgets are checked here, on demand — never as timed assertions in the test suite.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { measureAdversarialChecksInChild, measureHealthUnderAttack } from './lib/adversarial';
import { measureFirstLoad, withBrowser, type FirstLoad } from './lib/first-load-js';
import { measureLighthouse, type LighthouseResult, type Preset } from './lib/lighthouse';
import { completeJourney } from './lib/learner';
import { burst, cannon, type BurstResult, type CannonResult, type CannonTarget } from './lib/load';
import { measureClass } from './lib/class';
import { measurePacedClass } from './lib/paced-class';
import { killAllNow, stopAll, stopProcess } from './lib/processes';
import { ensureBaselineBuild, ensureSiteBuild, ROOT, startBaseline, startSite, type RunningServer } from './lib/servers';
import { renderReport, type BenchData } from './lib/report';

const COURSE_PAGES = [
  '/exercises',
  '/exercise/getting-started',
  '/exercise/getting-started/discovery',
  '/exercise/web',
  '/exercise/web/authorize-url',
  '/exercise/web/token-response',
  '/exercise/web/api-call',
  '/exercise/service/app',
  '/exercise/service/token-response',
];
const STEP_PAGES = [
  '/exercise/refresh',
  '/exercise/refresh/setup',
  '/exercise/refresh/enable',
  '/exercise/refresh/authorize',
  '/exercise/refresh/token',
  '/exercise/refresh/refresh',
  '/exercise/refresh/complete',
  '/redirect',
  '/practice/console',
  // The course's pages (issue 21; SPEC §9: on the mobile preset none below the Refresh pages' median).
  ...COURSE_PAGES,
];
const BASELINE_PAGE = '/';
/** The check API's body limit (MAX_BODY_BYTES in lib/http.ts, not imported: it pulls in the server's env). */
const MAX_BODY_BYTES = 64 * 1024;

type Part = 'js' | 'lighthouse' | 'api' | 'grants' | 'adversarial' | 'class' | 'paced';
const ALL_PARTS: Part[] = ['js', 'lighthouse', 'api', 'grants', 'adversarial', 'class', 'paced'];
/** The parts measured against the bare baseline app (the others need only the site). */
const BASELINE_PARTS: Part[] = ['js', 'lighthouse', 'api'];

function parseArgs(argv: string[]) {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const preset = value('preset') as Preset | undefined;
  if (preset !== undefined && preset !== 'mobile' && preset !== 'desktop') throw new Error('--preset must be mobile or desktop');
  const only = value('only')?.split(',').filter(Boolean) as Part[] | undefined;
  if (only?.some((part) => !ALL_PARTS.includes(part))) throw new Error(`--only takes ${ALL_PARTS.join(',')}`);
  const positive = (name: string, fallback: number) => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`--${name} must be a whole number from 1 to 1000`);
    return n;
  };
  return {
    force: argv.includes('--rebuild'),
    skip: argv.includes('--no-build'),
    presets: preset ? [preset] : (['mobile', 'desktop'] as Preset[]),
    parts: only ?? ALL_PARTS,
    full: !only,
    lighthouseRuns: positive('runs', 3),
    duration: positive('duration', 10),
    rounds: positive('rounds', 3),
    grants: positive('grants', 500),
    samples: positive('samples', 5),
    learners: positive('learners', 300),
  };
}

const summarize = (result: LighthouseResult) =>
  `${Object.values(result.median).join(' / ')} (TBT ${Math.round(result.medianMetrics['total-blocking-time'] ?? 0)} ms)`;

function gitDescribe(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim() !== '';
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}

async function measureApi(site: RunningServer, baseline: RunningServer, options: { duration: number; rounds: number }) {
  const learner = await completeJourney(site.origin);
  const body = JSON.stringify({ response: learner.tokenResponseText });
  const check = await fetch(`${site.origin}/api/exercise/token-response`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: learner.sessionCookie },
    body,
  });
  const report = (await check.json()) as { status?: string; results?: { code: string; status: string }[] };
  if (check.status !== 200 || report.status !== 'pass') {
    throw new Error(
      `the token-response check did not pass before the load test (${check.status}): ${JSON.stringify(report).slice(0, 500)}`,
    );
  }
  const siteTarget: CannonTarget = {
    label: 'site: POST /api/exercise/token-response',
    url: `${site.origin}/api/exercise/token-response`,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: learner.sessionCookie },
    body,
  };
  const baseTarget: CannonTarget = {
    label: 'baseline: POST /api/json',
    url: `${baseline.origin}/api/json`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  };
  // For the record (not budgeted): the same check through Next's route pipeline, which a URL
  // with a query string takes instead of the server's fast path (lib/server/api-fast-path.ts).
  const viaNextTarget: CannonTarget = { ...siteTarget, label: 'site through Next.js', url: `${siteTarget.url}?via=next` };
  console.log('Check API: warming up…');
  await cannon(baseTarget, { connections: 50, duration: 3 });
  await cannon(siteTarget, { connections: 50, duration: 3 });
  await cannon(viaNextTarget, { connections: 50, duration: 3 });
  const rounds: { site: CannonResult; baseline: CannonResult; viaNext: CannonResult }[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    console.log(`Check API: round ${round + 1} of ${options.rounds} (${options.duration}s each, 50 connections)…`);
    const base = await cannon(baseTarget, { connections: 50, duration: options.duration });
    const siteResult = await cannon(siteTarget, { connections: 50, duration: options.duration });
    const viaNext = await cannon(viaNextTarget, { connections: 50, duration: options.duration });
    rounds.push({ site: siteResult, baseline: base, viaNext });
    console.log(
      `  baseline ${base.requestsPerSecond.toFixed(0)} req/s (p99 ${base.p99} ms), site ${siteResult.requestsPerSecond.toFixed(0)} (p99 ${siteResult.p99} ms), through Next ${viaNext.requestsPerSecond.toFixed(0)} (p99 ${viaNext.p99} ms)`,
    );
  }
  return { rounds, checkStatus: report.status };
}

async function measureGrants(site: RunningServer, count: number): Promise<BurstResult> {
  const learner = await completeJourney(site.origin);
  const refreshToken = learner.tokens.refresh_token;
  if (!refreshToken) throw new Error('no refresh token for the grant burst');
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(learner.clientId)}:${encodeURIComponent(learner.clientSecret)}`).toString('base64')}`;
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString();
  console.log(`Practice server: ${count} concurrent refresh-token grants…`);
  return burst(
    count,
    () => ({
      url: `${site.origin}/oauth2/default/v1/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
      body,
    }),
    (status, text) => status === 200 && text.includes('"access_token"'),
  );
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const loadAtStart = loadavg();

  const siteBuild = await ensureSiteBuild(args);
  const needsBaseline = args.parts.some((part) => BASELINE_PARTS.includes(part));
  const baselineBuild = needsBaseline ? await ensureBaselineBuild(args) : null;

  // In-process timings first, while the machine is quiet (no servers of ours running yet).
  const adversarialChecks = args.parts.includes('adversarial')
    ? (console.log(`Adversarial inputs: every pure check on every family at 16 and 64 KiB (median of ${args.samples})…`),
      await measureAdversarialChecksInChild(ROOT, args.samples))
    : undefined;

  const servers: RunningServer[] = [];
  try {
    console.log(needsBaseline ? 'Starting the site and the baseline…' : 'Starting the site…');
    const site = await startSite(siteBuild.dir);
    servers.push(site);
    console.log(`  site:     ${site.origin} (pid ${site.process.child.pid})`);
    let baselineServer: RunningServer | null = null;
    if (baselineBuild) {
      baselineServer = await startBaseline(baselineBuild.dir);
      servers.push(baselineServer);
      console.log(`  baseline: ${baselineServer.origin} (pid ${baselineServer.process.child.pid})`);
    }
    const requireBaseline = (): RunningServer => {
      if (!baselineServer) throw new Error('the baseline is not running');
      return baselineServer;
    };

    // A learner through the whole journey, for the page measurements (and as a smoke test of the site).
    const ownServers: Part[] = ['adversarial', 'class', 'paced'];
    const pageLearner = args.parts.some((part) => !ownServers.includes(part)) ? await completeJourney(site.origin) : null;
    const data: BenchData = {
      startedAt: startedAt.toISOString(),
      commit: gitDescribe(),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; load average at start ${loadAtStart.map((n) => n.toFixed(2)).join(' / ')}`,
      builds: { site: siteBuild.note, baseline: baselineBuild?.note ?? 'not needed for this run' },
      presets: args.presets,
      lighthouseRuns: args.lighthouseRuns,
      apiDuration: args.duration,
      pageLearnerChecks: pageLearner?.checks ?? {},
      stepPages: STEP_PAGES,
      coursePages: COURSE_PAGES,
    };

    if (args.parts.includes('js')) {
      console.log('First-load JavaScript…');
      const baseline = requireBaseline();
      const cookie = pageLearner!.sessionCookie;
      data.firstLoad = await withBrowser(async (browser) => {
        const baselineLoad = await measureFirstLoad(browser, `${baseline.origin}${BASELINE_PAGE}`);
        const pages: FirstLoad[] = [];
        for (const page of STEP_PAGES) pages.push(await measureFirstLoad(browser, `${site.origin}${page}`, cookie));
        return { baseline: baselineLoad, pages };
      });
    }

    if (args.parts.includes('lighthouse')) {
      const baseline = requireBaseline();
      data.lighthouse = {};
      for (const preset of args.presets) {
        console.log(`Lighthouse (${preset}, median of ${args.lighthouseRuns})…`);
        const options = { preset, runs: args.lighthouseRuns };
        const baselineResult = await measureLighthouse(`${baseline.origin}${BASELINE_PAGE}`, options);
        console.log(`  baseline ${BASELINE_PAGE}: ${summarize(baselineResult)}`);
        const results: LighthouseResult[] = [];
        for (const page of STEP_PAGES) {
          const result = await measureLighthouse(`${site.origin}${page}`, { ...options, cookie: pageLearner!.sessionCookie });
          console.log(`  ${page}: ${summarize(result)}`);
          results.push(result);
        }
        data.lighthouse[preset] = { baseline: baselineResult, pages: results };
      }
    }

    if (args.parts.includes('api')) data.api = await measureApi(site, requireBaseline(), args);

    // The baseline is not needed any more: give its CPU back before the burst and the attack.
    if (baselineServer) await stopProcess(baselineServer.process);

    if (args.parts.includes('grants')) data.grants = await measureGrants(site, args.grants);

    if (adversarialChecks) {
      console.log(
        `Adversarial inputs: /api/health idle and while 64 KiB adversarial pastes are checked back to back (${args.rounds} rounds of ${args.duration}s each)…`,
      );
      const health = await measureHealthUnderAttack(site.origin, {
        durationSeconds: args.duration,
        rounds: args.rounds,
        connections: 1,
        maxBodyBytes: MAX_BODY_BYTES,
      });
      data.adversarial = { checks: adversarialChecks, samples: args.samples, health };
    }

    // The class scenarios start their own servers (fresh databases): the shared site's CPU and memory are given back first.
    if (args.parts.includes('class') || args.parts.includes('paced')) await stopProcess(site.process);
    if (args.parts.includes('class')) data.class = await measureClass(siteBuild.dir, args.learners);
    if (args.parts.includes('paced')) data.pacedClass = await measurePacedClass(siteBuild.dir, args.learners);

    data.loadAtEnd = loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ');
    const { markdown, misses } = renderReport(data);
    console.log(`\n${markdown}`);
    if (args.full) {
      const out = path.join(ROOT, 'bench', 'results', 'latest.md');
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, markdown);
      console.log(`Written to ${path.relative(ROOT, out)}`);
    } else {
      console.log('(a partial run: bench/results/latest.md was not written)');
    }
    if (misses.length > 0) {
      console.error(`\n${misses.length} budget(s) missed:\n${misses.map((miss) => `  - ${miss}`).join('\n')}`);
      return 1;
    }
    console.log('\nEvery budget met.');
    return 0;
  } finally {
    await stopAll();
    for (const server of servers) server.cleanup();
  }
}

process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllNow();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Bench failed:', error instanceof Error ? error.stack : error);
    stopAll().finally(() => process.exit(2));
  },
);
