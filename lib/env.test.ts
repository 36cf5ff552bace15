import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ENV_VARIABLES, EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PUBLIC_URL: 'http://localhost:3000',
      PORT: 3000,
      DATABASE_URL: 'file:./data/oauth-lab.db',
      PRACTICE_SERVER: true,
      ALLOW_PRIVATE_ISSUERS: false,
    });
    expect(env.SESSION_SECRET).toBeUndefined();
  });

  it('treats empty variables as unset and strips a trailing slash from PUBLIC_URL', () => {
    const env = parseEnv({ PORT: '', PUBLIC_URL: 'https://lab.example.com/' });
    expect(env.PORT).toBe(3000);
    expect(env.PUBLIC_URL).toBe('https://lab.example.com');
  });

  it('parses boolean flags', () => {
    expect(parseEnv({ PRACTICE_SERVER: 'false', ALLOW_PRIVATE_ISSUERS: 'TRUE' })).toMatchObject({
      PRACTICE_SERVER: false,
      ALLOW_PRIVATE_ISSUERS: true,
    });
  });

  it('names every bad variable at once', () => {
    try {
      parseEnv({ PORT: 'eighty', PUBLIC_URL: 'not a url', PRACTICE_SERVER: 'maybe', SESSION_SECRET: 'short', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.map((p) => p.split(':')[0]);
      expect(problems.sort()).toEqual(['DATABASE_URL', 'PORT', 'PRACTICE_SERVER', 'PUBLIC_URL', 'SESSION_SECRET']);
    }
  });

  it('selects Postgres with a postgres:// URL and sizes its pool (issue 10)', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://lab:secret@db.internal:5432/oauth_lab', DATABASE_POOL_SIZE: '25' });
    expect(env).toMatchObject({ DATABASE_URL: 'postgres://lab:secret@db.internal:5432/oauth_lab', DATABASE_POOL_SIZE: 25 });
    expect(parseEnv({ DATABASE_URL: 'postgresql://lab@127.0.0.1/lab' }).DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(10);
    for (const bad of [{ DATABASE_URL: 'postgres://' }, { DATABASE_URL: 'mysql://lab@db/lab' }, { DATABASE_POOL_SIZE: '0' }]) {
      expect(() => parseEnv(bad)).toThrow(EnvError);
    }
  });

  it('is documented: every variable in .env.example and in the README', () => {
    const example = readFileSync('.env.example', 'utf8');
    const readme = readFileSync('README.md', 'utf8');
    for (const name of ENV_VARIABLES.filter((n) => n !== 'NODE_ENV')) {
      expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
