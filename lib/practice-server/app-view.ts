import { z } from 'zod';
import {
  BUILT_PRACTICE_APP_TYPES,
  PRACTICE_GRANT_TYPES,
  practiceAppTypeDefinition,
  type PracticeApp,
  type PracticeAppType,
  type PracticeAppTypeDefinition,
} from '../db/practice-clients';

/** What the console and `GET /api/practice/app` show (docs/api.md). */
export interface PracticeAppView {
  /** "My Web App", "My Service App"… */
  name: string;
  /** Okta's application type: `web`, `service`… */
  applicationType: PracticeAppTypeDefinition['oktaApplicationType'];
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** "Sign-out redirect URIs": where /v1/logout may send the browser (`post_logout_redirect_uri`). */
  postLogoutRedirectUris: string[];
  grantTypes: PracticeApp['grantTypes'];
  refreshTokenRotation: PracticeApp['refreshTokenRotation'];
  requirePkce: boolean;
  issuer: string;
}

/** An app in `GET /api/practice/apps`: the same view, and its type. */
export type PracticeAppListView = PracticeAppView & { type: PracticeAppType };

export function toPracticeAppView(app: PracticeApp, issuer: string): PracticeAppView {
  const definition = practiceAppTypeDefinition(app.type);
  return {
    name: definition?.name ?? 'My Web App',
    applicationType: definition?.oktaApplicationType ?? 'web',
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUris: app.redirectUris,
    postLogoutRedirectUris: app.postLogoutRedirectUris,
    grantTypes: app.grantTypes,
    refreshTokenRotation: app.refreshTokenRotation,
    requirePkce: app.requirePkce,
    issuer,
  };
}

export function toPracticeAppListView(app: PracticeApp, issuer: string): PracticeAppListView {
  return { ...toPracticeAppView(app, issuer), type: app.type };
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

const grantTypeList = z
  .array(
    z.enum(PRACTICE_GRANT_TYPES, {
      message: `unknown grant type; allowed: ${PRACTICE_GRANT_TYPES.join(', ')}`,
    }),
  )
  .max(PRACTICE_GRANT_TYPES.length * 2);

/** "Sign-out redirect URIs" may be empty, as on Okta (then /v1/logout shows its own page). */
const signOutRedirectUris = z.array(redirectUri).max(10);

/** A console edit (`PATCH /api/practice/app`): any of the fields, validated. */
export const practiceAppPatchSchema = z
  .strictObject({
    grantTypes: grantTypeList,
    redirectUris: z.array(redirectUri).min(1, 'keep at least one sign-in redirect URI').max(10),
    postLogoutRedirectUris: signOutRedirectUris,
    refreshTokenRotation: z.enum(['persistent', 'rotate']),
    requirePkce: z.boolean({ message: 'must be true or false' }),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'send at least one of grantTypes, redirectUris, postLogoutRedirectUris, refreshTokenRotation, requirePkce',
  });

export type PracticeAppPatchInput = z.infer<typeof practiceAppPatchSchema>;

/** A field the type does not have: refused, saying why (in Okta's spirit). */
const refusedField = (why: string) => z.unknown().refine(() => false, { message: why });

/**
 * A console edit of an app of one type (`PATCH /api/practice/apps/<type>`): the web app's
 * fields, each refused with the reason when the type does not have it. The web app's is
 * exactly {@link practiceAppPatchSchema}.
 */
export function practiceAppPatchSchemaFor(type: PracticeAppType): z.ZodType<PracticeAppPatchInput> {
  const definition = practiceAppTypeDefinition(type);
  if (!definition || type === 'web') return practiceAppPatchSchema;
  const { name } = definition;
  const allowed: readonly string[] = definition.grantTypesAllowed;
  const grantTypes = grantTypeList.superRefine((grants, ctx) => {
    const refused = grants.filter((grant) => !allowed.includes(grant));
    if (refused.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${name} cannot have ${refused.join(', ')}: its only grant types are ${allowed.join(', ')}`,
      });
    }
    const missing = definition.grantTypesRequired.filter((grant) => !grants.includes(grant));
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', message: `${name} always has ${missing.join(', ')}: it cannot be turned off` });
    }
  });
  const signsUsersIn = allowed.includes('authorization_code');
  const shape = {
    grantTypes,
    redirectUris: definition.redirectUris
      ? z.array(redirectUri).min(1, 'keep at least one sign-in redirect URI').max(10)
      : refusedField(`${name} has no sign-in redirect URIs: it signs no user in, so no browser is ever sent back to it`),
    postLogoutRedirectUris: definition.redirectUris
      ? signOutRedirectUris
      : refusedField(`${name} has no sign-out redirect URIs: it signs no user in, so it signs no user out`),
    refreshTokenRotation: allowed.includes('refresh_token')
      ? z.enum(['persistent', 'rotate'])
      : refusedField(`${name} gets no refresh tokens: it can ask for a new access token with its own credentials at any time`),
    requirePkce: signsUsersIn
      ? z.boolean({ message: 'must be true or false' })
      : refusedField(`${name} never receives an authorization code, so there is nothing for PKCE to protect`),
  };
  const editable = [
    'grantTypes',
    ...(definition.redirectUris ? ['redirectUris', 'postLogoutRedirectUris'] : []),
    ...(allowed.includes('refresh_token') ? ['refreshTokenRotation'] : []),
    ...(signsUsersIn ? ['requirePkce'] : []),
  ].join(', ');
  // A refused field never validates, so what passes has the web app's field types.
  return z
    .strictObject(shape)
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, { message: `send at least one of ${editable}` }) as z.ZodType<PracticeAppPatchInput>;
}

/** The 404 message for a type that has no app yet on this site (not built, or unknown). */
export function unbuiltTypeMessage(type: string): string {
  return `There is no practice app of type "${type.slice(0, 40)}". The types that exist: ${BUILT_PRACTICE_APP_TYPES.join(', ')}.`;
}
