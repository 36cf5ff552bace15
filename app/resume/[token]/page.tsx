import type { Metadata } from 'next';
import Link from 'next/link';
import { ResumeButton } from '@/components/exercise/resume-button';
import { Card } from '@/components/ui/card';
import { getDb } from '@/lib/db/client';
import { loadCourse } from '@/lib/engine/course-progress';
import { findLearnerByResumeToken } from '@/lib/learners/resume-links';
import { currentLearnerId } from '@/lib/session/server';

export const metadata: Metadata = { title: 'Continue your exercise' };

/**
 * A resume link lands here. Continuing replaces this browser's own progress, so it takes
 * a click (a link from someone else must not silently swap the learner's session).
 */
export default async function ResumePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const learnerId = await findLearnerByResumeToken(await getDb(), token);
  const already = learnerId !== null && learnerId === (await currentLearnerId());
  // The link carries the whole course: a learner with only Refresh Tokens under way goes back
  // to it, one with other exercises started to the course index.
  const course = learnerId ? await loadCourse(await getDb(), learnerId) : null;
  const elsewhere = course?.exercises.some((e) => e.id !== 'refresh' && e.status !== 'coming' && e.status !== 'not_started') ?? false;
  const destination = elsewhere ? '/exercises' : '/exercise/refresh';

  const goToExercise = (
    <p className="mt-3">
      <Link href={destination} className="font-medium text-indigo-800 underline dark:text-indigo-300">
        {elsewhere ? 'Go to the course' : 'Go to the exercise'}
      </Link>
    </p>
  );
  return (
    <div className="mx-auto max-w-prose space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Continue your exercise</h1>
      {!learnerId ? (
        <Card>
          <p>This link does not work (any more): the exercise was reset, or the link was not copied whole.</p>
          {goToExercise}
        </Card>
      ) : already ? (
        <Card>
          <p>This browser already continues this exercise.</p>
          {goToExercise}
        </Card>
      ) : (
        <Card className="space-y-4">
          <p>
            This link opens someone&apos;s progress in {elsewhere ? 'the course' : 'the Refresh Tokens exercise'} — yours, if you made it on
            another device. Continuing replaces the progress this browser has now.
          </p>
          <ResumeButton token={token} destination={destination} />
        </Card>
      )}
    </div>
  );
}
