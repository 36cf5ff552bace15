'use client';

import Link from 'next/link';
import { CheckForm } from '@/components/exercise/check-form';
import { ClaimsTable } from '@/components/exercise/claims-table';
import { buttonClass } from '@/components/ui/button';
import type { Report } from '@/lib/exercise/report';
import type { TokenResponseReport } from '@/lib/exercise/token/token-step';

/**
 * CheckForm with plain-data props, for server-rendered step UIs: the Next link beside a
 * passing verdict and, when the report decoded a token, its claims.
 */
export function PasteCheck({
  endpoint,
  label,
  description,
  buttonLabel,
  placeholder,
  next,
}: {
  endpoint: string;
  label: string;
  description?: string;
  buttonLabel: string;
  placeholder?: string;
  next: { href: string; label: string } | null;
}) {
  return (
    <CheckForm<Report & Partial<Pick<TokenResponseReport, 'claims'>>>
      endpoint={endpoint}
      field="response"
      label={label}
      description={description}
      buttonLabel={buttonLabel}
      placeholder={placeholder}
      rows={8}
      action={(report) =>
        report.status === 'pass' && next ? (
          <Link href={next.href} className={buttonClass('primary')}>
            {next.label}
          </Link>
        ) : null
      }
    >
      {(report) =>
        report.claims && (
          <ClaimsTable
            claims={report.claims}
            title={report.status === 'pass' ? 'Inside your access token' : 'Inside the access token you pasted'}
          />
        )
      }
    </CheckForm>
  );
}
