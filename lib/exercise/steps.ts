import { refresh } from '../course/exercises/refresh';

/**
 * The Refresh Tokens exercise's steps, in one place: the checked steps the API and the
 * progress record know (stable ids, the `steps` keys of docs/api.md), and the pages of the journey
 * that the overview, the step list, the progress bar and the instructor dashboard show.
 */

/** The checked steps, in journey order. Stable identifiers: never renamed. */
export const CHECK_STEPS = ['setup', 'authorize-url', 'redirect', 'token-response', 'refresh-response'] as const;
export type StepId = (typeof CHECK_STEPS)[number];

export type StepStatus = 'pending' | 'pass' | 'fail';

const declared = (id: string) => refresh.steps.find((step) => step.id === id)!;

/** How each checked step is named for people (dashboard columns, timelines, CSV): from the declaration. */
export const STEP_TITLES = Object.fromEntries(CHECK_STEPS.map((id) => [id, declared(id).title])) as Record<StepId, string>;

/**
 * The journey: the six steps every page, the overview, the step list and the progress bar
 * count, in order. `check` names the API step a page completes (Enable has none: it is
 * done when the app allows the Refresh Token grant). The results page comes after them.
 * Titles and summaries come from the exercise's declaration (lib/course/exercises/refresh.ts).
 */
const journeyStep = <S extends string, C extends StepId | null>(slug: S, id: string, check: C) => {
  const step = declared(id);
  return { slug, title: step.title, check, summary: step.summary };
};

export const JOURNEY = [
  journeyStep('setup', 'setup', 'setup'),
  journeyStep('enable', 'enable', null),
  journeyStep('authorize', 'authorize-url', 'authorize-url'),
  journeyStep('redirect', 'redirect', 'redirect'),
  journeyStep('token', 'token-response', 'token-response'),
  journeyStep('refresh', 'refresh-response', 'refresh-response'),
] as const;

export type JourneyStep = (typeof JOURNEY)[number];
export type JourneySlug = JourneyStep['slug'];

/**
 * Whether Enable, which has no check, is done: the app allows the Refresh Token grant
 * (`refreshGrantEnabled`; null when that cannot be known, on the learner's own server), or a
 * token response passed, the proof that the grant is on. The learner's step list and the
 * instructor's dashboard both decide it here.
 */
export function isEnableDone(refreshGrantEnabled: boolean | null, tokenResponse: StepStatus): boolean {
  return refreshGrantEnabled === true || tokenResponse === 'pass';
}

/** The page after the journey. */
export const RESULTS_PAGE = { slug: 'complete', title: 'Your results' } as const;

/**
 * How a message, hint or page names another step: its title in quotes, from this one list.
 * Never a number: numbers shift when a step is added (Enable was), and "step 2" then means
 * two different pages (issue 19). tests/step-references.test.ts fails on a number written out.
 */
export function stepRef(slug: JourneySlug | typeof RESULTS_PAGE.slug): string {
  const title = slug === RESULTS_PAGE.slug ? RESULTS_PAGE.title : JOURNEY.find((step) => step.slug === slug)!.title;
  return `“${title}”`;
}

/** A journey page's title (its tab title and step list entry), from the declaration. */
export function stepTitle(slug: JourneySlug): string {
  return JOURNEY.find((step) => step.slug === slug)!.title;
}

/** A step's number as the pages show it (1–6). */
export function stepNumber(slug: JourneySlug): number {
  return JOURNEY.findIndex((step) => step.slug === slug) + 1;
}

/** The URL of a journey page (the redirect page is the redirect URI, outside the exercise's path). */
export function stepHref(slug: JourneySlug | typeof RESULTS_PAGE.slug): string {
  return slug === 'redirect' ? '/redirect' : `/exercise/refresh/${slug}`;
}
