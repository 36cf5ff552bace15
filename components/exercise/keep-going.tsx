'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { Field, Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { apiFetch } from '@/lib/client/api';

/** "Continue on another device": a resume link, with what it means to hold one. */
export function ResumeLinkPanel() {
  const [link, setLink] = useState<{ url: string; note: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        onClick={async () => {
          setError(null);
          const answer = await apiFetch<{ url: string; note: string }>('/api/progress/resume-link', { method: 'POST' });
          if (answer.ok) setLink(answer.data);
          else setError(answer.message);
        }}
      >
        Get a Resume Link
      </Button>
      <div aria-live="polite" className="space-y-2">
        {link && (
          <>
            <CodeBlock code={link.url} label="Resume link" testId="resume-link" />
            <Notice kind="warning" className="text-sm">
              {link.note} Open it in the other browser and choose &quot;Continue here&quot;.
            </Notice>
          </>
        )}
        {error && <Notice kind="error">{error}</Notice>}
      </div>
    </div>
  );
}

/** A shareable record of the completed exercise, with a name if the learner wants one. */
/** A form that creates a shareable completion record: the Refresh Tokens exercise's by default, another exercise's or the course's with `endpoint`. */
export function CompletionRecordPanel({ endpoint = '/api/progress/completion-record' }: { endpoint?: string } = {}) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        const answer = await apiFetch<{ url: string }>(endpoint, {
          json: name.trim() ? { displayName: name.trim() } : {},
        });
        if (answer.ok) setUrl(answer.data.url);
        else setError(answer.message);
      }}
    >
      <Field
        label="Name on the record (optional)"
        hint="Shown on a public page with the date and the steps; nothing else about you or your tokens."
      >
        {(control) => (
          <Input
            {...control}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            autoComplete="name"
            className="max-w-sm"
          />
        )}
      </Field>
      <Button type="submit" variant="secondary">
        Create a Shareable Record
      </Button>
      <div aria-live="polite">
        {url && (
          <p className="text-sm">
            Your record:{' '}
            <a href={url} className="font-medium break-all text-indigo-800 underline dark:text-indigo-300">
              {url}
            </a>
          </p>
        )}
        {error && <Notice kind="error">{error}</Notice>}
      </div>
    </form>
  );
}
