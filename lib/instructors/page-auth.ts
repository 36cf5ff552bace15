import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '../db/client';
import { INSTRUCTOR_COOKIE, findInstructorBySession, type Instructor } from './store';

/** The signed-in instructor of a page; anyone else is sent to the sign-in page. */
export async function requireInstructorPage(): Promise<Instructor> {
  const token = (await cookies()).get(INSTRUCTOR_COOKIE)?.value;
  const instructor = await findInstructorBySession(await getDb(), token);
  if (!instructor) redirect('/instructor/login');
  return instructor;
}
