/** Where the practice server is mounted (Okta's default server path). Dependency-free. */
export const PRACTICE_MOUNT = '/oauth2/default';

/** The one resource server (Okta's default audience). */
export const PRACTICE_AUDIENCE = 'api://default';

/** Whether a request URL belongs to the practice server. */
export function isPracticePath(url: string): boolean {
  return url === PRACTICE_MOUNT || url.startsWith(`${PRACTICE_MOUNT}/`) || url.startsWith(`${PRACTICE_MOUNT}?`);
}
