import Link from 'next/link';
import { StepSection } from '@/components/exercise/step-section';
import { CodeBlock } from '@/components/ui/code-block';
import { Notice } from '@/components/ui/notice';
import { API_CALL_SCOPE } from '@/lib/exercise/api-call/check';
import { clientCredentialsCommands, CONFIG_FILE, NETRC_FILE, type CommandVariant } from '@/lib/exercise/client-credentials/commands';
import { courseStepHref } from '../hrefs';
import { PasteCheck } from './paste-check';
import type { KindPageProps } from './types';

const VARIANTS: { variant: CommandVariant; title: string; why: React.ReactNode }[] = [
  {
    variant: 'basic',
    title: 'With -u and a shell variable',
    why: (
      <>
        The script asks for the secret without showing it, so it stays out of your shell history. curl turns{' '}
        <code className="font-mono">-u id:secret</code> into HTTP Basic authentication. The secret is still part of curl&apos;s command line
        while it runs, where other users of the machine can see it in the process list.
      </>
    ),
  },
  {
    variant: 'config',
    title: 'With a curl config file (--config)',
    why: (
      <>
        The secret goes into <code className="font-mono">{CONFIG_FILE}</code>, readable by you only, and curl reads it from there with{' '}
        <code className="font-mono">--config</code>: it is never on a command line, so neither your history nor the process list shows it.
        Delete the file when you are done.
      </>
    ),
  },
  {
    variant: 'netrc',
    title: 'With a netrc file (--netrc-file)',
    why: (
      <>
        The same idea with the classic format for credentials per host: <code className="font-mono">{NETRC_FILE}</code> holds the client ID
        and secret for the token endpoint&apos;s host, and curl reads them with <code className="font-mono">--netrc-file</code>. Tools other
        than curl read netrc files too.
      </>
    ),
  },
];

/** Get a token (kind `client-credentials-response`): the request three ways, bash and PowerShell, then the paste. */
export function ClientCredentialsKind({ exercise, data, provider, endpoint, next }: KindPageProps) {
  const appStep = exercise.steps.find((s) => s.kind === 'app');
  const clientId = (appStep && (data.run.steps[appStep.id]?.artifact as { clientId?: string } | null)?.clientId) || null;
  const commands = clientCredentialsCommands({
    tokenEndpoint: provider!.tokenEndpoint,
    clientId: clientId ?? 'YOUR_CLIENT_ID',
    scope: API_CALL_SCOPE,
  });
  return (
    <div className="space-y-8">
      {!clientId && appStep && (
        <Notice kind="warning">
          Your app has no client ID here yet: do{' '}
          <Link href={courseStepHref(exercise, appStep)} className="font-medium underline">
            “{appStep.title}”
          </Link>{' '}
          first.
        </Notice>
      )}
      <StepSection id="curl-heading" title="1. Run one of these in a terminal">
        <div className="mt-1 mb-4 max-w-prose space-y-2 text-sm text-slate-700 dark:text-slate-300">
          <p>
            No browser and no user: your service sends its own client ID and secret to the token endpoint with{' '}
            <code className="font-mono">grant_type=client_credentials</code> and the scope it needs, and gets an access token for itself.
          </p>
          <p>
            Each command asks for your client secret (copy it from the{' '}
            {provider!.mode === 'practice' ? (
              <Link href="/practice/console" className="font-medium text-indigo-800 underline dark:text-indigo-300">
                practice console
              </Link>
            ) : (
              'your server’s console'
            )}
            ) instead of having you type it into the command line
            {provider!.mode === 'practice' ? '' : `; replace ${API_CALL_SCOPE} with your custom scope`}.
          </p>
        </div>
        <div className="space-y-3">
          {VARIANTS.map(({ variant, title, why }, index) => (
            <details key={variant} open={index === 0} className="group rounded-md border border-slate-200 dark:border-slate-700">
              <summary className="cursor-pointer px-4 py-3 font-medium">{title}</summary>
              <div className="space-y-3 border-t border-slate-200 p-4 dark:border-slate-700">
                <p className="max-w-prose text-sm text-slate-700 dark:text-slate-300">{why}</p>
                <CodeBlock code={commands[variant].bash} label={`${title}: bash or zsh`} />
                <CodeBlock code={commands[variant].powershell} label={`${title}: PowerShell`} />
              </div>
            </details>
          ))}
        </div>
      </StepSection>
      <StepSection id="paste-heading" title="2. Paste the response" headingClassName="mb-3">
        <PasteCheck
          endpoint={endpoint}
          label="Token Response"
          description="Paste the JSON the token endpoint returned."
          buttonLabel="Check Your Response"
          next={next}
        />
      </StepSection>
    </div>
  );
}
