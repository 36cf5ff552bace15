'use client';

import { base64url } from 'jose';
import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { readStored, writeStored } from '@/lib/client/browser-storage';

const fieldClass =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-950';

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
export function PkceHelper({ onChange }: { onChange?: (values: { codeChallenge: string; state: string }) => void }) {
  const ids = { verifier: useId(), challenge: useId(), state: useId(), status: useId() };
  const [verifier, setVerifier] = useState('');
  const [challenge, setChallenge] = useState('');
  const [state, setState] = useState('');
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    // Restore what this browser generated earlier (after a reload or a detour).
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time read of browser storage after hydration
    setVerifier(readStored('codeVerifier') ?? '');
    setChallenge(readStored('codeChallenge') ?? '');
    setState(readStored('state') ?? '');
  }, []);

  useEffect(() => {
    onChange?.({ codeChallenge: challenge, state });
  }, [challenge, state, onChange]);

  function updateVerifier(value: string) {
    setVerifier(value);
    writeStored('codeVerifier', value);
    // A new verifier makes the old challenge wrong: clear it so it can't be used by mistake.
    setChallenge('');
    writeStored('codeChallenge', null);
  }

  async function calculateHash() {
    if (!verifier) {
      setAnnouncement('Generate or type a code verifier first.');
      return;
    }
    const value = await s256(verifier);
    setChallenge(value);
    writeStored('codeChallenge', value);
    setAnnouncement('Code challenge calculated.');
  }

  function generateState() {
    const value = randomString().slice(0, 22);
    setState(value);
    writeStored('state', value);
    setAnnouncement('State generated.');
  }

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <div className="flex flex-wrap items-end gap-2">
          <Button
            variant="secondary"
            onClick={() => {
              updateVerifier(randomString());
              setAnnouncement('Random code verifier generated.');
            }}
          >
            Generate Random String
          </Button>
        </div>
        <label htmlFor={ids.verifier} className="block text-sm font-medium">
          Code Verifier
        </label>
        <div className="flex gap-2">
          <input id={ids.verifier} value={verifier} onChange={(e) => updateVerifier(e.target.value)} spellCheck={false} autoComplete="off" className={fieldClass} />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">Keep this secret: you send it only to the token endpoint, in step 5.</p>
      </div>

      <div className="space-y-2">
        <Button variant="secondary" onClick={calculateHash}>
          Calculate Hash
        </Button>
        <label htmlFor={ids.challenge} className="block text-sm font-medium">
          Code Challenge
        </label>
        <div className="flex gap-2">
          <input id={ids.challenge} value={challenge} readOnly spellCheck={false} className={fieldClass} />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">SHA-256 of the verifier, base64url-encoded: goes in the authorization URL.</p>
      </div>

      <div className="space-y-2">
        <Button variant="secondary" onClick={generateState}>
          Generate State
        </Button>
        <label htmlFor={ids.state} className="block text-sm font-medium">
          State
        </label>
        <div className="flex gap-2">
          <input
            id={ids.state}
            value={state}
            onChange={(e) => {
              setState(e.target.value);
              writeStored('state', e.target.value);
            }}
            spellCheck={false}
            autoComplete="off"
            className={fieldClass}
          />
        </div>
      </div>
      <p role="status" id={ids.status} className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
