import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { GET } from '@/app/api/health/route';
import { useTempDatabase } from './support/db';

describe('GET /api/health', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it('answers ok when the database answers, and the SQLite file exists', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(fs.existsSync(temp.file)).toBe(true);
  });
});
