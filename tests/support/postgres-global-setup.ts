/**
 * Vitest global setup of the `postgres` project: one throwaway cluster for the whole run
 * (ports 55400–55449), whose URL test files receive through `inject('postgresUrl')`
 * (tests/support/db.ts creates a database per test file on it). Stopped at the end.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from './postgres';

let cluster: PostgresCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  cluster = await startPostgresCluster({ ports: [55400, 55449], fast: true });
  project.provide('postgresUrl', cluster.url('postgres'));
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
