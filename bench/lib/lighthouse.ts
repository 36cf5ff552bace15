/**
 * Lighthouse 12 (programmatic) on Debian's Chromium: performance, accessibility and best
 * practices, a fresh Chrome per run, median of N runs per category.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../e2e/support/chromium';

export type Preset = 'mobile' | 'desktop';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseRun {
  scores: Record<Category, number>;
  /** Failed audits of accessibility / best practices, and perf metrics, for the record. */
  findings: string[];
  metrics: Record<string, number>;
}

export interface LighthouseResult {
  url: string;
  runs: LighthouseRun[];
  median: Record<Category, number>;
  /** The median of each metric over the runs (ms; CLS unitless). */
  medianMetrics: Record<string, number>;
  findings: string[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function runOnce(url: string, preset: Preset, cookie: string | undefined): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    };
    const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<
      Category,
      number
    >;
    const findings: string[] = [];
    for (const id of CATEGORIES) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1) continue;
        if (ref.weight === 0) continue;
        findings.push(`${id}: ${ref.id} (${audit.displayValue ?? `score ${audit.score}`})`);
      }
    }
    const metrics: Record<string, number> = {};
    for (const id of [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
      'speed-index',
    ]) {
      const value = lhr.audits[id]?.numericValue;
      if (typeof value === 'number') metrics[id] = value;
    }
    return { scores, findings, metrics };
  } finally {
    chrome.kill();
  }
}

export async function measureLighthouse(
  url: string,
  options: { preset: Preset; runs: number; cookie?: string },
): Promise<LighthouseResult> {
  const runs: LighthouseRun[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    // Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART, NO_FCP): retry
    // such a run a few times before giving up.
    for (let attempt = 1; ; attempt += 1) {
      try {
        runs.push(await runOnce(url, options.preset, options.cookie));
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        console.warn(`  (retrying a Lighthouse run of ${url}: ${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
  const medianScores = Object.fromEntries(CATEGORIES.map((id) => [id, median(runs.map((run) => run.scores[id]))])) as Record<
    Category,
    number
  >;
  const metricIds = [...new Set(runs.flatMap((run) => Object.keys(run.metrics)))];
  const medianMetrics = Object.fromEntries(
    metricIds.map((id) => [id, median(runs.map((run) => run.metrics[id]).filter((v): v is number => typeof v === 'number'))]),
  );
  return { url, runs, median: medianScores, medianMetrics, findings: [...new Set(runs.flatMap((run) => run.findings))] };
}
