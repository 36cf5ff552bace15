import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { formatShortCode, normalizeShortCode } from '@/lib/cohorts/join-code';

export const metadata: Metadata = { title: 'Join a cohort' };

/**
 * Where a learner types the short code their instructor shows (`K7PX-3MQA`): a plain GET
 * form (works without script) that leads to `/join/<code>`. A pasted join link works too.
 */
export default async function JoinCodePage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const raw = (await searchParams).code;
  const typed = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  let problem: string | null = null;
  if (typed) {
    const short = normalizeShortCode(typed);
    // A whole join link pasted into the box: its last path segment is the code.
    const fromLink = /\/join\/([\w-]{1,100})\/?$/.exec(typed)?.[1];
    if (short) redirect(`/join/${formatShortCode(short)}`);
    if (fromLink) redirect(`/join/${encodeURIComponent(fromLink)}`);
    problem = 'That is not a join code. A join code has 8 letters and digits, like K7PX-3MQA (no 0, 1, I or O).';
  }

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Join a cohort</h1>
      <Card>
        <form action="/join" method="get" className="space-y-4">
          <Field
            label="Join code"
            labelClassName="text-base"
            hint="The code your instructor shows, like K7PX-3MQA. Upper or lower case, with or without the dash."
            error={problem}
          >
            {(control) => (
              <Input
                {...control}
                name="code"
                defaultValue={typed}
                required
                maxLength={200}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                className="max-w-xs font-mono text-lg tracking-widest uppercase"
              />
            )}
          </Field>
          <Button type="submit">Continue</Button>
        </form>
      </Card>
    </div>
  );
}
