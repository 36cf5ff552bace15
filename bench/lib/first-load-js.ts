/**
 * First-load JavaScript: what Chromium actually downloads as scripts for a page up to its
 * `load` event, each script gzipped (level 9, like Next's build output) and summed. The
 * same method is used for the site's step pages and the baseline page.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../e2e/support/chromium';

export interface ScriptLoad {
  url: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface FirstLoad {
  url: string;
  status: number;
  gzipBytes: number;
  rawBytes: number;
  scripts: ScriptLoad[];
  /** Scripts that arrived after `load` (not counted; listed so nothing hides there). */
  lateScripts: string[];
}

export async function withBrowser<T>(run: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS.filter((flag) => !flag.startsWith('--headless')),
    headless: true,
  });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

export async function measureFirstLoad(browser: Browser, url: string, cookie?: string): Promise<FirstLoad> {
  const context = await browser.newContext();
  try {
    if (cookie) {
      const [name = '', ...rest] = cookie.split('=');
      await context.addCookies([{ name, value: rest.join('='), url: new URL(url).origin }]);
    }
    const page = await context.newPage();
    const pending: Promise<ScriptLoad | null>[] = [];
    const late: string[] = [];
    let loaded = false;
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      if (loaded) {
        late.push(response.url());
        return;
      }
      pending.push(
        response
          .body()
          .then((body) => ({ url: response.url(), rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }))
          .catch(() => null),
      );
    });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    loaded = true;
    const seen = new Set<string>();
    const scripts = (await Promise.all(pending)).filter((script): script is ScriptLoad => {
      if (!script || seen.has(script.url)) return false;
      seen.add(script.url);
      return true;
    });
    // Give hydration a moment, so late chunks (if any) are listed.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    return {
      url,
      status: response?.status() ?? 0,
      gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
      rawBytes: scripts.reduce((sum, script) => sum + script.rawBytes, 0),
      scripts,
      lateScripts: [...new Set(late)],
    };
  } finally {
    await context.close();
  }
}
