import { z } from 'zod';
import { PRACTICE_GRANT_TYPES, type PracticeApp } from '../db/practice-clients';

/** What the console and `GET /api/practice/app` show (docs/api.md). */
export interface PracticeAppView {
  name: 'My Web App';
  applicationType: 'web';
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  grantTypes: PracticeApp['grantTypes'];
  refreshTokenRotation: PracticeApp['refreshTokenRotation'];
  requirePkce: boolean;
  issuer: string;
}

export function toPracticeAppView(app: PracticeApp, issuer: string): PracticeAppView {
  return {
    name: 'My Web App',
    applicationType: 'web',
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUris: app.redirectUris,
    grantTypes: app.grantTypes,
    refreshTokenRotation: app.refreshTokenRotation,
    requirePkce: app.requirePkce,
    issuer,
  };
}

/** An absolute http(s) redirect URI without a fragment (RFC 6749 §3.1.2). */
const redirectUri = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.hash;
      } catch {
        return false;
      }
    },
    { message: 'must be an absolute http(s) URL without a #fragment, e.g. http://localhost:3000/redirect' },
  );

/** A console edit (`PATCH /api/practice/app`): any of the four fields, validated. */
export const practiceAppPatchSchema = z
  .strictObject({
    grantTypes: z
      .array(
        z.enum(PRACTICE_GRANT_TYPES, {
          message: `unknown grant type; allowed: ${PRACTICE_GRANT_TYPES.join(', ')}`,
        }),
      )
      .max(PRACTICE_GRANT_TYPES.length * 2),
    redirectUris: z.array(redirectUri).min(1, 'keep at least one sign-in redirect URI').max(10),
    refreshTokenRotation: z.enum(['persistent', 'rotate']),
    requirePkce: z.boolean({ message: 'must be true or false' }),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'send at least one of grantTypes, redirectUris, refreshTokenRotation, requirePkce',
  });

export type PracticeAppPatchInput = z.infer<typeof practiceAppPatchSchema>;
