import { randomBytes, randomUUID } from 'node:crypto';
import type { DB } from '../db/client';
import { ensureLearner } from '../db/learners';
import type { ProviderConfig } from '../exercise/setup';
import { buildDashboardRows, countMistakes, type DashboardRow } from './dashboard';
import { cohortAttempts, readExerciseInput, toAttemptInput } from './exercise-store';
import { CohortFull, DEFAULT_COHORT_CAPACITY } from './capacity';
import { newShortCode, normalizeShortCode } from './join-code';
import { refresh } from '../course/exercises/refresh';
import { parseCohortExercises } from './exercises';

const REFRESH_EXERCISE = refresh.id;

export interface Cohort {
  id: string;
  name: string;
  /** The long link's code: `/join/<code>`. */
  code: string;
  /** The short, typeable code (canonical: 8 characters, no hyphen): `/join/K7PX-3MQA`. */
  shortCode: string;
  createdAt: string;
  archivedAt: string | null;
  learnerCount: number;
  /** How many learners it admits (lib/cohorts/capacity.ts). */
  capacity: number;
  /** The exercises it does, in its order (lib/cohorts/exercises.ts; every built one unless chosen). */
  exercises: string[];
}

/** 16 random bytes: an unguessable join code (128 bits), URL-safe. */
function newJoinCode(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * A short code no cohort has yet. A clash is a one-in-billions event; checking first keeps
 * it from ever surfacing, and the unique index stops two simultaneous creations.
 */
async function unusedShortCode(db: DB): Promise<string> {
  for (;;) {
    const code = newShortCode();
    const taken = await db.selectFrom('cohorts').select('id').where('short_code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

/** Creates a cohort with its two join codes (the long link's and the short, typeable one). */
export async function createCohort(
  db: DB,
  instructorId: string,
  name: string,
  {
    capacity = DEFAULT_COHORT_CAPACITY,
    exercises,
    now = new Date(),
  }: {
    capacity?: number;
    /** Validated ids (lib/cohorts/exercises.ts); none: every built exercise. */ exercises?: string[];
    now?: Date;
  } = {},
): Promise<Cohort> {
  const cohort: Cohort = {
    id: randomUUID(),
    name,
    code: newJoinCode(),
    shortCode: await unusedShortCode(db),
    createdAt: now.toISOString(),
    archivedAt: null,
    learnerCount: 0,
    capacity,
    exercises: parseCohortExercises(exercises ? JSON.stringify(exercises) : null),
  };
  await db
    .insertInto('cohorts')
    .values({
      id: cohort.id,
      instructor_id: instructorId,
      name,
      join_code: cohort.code,
      short_code: cohort.shortCode,
      created_at: cohort.createdAt,
      archived_at: null,
      capacity,
      exercises: exercises ? JSON.stringify(exercises) : null,
    })
    .execute();
  return cohort;
}

/** A cohort's own columns: selected, and grouped by beside the learner count. */
const COHORT_COLUMNS = [
  'cohorts.id',
  'cohorts.name',
  'cohorts.join_code',
  'cohorts.short_code',
  'cohorts.created_at',
  'cohorts.archived_at',
  'cohorts.capacity',
  'cohorts.exercises',
] as const;

/** The instructor's cohorts, newest first, with their learner counts. */
export async function listCohorts(db: DB, instructorId: string): Promise<Cohort[]> {
  const rows = await db
    .selectFrom('cohorts')
    .leftJoin('cohort_members', 'cohort_members.cohort_id', 'cohorts.id')
    .select((eb) => [...COHORT_COLUMNS, eb.fn.count<number>('cohort_members.learner_id').as('learner_count')])
    .where('cohorts.instructor_id', '=', instructorId)
    .groupBy([...COHORT_COLUMNS])
    .orderBy('cohorts.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.join_code,
    shortCode: r.short_code ?? '', // never null (see the schema): '' keeps the type honest

    createdAt: r.created_at,
    archivedAt: r.archived_at,
    learnerCount: Number(r.learner_count),
    capacity: Number(r.capacity),
    exercises: parseCohortExercises(r.exercises),
  }));
}

/** One of the instructor's cohorts; null when it does not exist or belongs to someone else. */
export async function findOwnCohort(db: DB, instructorId: string, cohortId: string): Promise<Cohort | null> {
  return (await listCohorts(db, instructorId)).find((c) => c.id === cohortId) ?? null;
}

export async function setCohortArchived(
  db: DB,
  instructorId: string,
  cohortId: string,
  archived: boolean,
  now = new Date(),
): Promise<Cohort | null> {
  await db
    .updateTable('cohorts')
    .set({ archived_at: archived ? now.toISOString() : null })
    .where('id', '=', cohortId)
    .where('instructor_id', '=', instructorId)
    .execute();
  return findOwnCohort(db, instructorId, cohortId);
}

/** Sets the exercises a cohort does, in order (ids validated by the caller: lib/cohorts/exercises.ts). */
export async function setCohortExercises(db: DB, instructorId: string, cohortId: string, exercises: string[]): Promise<Cohort | null> {
  await db
    .updateTable('cohorts')
    .set({ exercises: JSON.stringify(exercises) })
    .where('id', '=', cohortId)
    .where('instructor_id', '=', instructorId)
    .execute();
  return findOwnCohort(db, instructorId, cohortId);
}

/**
 * The open (not archived) cohort of a join code, or null: the long link's code exactly as
 * it is, or a short code as typed (any case, with or without its hyphen).
 */
export async function findCohortByCode(db: DB, code: string): Promise<{ id: string; name: string; capacity: number } | null> {
  const short = normalizeShortCode(code);
  const row = await db
    .selectFrom('cohorts')
    .select(['id', 'name', 'capacity'])
    .where((eb) => (short ? eb.or([eb('join_code', '=', code), eb('short_code', '=', short)]) : eb('join_code', '=', code)))
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row ? { ...row, capacity: Number(row.capacity) } : null;
}

/**
 * Enrols the learner (or renames them if already enrolled). A learner new to the cohort
 * takes one of its places: a full cohort throws {@link CohortFull} before anything is
 * written. This is the admission of a learner who joins with a code — against the cohort's
 * allowance, not the anonymous per-address one (lib/cohorts/capacity.ts). Concurrent joins
 * may overshoot the capacity by the few that race (a count, not a lock): it bounds abuse of a
 * leaked code, it is not a seat reservation.
 */
export async function joinCohort(
  db: DB,
  cohort: { id: string; capacity: number },
  learnerId: string,
  displayName: string,
  now = new Date(),
): Promise<void> {
  const member = await db
    .selectFrom('cohort_members')
    .select('learner_id')
    .where('cohort_id', '=', cohort.id)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  if (!member) {
    const { n } = await db
      .selectFrom('cohort_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cohort_id', '=', cohort.id)
      .executeTakeFirstOrThrow();
    if (Number(n) >= cohort.capacity) throw new CohortFull(cohort.capacity);
  }
  await ensureLearner(db, learnerId, now);
  await db
    .insertInto('cohort_members')
    .values({ cohort_id: cohort.id, learner_id: learnerId, display_name: displayName, joined_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['cohort_id', 'learner_id']).doUpdateSet({ display_name: displayName }))
    .execute();
}

/**
 * The cohort whose allowance a learner's checks count against: the open cohort they joined
 * last, with its capacity; null for a learner in no open cohort.
 */
export async function cohortAllowanceOf(db: DB, learnerId: string): Promise<{ cohortId: string; capacity: number } | null> {
  const row = await db
    .selectFrom('cohort_members')
    .innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id')
    .select(['cohorts.id', 'cohorts.capacity'])
    .where('cohort_members.learner_id', '=', learnerId)
    .where('cohorts.archived_at', 'is', null)
    .orderBy('cohort_members.joined_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { cohortId: row.id, capacity: Number(row.capacity) } : null;
}

/** The Refresh Tokens view's rows of a cohort (one per learner), or of one of its learners. */
export async function fetchCohortRows(db: DB, cohortId: string, now = new Date(), learnerId?: string): Promise<DashboardRow[]> {
  const input = await readExerciseInput(db, cohortId, REFRESH_EXERCISE, learnerId);
  if (input.members.length === 0) return [];
  const ids = input.members.map((m) => m.learnerId);
  // The Refresh Tokens exercise's app is the learner's web app (a service app has no refresh grant).
  const apps = await db
    .selectFrom('practice_clients')
    .select(['learner_id', 'grant_types'])
    .where('learner_id', 'in', ids)
    .where('app_type', '=', 'web')
    .execute();
  // Enable is a console setting, not a check: the practice app's grant, for a learner on the
  // practice server (as the learner's own step list reads it, lib/progress/page-data.ts).
  const grantTypes = new Map(apps.map((a) => [a.learner_id, JSON.parse(a.grant_types) as string[]]));
  const onPractice = (provider: ProviderConfig | null) => provider?.mode === 'practice';
  return buildDashboardRows(
    {
      ...input,
      grants: input.providers.map((p) => {
        const granted = onPractice(p.provider) ? grantTypes.get(p.learnerId) : undefined;
        return { learnerId: p.learnerId, refreshGrantEnabled: granted ? granted.includes('refresh_token') : null };
      }),
    },
    now,
  );
}

/** Per step, the cohort's diagnosis codes with attempts and distinct learners, most frequent first (Refresh Tokens). */
export async function fetchCohortMistakes(db: DB, cohortId: string) {
  return countMistakes((await cohortAttempts(db, cohortId, { exercise: REFRESH_EXERCISE })).map(toAttemptInput));
}

/** What the dashboard page shows first: the rows and mistakes, and when they were read (epoch ms). */
export async function fetchCohortDashboard(db: DB, cohortId: string, now = new Date()) {
  const [rows, mistakes] = await Promise.all([fetchCohortRows(db, cohortId, now), fetchCohortMistakes(db, cohortId)]);
  return { rows, mistakes, readAt: now.getTime() };
}

export { fetchLearnerTimeline, type AttemptView, type LearnerTimeline } from './timeline-store';
