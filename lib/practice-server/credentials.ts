/** The practice sign-in's credential check, in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether `username`/`password` are the demo account's. Usernames compare
 * case-insensitively (as Okta's do); both comparisons run on fixed-length digests with
 * `timingSafeEqual`, and both always run, so timing says nothing about which failed.
 */
export function checkDemoCredentials(input: { username: string; password: string }, demo: { user: string; password: string }): boolean {
  const userOk = timingSafeEqual(digest(input.username.trim().toLowerCase()), digest(demo.user.trim().toLowerCase()));
  const passwordOk = timingSafeEqual(digest(input.password), digest(demo.password));
  return userOk && passwordOk;
}
