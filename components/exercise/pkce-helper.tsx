'use client';

import { base64url } from 'jose';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { CrossIcon } from '@/components/ui/icons';
import { useStoredValue } from '@/lib/client/use-stored-value';
import { stepRef } from '@/lib/exercise/steps';

/** 32 random bytes, base64url-encoded: 43 characters, as RFC 7636 §4.1 recommends. */
function randomString(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

/** BASE64URL(SHA256(ASCII(code_verifier))) — RFC 7636 §4.2, in the browser (WebCrypto). */
async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url.encode(new Uint8Array(digest));
}

/**
 * PKCE and state helpers, all in the browser: the code verifier never reaches the
 * server (only its hash travels, in the authorization URL). Values are kept locally for
 * the token step's curl command.
 */
export function PkceHelper() {
  const ids = { status: useId(), needsVerifier: useId() };
  // Kept in this browser: restored after a reload or a detour, read by the template and step 5.
  const [verifier, setVerifier] = useStoredValue('codeVerifier');
  const [challenge, setChallenge] = useStoredValue('codeChallenge');
  const [state, setState] = useStoredValue('state');
  const [announcement, setAnnouncement] = useState('');
  // "Calculate Hash" pressed with no verifier: said by the button, where the learner looks
  // (issue 20, item 9: it used to be announced only, from below the State field).
  const [needsVerifier, setNeedsVerifier] = useState(false);

  function updateVerifier(value: string) {
    setVerifier(value);
    setNeedsVerifier(false);
    // A new verifier makes the old challenge wrong: clear it so it can't be used by mistake.
    setChallenge(null);
  }

  async function calculateHash() {
    if (!verifier) {
      setNeedsVerifier(true);
      return;
    }
    setNeedsVerifier(false);
    setChallenge(await s256(verifier));
    setAnnouncement('Code challenge calculated.');
  }

  function generateState() {
    setState(randomString().slice(0, 22));
    setAnnouncement('State generated.');
  }

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <Button
          variant="secondary"
          onClick={() => {
            updateVerifier(randomString());
            setAnnouncement('Random code verifier generated.');
          }}
        >
          Generate Random String
        </Button>
        <Field label="Code Verifier" hint={`Keep this secret: you send it only to the token endpoint, in ${stepRef('token')}.`}>
          {(control) => (
            <Input
              {...control}
              value={verifier ?? ''}
              onChange={(e) => updateVerifier(e.target.value)}
              spellCheck={false}
              autoComplete="off"
              className="font-mono text-sm"
            />
          )}
        </Field>
      </div>

      <div className="space-y-2">
        <Button variant="secondary" onClick={calculateHash} aria-describedby={needsVerifier ? ids.needsVerifier : undefined}>
          Calculate Hash
        </Button>
        {/* An alert: announced as it appears (as Notice's errors are), while focus stays on the button. */}
        {needsVerifier && (
          <p role="alert" id={ids.needsVerifier} className="text-sm font-medium text-red-800 dark:text-red-300">
            <CrossIcon className="mr-1" />
            There is no code verifier to hash yet: press Generate Random String (or type one in Code Verifier) first.
          </p>
        )}
        <Field label="Code Challenge" hint="SHA-256 of the verifier, base64url-encoded: goes in the authorization URL.">
          {(control) => <Input {...control} value={challenge ?? ''} readOnly spellCheck={false} className="font-mono text-sm" />}
        </Field>
      </div>

      <div className="space-y-2">
        <Button variant="secondary" onClick={generateState}>
          Generate State
        </Button>
        <Field label="State">
          {(control) => (
            <Input
              {...control}
              value={state ?? ''}
              onChange={(e) => setState(e.target.value)}
              spellCheck={false}
              autoComplete="off"
              className="font-mono text-sm"
            />
          )}
        </Field>
      </div>
      <p role="status" id={ids.status} className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
