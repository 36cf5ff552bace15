import 'server-only';
import { getDb } from '../db/client';
import { currentLearnerId } from '../session/server';
import { loadExerciseState, type ExerciseState } from './store';
import { toProgressView, type ProgressView } from './view';

/** What every step page needs: the learner's saved state and progress. */
export async function loadPageProgress(): Promise<{ learnerId: string | null; state: ExerciseState; progress: ProgressView }> {
  const learnerId = await currentLearnerId();
  const db = await getDb();
  // Without a session (proxy bypassed), show an empty exercise rather than fail.
  const state = await loadExerciseState(db, learnerId ?? '00000000-0000-0000-0000-000000000000');
  return { learnerId, state, progress: toProgressView(state) };
}
