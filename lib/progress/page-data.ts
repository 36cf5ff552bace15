import 'server-only';
import { getDb } from '../db/client';
import { findPracticeAppByLearner } from '../db/practice-clients';
import { currentLearnerId } from '../session/server';
import { loadExerciseState, type ExerciseState } from './store';
import { toJourneyView, toProgressView, type JourneyView, type ProgressView } from './view';

/** What every step page needs: the learner's saved state, progress, and the journey's steps. */
export async function loadPageProgress(): Promise<{
  learnerId: string | null;
  state: ExerciseState;
  progress: ProgressView;
  journey: JourneyView;
  refreshGrantEnabled: boolean | null;
}> {
  const learnerId = await currentLearnerId();
  const db = await getDb();
  // Without a session (proxy bypassed), show an empty exercise rather than fail.
  const state = await loadExerciseState(db, learnerId ?? '00000000-0000-0000-0000-000000000000');
  const progress = toProgressView(state);
  const app = state.provider?.mode === 'practice' && learnerId ? await findPracticeAppByLearner(db, learnerId) : null;
  const refreshGrantEnabled = app ? app.grantTypes.includes('refresh_token') : null;
  return { learnerId, state, progress, journey: toJourneyView(progress, refreshGrantEnabled), refreshGrantEnabled };
}
