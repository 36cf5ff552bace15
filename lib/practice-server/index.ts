import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DB } from '../db/client';
import type { Env } from '../env';

/** Where the practice authorization server is mounted (Okta's default server path). */
export const PRACTICE_MOUNT = '/oauth2/default';

export interface PracticeServer {
  handle(req: IncomingMessage, res: ServerResponse): void;
}

// Placeholder until the oidc-provider configuration lands (issue 2, in progress).
export async function createPracticeServer(_options: { db: DB; env: Env }): Promise<PracticeServer> {
  return {
    handle(_req, res) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'temporarily_unavailable', error_description: 'Practice server not built yet.' }));
    },
  };
}
