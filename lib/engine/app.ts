/**
 * The app an exercise uses on the learner's server (SPEC §9: the server is the learner's,
 * the app is the exercise's). On the practice server each app type is one app per learner;
 * on an own server the web app is the one named at setup, any other the one the exercise's
 * app step recorded.
 */
import { findPracticeApp, getOrCreatePracticeApp, isPracticeAppType, type PracticeApp } from '../db/practice-clients';
import { PrerequisiteMissing } from '../progress/errors';
import { artifactOf } from './artifacts';
import type { KindContext } from './kinds/types';

export interface ExerciseApp {
  clientId: string;
  /**
   * Loads the practice app's settings, when the server is the practice server: asked only by
   * checks that need them (the check API's hot path does no extra query for a passing paste).
   */
  practiceApp: (() => Promise<PracticeApp>) | null;
}

export function exerciseApp(ctx: KindContext): ExerciseApp {
  const provider = ctx.provider!;
  const type = ctx.exercise.app ?? 'web';
  if (type === 'web') {
    // The web app's client id is part of the server choice (practice: My Web App's).
    const practiceApp = provider.mode === 'practice' ? () => getOrCreatePracticeApp(ctx.db, ctx.learner.id, ctx.env.PUBLIC_URL) : null;
    return { clientId: provider.clientId, practiceApp };
  }
  const recorded = artifactOf(ctx, 'app');
  if (!recorded) {
    const first = ctx.exercise.steps.find((s) => s.kind === 'app');
    throw new PrerequisiteMissing(`Create the exercise's app first (the step “${first?.title ?? 'app'}”).`);
  }
  const practiceApp =
    provider.mode === 'practice' && isPracticeAppType(type)
      ? async () => {
          const app = await findPracticeApp(ctx.db, ctx.learner.id, type);
          if (!app) throw new PrerequisiteMissing(`Create the exercise's app first: it is not in the practice console any more.`);
          return app;
        }
      : null;
  return { clientId: recorded.clientId, practiceApp };
}
