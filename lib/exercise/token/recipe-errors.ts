/**
 * A refused PKCE check or client authentication explained at its root: the recipe the
 * learner's shell used (issue 19, class 4). The values come from the pasted command when it
 * is in the paste (its code_verifier against the checked authorization URL's challenge, its
 * Basic header against the client ID and, on the practice server, My Web App's secret), or
 * else from what the practice server recorded when it refused the request (a label, never
 * the values). Answers null when neither tells anything, and the server's error is then
 * explained as usual (oauth-errors.ts).
 *
 * Pure: the lookups come in through the context.
 */
import type { RecipeMistakeRecord, TokenCheckContext, TokenGrant } from './context';
import { safeLookup } from './context';
import { fail, quote, type CheckResult } from '../report';
import {
  basicRecipe,
  describeBasicMistake,
  describePkceLabel,
  detectShell,
  diagnoseBasicHeader,
  diagnoseBasicUser,
  holdsShellVariable,
  diagnoseChallenge,
  parseBasicLabel,
  PLAIN_LABEL,
  readPastedCommand,
  readPrintedChallenge,
  s256Recipe,
  UNRELATED_LABEL,
  shellAdvice,
  type BasicDiagnosis,
  type BasicMistake,
  type PkceDiagnosis,
  type ShellKind,
} from '../shell-mistakes';
import { stepRef } from '../steps';

/** How long a recorded refusal explains a pasted error without the command: a code lives 5 minutes, a paste follows within minutes. */
export const RECORD_FRESH_MS = 15 * 60 * 1000;

const PKCE_ERROR = /pkce|code.?verifier|code.?challenge/i;
const BASIC_HEADER_ERROR = /authori[sz]ation header/i;

/**
 * The root cause of a PKCE or client authentication failure, when the paste or the
 * practice server's record tells it; null otherwise.
 */
export async function explainRecipeMistake(
  text: string,
  body: Record<string, unknown>,
  grant: TokenGrant,
  ctx: TokenCheckContext,
): Promise<CheckResult | null> {
  if (typeof body.error !== 'string') return null;
  const description = typeof body.error_description === 'string' ? body.error_description.slice(0, 500) : '';
  const seen = `The server answered with error ${quote(body.error, 40)}${description ? ` (${quote(description, 160)})` : ''}`;
  if (grant === 'authorization_code' && body.error === 'invalid_grant' && PKCE_ERROR.test(description)) {
    return explainPkce(text, seen, ctx);
  }
  if (body.error === 'invalid_client' || (body.error === 'invalid_request' && BASIC_HEADER_ERROR.test(description))) {
    return explainBasic(text, seen, ctx);
  }
  return null;
}

const isFresh = (record: RecipeMistakeRecord | null, now: Date): record is RecipeMistakeRecord =>
  record !== null && (record.sameCode === true || now.getTime() - record.recordedAt.getTime() <= RECORD_FRESH_MS);

async function explainPkce(text: string, seen: string, ctx: TokenCheckContext): Promise<CheckResult | null> {
  const shell = detectShell(text);
  const record = ctx.lookupRecipeMistake ? await safeLookup(() => ctx.lookupRecipeMistake!('pkce')) : null;
  // The practice server compared the very verifier and challenge of the code the learner captured: that is the surest.
  if (record?.sameCode === true) return pkceFromRecord(record, seen, shell.shell);
  const printed = readPrintedChallenge(text);
  const verifier = readPastedCommand(text, shell).codeVerifier ?? printed?.verifier ?? null;
  // The checked URL's challenge; else the one the learner's own recipe printed in the paste.
  const challenge = ctx.codeChallenge ?? printed?.challenge ?? null;
  const source = ctx.codeChallenge ? 'command' : 'printed';
  if (verifier !== null && challenge !== null) {
    const diagnosis = await diagnoseChallenge(verifier, challenge);
    if (diagnosis === null && source === 'printed') return isFresh(record, ctx.now) ? pkceFromRecord(record, seen, shell.shell) : null;
    if (diagnosis === null) {
      return fail(
        'response',
        'response.error',
        `${seen}: the code_verifier in your command is not the verifier that was hashed into the code_challenge of the authorization URL you checked. No usual recipe mistake (echo's newline, hex text, base64) connects the two.`,
        `Hash the verifier you send into a new challenge (the Calculate Hash button does it). ${REBUILD}`,
      );
    }
    if (diagnosis.correct) {
      return fail(
        'response',
        'response.error',
        `${seen}: the code_verifier in your command does hash to the code_challenge of the authorization URL you checked, so the code you exchanged came from another authorization URL (a login with another challenge).`,
        'Open the Log In link of the URL you checked, then exchange that new code with this same verifier.',
      );
    }
    if (diagnosis.correct && source === 'printed') return null;
    return pkceRecipe(diagnosis, seen, source, shell.shell);
  }
  return isFresh(record, ctx.now) ? pkceFromRecord(record, seen, shell.shell) : null;
}

const REBUILD = `Put it in the authorization URL (${stepRef('authorize')}), log in again, and exchange the new code with the same verifier: this code's challenge can never match.`;

function pkceFromRecord(record: RecipeMistakeRecord, seen: string, shell: ShellKind | null): CheckResult | null {
  if (record.label === UNRELATED_LABEL) {
    return fail(
      'response',
      'response.error',
      `${seen}: the practice server compared the code_verifier you sent with this code's code_challenge. No usual recipe mistake (echo's newline, hex text, base64) connects them: the verifier is not the one that was hashed.`,
      `Hash the verifier you send into a new challenge (the Calculate Hash button does it). ${REBUILD}`,
    );
  }
  const diagnosis = describePkceLabel(record.label);
  return diagnosis && !diagnosis.correct ? pkceRecipe(diagnosis, seen, 'server', shell) : null;
}

function pkceRecipe(
  diagnosis: PkceDiagnosis,
  seen: string,
  source: 'command' | 'server' | 'printed',
  shell: ShellKind | null,
): CheckResult {
  const compared =
    source === 'server'
      ? "the practice server compared the code_verifier you sent with this code's code_challenge"
      : source === 'printed'
        ? 'we compared your code_verifier with the code_challenge your hashing command printed in the paste'
        : "we compared your command's code_verifier with the code_challenge of the URL you checked";
  if (diagnosis.label === PLAIN_LABEL) {
    return fail(
      'response',
      'pkce.challenge_recipe',
      `${seen}: ${compared}, and they are the same text. S256 sends the verifier in the token request and its hash in the URL: either the command sends the Code Challenge where the Code Verifier goes, or the URL carried the verifier as its challenge.`,
      `If you still have the Code Verifier, send it as code_verifier. Otherwise make a new challenge from the verifier — ${s256Recipe(shell)} — or press Calculate Hash. ${REBUILD}`,
    );
  }
  return fail(
    'response',
    'pkce.challenge_recipe',
    `${seen}: ${compared}. Your code_challenge is ${diagnosis.description}; S256 is the base64url of the SHA-256 hash of the verifier itself. What differs: ${diagnosis.mistakes.join('; ')}.`,
    `Make a new challenge from the 32 bytes of the hash, base64url without padding — ${s256Recipe(shell)} — or press Calculate Hash. ${REBUILD}`,
  );
}

async function explainBasic(text: string, seen: string, ctx: TokenCheckContext): Promise<CheckResult | null> {
  const shell = detectShell(text);
  const command = readPastedCommand(text, shell);
  // `-u "$CLIENT_ID:$CLIENT_SECRET"`: the shell put the values in, which the paste does not show.
  const header = command.authorization !== null && !holdsShellVariable(command.authorization) ? command.authorization : null;
  const user = command.user !== null && !holdsShellVariable(command.user) ? command.user : null;
  if (header !== null || user !== null) {
    const secret = ctx.practice ? await safeLookup(ctx.lookupClientSecret) : null;
    const diagnosis = header !== null ? diagnoseBasicHeader(header, ctx.clientId, secret) : diagnoseBasicUser(user!, ctx.clientId, secret);
    const where = header !== null ? 'in the Authorization header of your command' : 'in the credentials your command gives curl (-u)';
    if (diagnosis !== null) return basicResult(diagnosis.mistakes, basicOutcome(diagnosis), seen, where, shell.shell, ctx);
  }
  const record = ctx.lookupRecipeMistake ? await safeLookup(() => ctx.lookupRecipeMistake!('basic')) : null;
  if (!isFresh(record, ctx.now)) return null;
  const outcome = record.label === 'wrong_secret' || record.label === 'other_client' ? record.label : null;
  return basicResult(
    parseBasicLabel(record.label),
    outcome,
    seen,
    'in the Authorization header the practice server received',
    shell.shell,
    ctx,
  );
}

const basicOutcome = (d: BasicDiagnosis): 'wrong_secret' | 'other_client' | null =>
  d.otherClient ? 'other_client' : d.credentialsMatch === false ? 'wrong_secret' : null;

function basicResult(
  mistakes: BasicMistake[],
  outcome: 'wrong_secret' | 'other_client' | null,
  seen: string,
  where: string,
  shell: ShellKind | null,
  ctx: TokenCheckContext,
): CheckResult | null {
  const app = ctx.practice ? `${ctx.appName ?? 'My Web App'}'s` : "your app's";
  if (mistakes.length > 0) {
    const advice = shellAdvice(shell ?? 'posix');
    const tip = mistakes.some((m) => m === 'quoted' || m === 'quotes_in_credentials')
      ? ` ${advice.quoting}`
      : mistakes.some((m) => m === 'newline' || m === 'crlf' || m === 'trailing_space')
        ? ` ${advice.withoutNewline}`
        : '';
    return fail(
      'response',
      'client.basic_header_recipe',
      `${seen}: ${where}, ${mistakes.map(describeBasicMistake).join('; ')}.`,
      `The header is "Basic " and the base64 of client_id:client_secret, nothing else. Build it again — ${basicRecipe(shell)}.${tip}`,
    );
  }
  if (outcome === 'other_client') {
    return fail(
      'response',
      'response.error',
      `${seen}: ${where}, the client ID is not ${quote(ctx.clientId, 60)}.`,
      `Put ${app} client ID first, then a colon, then its client secret: client_id:client_secret.`,
    );
  }
  if (outcome === 'wrong_secret') {
    return fail(
      'response',
      'response.error',
      `${seen}: ${where}, the client ID is right but the secret is not ${app} client secret.`,
      ctx.practice
        ? ctx.appName
          ? `Copy the Client secret from the practice console (${ctx.appName} → Client secret → copy), and run the command again.`
          : 'Copy the Client secret from the practice console (My Web App → Client secret → copy), or press "Fill in my practice secret" above the command.'
        : "Copy the client secret again from your app's settings, completely.",
    );
  }
  return null;
}
