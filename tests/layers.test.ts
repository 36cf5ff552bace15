/**
 * The house plan's layers are held by `npm run lint` (eslint.config.mjs,
 * docs/decisions/007-layers.md): each import below crosses a layer the wrong way and must
 * be refused, and the same file without it must pass.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const cases: [string, string, string][] = [
  ['a check importing the database', 'lib/exercise/probe.ts', "import { getDb } from '../db/client';"],
  ['a check importing the progress store', 'lib/exercise/probe.ts', "import { loadExerciseState } from '@/lib/progress/store';"],
  ['a check importing Next.js', 'lib/exercise/probe.ts', "import { NextResponse } from 'next/server';"],
  ['a check importing Node HTTP', 'lib/exercise/probe.ts', "import { createServer } from 'node:http';"],
  ['a check importing the HTTP layer', 'lib/exercise/probe.ts', "import { handleApi } from '../http/api';"],
  ['issuer discovery importing the checks', 'lib/issuer/probe.ts', "import { checkSetup } from '../exercise/setup';"],
  ['a component importing the database', 'components/exercise/probe.tsx', "import { getDb } from '@/lib/db/client';"],
  ['a component importing a store', 'components/instructor/probe.tsx', "import { fetchCohortRows } from '@/lib/cohorts/store';"],
  ['domain code throwing ApiError', 'lib/progress/probe.ts', "import { ApiError } from '../http/api';"],
];

describe('layers', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: process.cwd() });
  });

  it.each(cases)('refuses %s', async (_name, filePath, line) => {
    const [result] = await eslint.lintText(`${line}\nexport const used = [${line.match(/\{ (\w+)/)?.[1] ?? 'null'}];\n`, { filePath });
    const layerErrors = result!.messages.filter((message) => message.ruleId === 'no-restricted-imports');
    expect(layerErrors.length, JSON.stringify(result!.messages)).toBeGreaterThan(0);
  });

  it('accepts the allowed direction (a check using issuer types, a route using the HTTP layer)', async () => {
    for (const [filePath, line] of [
      ['lib/exercise/probe.ts', "import type { DiscoveryOutcome } from '../issuer/discover';"],
      ['app/api/probe/route.ts', "import { ApiError } from '@/lib/http/api';"],
      ['lib/progress/probe.ts', "import { checkSetup } from '../exercise/setup';"],
    ]) {
      const [result] = await eslint.lintText(`${line}\nexport type Used = unknown;\n`, { filePath });
      expect(
        result!.messages.filter((message) => message.ruleId === 'no-restricted-imports'),
        filePath,
      ).toEqual([]);
    }
  });
}, 60_000);
