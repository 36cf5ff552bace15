import { StepSection } from '@/components/exercise/step-section';
import { CodeBlock } from '@/components/ui/code-block';
import { apiCallCommand } from '@/lib/exercise/api-call/check';
import { PostCheck } from './post-check';
import type { KindPageProps } from './types';

/** Call the API (kind `api-call`): the curl command with the access token, then a check of what the practice API saw. */
export function ApiCallKind({ provider, endpoint, next, site }: KindPageProps) {
  const practice = provider!.mode === 'practice';
  const command = apiCallCommand(`${site.publicUrl}/api/practice/photos`);
  return (
    <div className="space-y-8">
      <StepSection id="call-heading" title="1. Call the API with your access token">
        <div className="mt-1 mb-4 max-w-prose space-y-2 text-sm text-slate-700 dark:text-slate-300">
          <p>
            An API accepts a request when it carries a valid access token as a <strong>Bearer</strong> token in the{' '}
            <code className="font-mono">Authorization</code> header. Put the <code className="font-mono">access_token</code> of the response
            you checked into a shell variable, then call the practice API:
          </p>
        </div>
        <CodeBlock code={`ACCESS_TOKEN='paste your access_token here'\n${command}`} label="API call" testId="api-call-command" />
        {!practice && (
          <p className="mt-3 max-w-prose text-sm text-slate-700 dark:text-slate-300">
            On your own server the lab cannot see the calls your API receives: the check says so, and suggests a call you can try instead.
          </p>
        )}
      </StepSection>
      <StepSection id="check-heading" title="2. Check the call" headingClassName="mb-3">
        <p className="mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
          Nothing to paste: the practice API noted your call, and the check reads what it saw — the token, its scopes, its answer.
        </p>
        <PostCheck endpoint={endpoint} buttonLabel="Check my call" next={next} />
      </StepSection>
    </div>
  );
}
