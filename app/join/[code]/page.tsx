import type { Metadata } from 'next';
import Link from 'next/link';
import { JoinForm } from '@/components/instructor/join-form';
import { Card } from '@/components/ui/card';
import { findCohortByCode } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Join a cohort' };

/** Joining a cohort by its long link's code or its short code (`/join/K7PX-3MQA`, any case). */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const cohort = code.length <= 100 ? await findCohortByCode(await getDb(), code) : null;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{cohort ? `Join ${cohort.name}` : 'This join link or code does not work'}</h1>
      <Card>
        {cohort ? (
          <JoinForm code={code} cohortName={cohort.name} />
        ) : (
          <div className="space-y-3">
            <p>It is not valid, or its cohort was archived. Ask your instructor for the current code or link.</p>
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
