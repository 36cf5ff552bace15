import 'server-only';
import { cookies } from 'next/headers';
import { SESSION_COOKIE, readSessionValue } from './cookie';

/**
 * The current learner's id in a server component. proxy.ts gives every visitor a session
 * before rendering, so this is only null for requests that bypassed it.
 */
export async function currentLearnerId(): Promise<string | null> {
  const store = await cookies();
  return readSessionValue(store.get(SESSION_COOKIE)?.value);
}
