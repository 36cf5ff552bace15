/**
 * How many learners a cohort admits, and what that allows them (issue 18, decision 006).
 *
 * A lecture hall shares one public address (a NAT), so per-address limits cannot tell its
 * learners apart. A cohort's learners are therefore admitted against the cohort's own
 * allowance — its capacity, which the instructor sets when creating it — and their checks
 * count against the cohort's budget instead of the per-address one. A join code is given
 * out by the instructor, so whoever holds it is bounded by the capacity, not by a network.
 */
import { z } from 'zod';

/** Room for a large lecture hall; an instructor with more sets it when creating the cohort. */
export const DEFAULT_COHORT_CAPACITY = 500;
export const MAX_COHORT_CAPACITY = 5000;

/**
 * Checks a minute per admitted learner in a cohort's budget: the per-address default
 * (1,800 a minute) was sized as 60 learners × 30, and a learner at a human pace makes a few
 * checks a minute at most, so 30 leaves every learner of a full cohort room for retries.
 */
export const COHORT_CHECKS_PER_LEARNER_PER_MINUTE = 30;

export const cohortCapacitySchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_COHORT_CAPACITY, `must be at most ${MAX_COHORT_CAPACITY}`);

/** A cohort is full: no new learner can join it. Domain error: the HTTP layer answers 409. */
export class CohortFull extends Error {
  constructor(readonly capacity: number) {
    super(
      `This cohort is full: it admits ${capacity} learners and all ${capacity} places are taken. Ask your instructor to raise its size.`,
    );
    this.name = 'CohortFull';
  }
}
