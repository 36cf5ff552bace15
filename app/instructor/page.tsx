import type { Metadata } from 'next';
import { CohortList } from '@/components/instructor/cohort-list';
import { SignOutButton } from '@/components/instructor/sign-out-button';
import { formatShortCode, joinLinks } from '@/lib/cohorts/join-code';
import { listCohorts } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { requireInstructorPage } from '@/lib/instructors/page-auth';

export const metadata: Metadata = { title: 'Your cohorts' };

export default async function InstructorHomePage() {
  const instructor = await requireInstructorPage();
  const cohorts = await listCohorts(await getDb(), instructor.id);
  const publicUrl = getEnv().PUBLIC_URL;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Your cohorts</h1>
          <p className="text-slate-700 dark:text-slate-300">Signed in as {instructor.email}</p>
        </div>
        <SignOutButton />
      </div>
      <CohortList cohorts={cohorts.map((c) => ({ ...c, shortCode: formatShortCode(c.shortCode), ...joinLinks(publicUrl, c) }))} />
    </div>
  );
}
