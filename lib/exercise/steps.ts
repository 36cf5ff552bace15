/**
 * The Refresh Tokens exercise's steps, in one place: the checked steps the API and the
 * progress record know (stable ids, the `steps` keys of docs/api.md), and the pages of the journey
 * that the overview, the step list, the progress bar and the instructor dashboard show.
 */

/** The checked steps, in journey order. Stable identifiers: never renamed. */
export const CHECK_STEPS = ['setup', 'authorize-url', 'redirect', 'token-response', 'refresh-response'] as const;
export type StepId = (typeof CHECK_STEPS)[number];

export type StepStatus = 'pending' | 'pass' | 'fail';

/** How each checked step is named for people (dashboard columns, timelines, CSV). */
export const STEP_TITLES: Record<StepId, string> = {
  setup: 'Choose your server',
  'authorize-url': 'Build the authorization URL',
  redirect: 'Capture the authorization code',
  'token-response': 'Exchange the code',
  'refresh-response': 'Use the refresh token',
};

/** The journey's pages, in order; `check` names the API step a page completes. */
export const JOURNEY = [
  { slug: 'setup', title: STEP_TITLES.setup, check: 'setup' },
  { slug: 'enable', title: 'Enable refresh tokens', check: null },
  { slug: 'authorize', title: STEP_TITLES['authorize-url'], check: 'authorize-url' },
  { slug: 'redirect', title: STEP_TITLES.redirect, check: 'redirect' },
  { slug: 'token', title: STEP_TITLES['token-response'], check: 'token-response' },
  { slug: 'refresh', title: STEP_TITLES['refresh-response'], check: 'refresh-response' },
  { slug: 'complete', title: 'Complete', check: null },
] as const satisfies readonly { slug: string; title: string; check: StepId | null }[];

export type JourneyPage = (typeof JOURNEY)[number];

/** The URL of a journey page (the redirect page is the redirect URI, outside the exercise's path). */
export function stepHref(slug: JourneyPage['slug']): string {
  return slug === 'redirect' ? '/redirect' : `/exercise/refresh/${slug}`;
}
