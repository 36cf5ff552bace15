import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { JoinForm } from '@/components/instructor/join-form';
import { Card } from '@/components/ui/card';
import { findCohortToJoin, findJoinedName } from '@/lib/cohorts/join';
import { getDb } from '@/lib/db/client';
import { clientAddressOf, RateLimited } from '@/lib/http/rate-limits';
import { currentLearnerId } from '@/lib/session/server';

export const metadata: Metadata = { title: 'Join a cohort' };

/** Joining a cohort by its long link's code or its short code (`/join/K7PX-3MQA`, any case). */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const db = await getDb();
  let cohort: { id: string; name: string } | null = null;
  let limited: RateLimited | null = null;
  try {
    cohort = await findCohortToJoin(db, code, clientAddressOf({ headers: await headers() }));
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    limited = error;
  }
  const learnerId = await currentLearnerId();
  const joinedAs = cohort && learnerId ? await findJoinedName(db, cohort.id, learnerId) : null;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">
        {cohort ? `Join ${cohort.name}` : limited ? 'Too many join codes tried' : 'This join link or code does not work'}
      </h1>
      <Card>
        {cohort ? (
          <JoinForm code={code} cohortName={cohort.name} joinedAs={joinedAs} />
        ) : (
          <div className="space-y-3">
            <p>
              {limited ? limited.message : 'It is not valid, or its cohort was archived. Ask your instructor for the current code or link.'}
            </p>
            <p>
              <Link href="/join" className="text-indigo-800 underline dark:text-indigo-300">
                Type a join code
              </Link>
            </p>
          </div>
        )}
      </Card>
    </div>
  );
}
