import { StepSection } from '@/components/exercise/step-section';
import { Breakable } from '@/components/ui/breakable';
import { metadataInstructions, practiceMetadataUrl } from '@/lib/exercise/discovery/instructions';
import { PostCheck } from './post-check';
import type { KindPageProps } from './types';

const FIELDS = [
  { name: 'issuer', label: 'Issuer', placeholder: 'https://…' },
  { name: 'authorizationEndpoint', label: 'Authorization endpoint', placeholder: 'https://…' },
  { name: 'tokenEndpoint', label: 'Token endpoint', placeholder: 'https://…' },
  { name: 'jwksUri', label: 'JWKS URI', placeholder: 'https://…' },
  {
    name: 'scope',
    label: 'Custom scope',
    hint: 'A scope your server defines for its APIs (not openid, profile, email, address, phone or offline_access).',
  },
] as const;

/** Find the endpoints (kind `discovery`): where the metadata document is, then the five answers checked. */
export function DiscoveryKind({ provider, endpoint, next }: KindPageProps) {
  const practice = provider!.mode === 'practice';
  const metadataUrl = practice ? practiceMetadataUrl(provider!.issuer) : null;
  return (
    <div className="space-y-8">
      <StepSection id="metadata-heading" title="1. Open the metadata document">
        <div className="mt-1 max-w-prose space-y-2 text-sm text-slate-700 dark:text-slate-300">
          <p>
            An authorization server publishes a JSON document that says where everything is: its issuer, its endpoints, the keys that sign
            its tokens and the scopes it knows. Apps read it instead of hard-coding URLs.
          </p>
          {metadataUrl ? (
            <p>
              The practice server publishes it the way an Okta custom authorization server does:{' '}
              <a href={metadataUrl} target="_blank" rel="noreferrer" className="font-medium text-indigo-800 underline dark:text-indigo-300">
                <code className="font-mono wrap-anywhere">
                  <Breakable text={metadataUrl} />
                </code>
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
              . Your browser shows it as JSON; its keys are the names used below.
            </p>
          ) : (
            <p>{metadataInstructions(provider!.kind)}</p>
          )}
        </div>
      </StepSection>
      <StepSection id="answers-heading" title="2. Copy what it says" headingClassName="mb-3">
        <p className="mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
          Copy the values of <code className="font-mono">issuer</code>, <code className="font-mono">authorization_endpoint</code>,{' '}
          <code className="font-mono">token_endpoint</code> and <code className="font-mono">jwks_uri</code>, and pick one custom scope from{' '}
          <code className="font-mono">scopes_supported</code>.
        </p>
        <PostCheck endpoint={endpoint} buttonLabel="Check" fields={FIELDS} next={next} />
      </StepSection>
    </div>
  );
}
