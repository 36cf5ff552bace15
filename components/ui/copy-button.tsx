'use client';

import { useState } from 'react';
import { Button } from './button';

/** Copies `value` to the clipboard and announces it; `label` names what is copied. */
export function CopyButton({ value, label, className }: { value: string; label: string; className?: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard can be refused (permissions, insecure context): the value stays selectable.
      setCopied(false);
    }
  }

  return (
    <Button variant="secondary" className={className} onClick={copy} aria-label={`Copy ${label}`}>
      <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
      <span role="status" className="sr-only">
        {copied ? `${label} copied to the clipboard` : ''}
      </span>
    </Button>
  );
}
