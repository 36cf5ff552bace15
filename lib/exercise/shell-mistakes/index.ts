/**
 * PKCE and Basic authentication done the usual wrong ways in a shell (issue 19, class 4),
 * and the shell a paste came from. Where the learner's verifier or credentials are known,
 * the values the usual recipes produce are computed and the one that matches names the
 * mistake; the fix is given in the learner's own shell.
 *
 * - pkce.ts: {@link pkceCandidates}, {@link diagnoseChallenge} (labels the practice server stores)
 * - basic.ts: {@link basicCandidates}, {@link diagnoseBasicHeader}, {@link diagnoseBasicUser}
 * - shell.ts: {@link detectShell}, {@link shellAdvice}, {@link toolAdvice}
 * - command.ts: {@link readPastedCommand}, the values a pasted command sent
 *
 * Pure and browser-safe (the practice server and the token step use it on the server, the
 * same code could run in the page): hashing is WebCrypto's `crypto.subtle.digest`, never
 * node:crypto. Every function bounds its input (a few KiB) and runs in linear time.
 * @see docs/decisions/012-shell-recipe-mistakes.md
 */
import type { ShellKind } from './shell';

export * from './basic';
export * from './command';
export * from './pkce';
export * from './shell';

/** Recipes are given for the two shells that can run them; cmd.exe and the console get PowerShell's and the page's button. */
type RecipeShell = 'posix' | 'powershell';

const S256_RECIPES: Record<RecipeShell, string> = {
  posix: `printf %s "$VERIFIER" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '='`,
  powershell:
    "[Convert]::ToBase64String([Security.Cryptography.SHA256]::Create().ComputeHash([Text.Encoding]::ASCII.GetBytes($verifier))).TrimEnd('=').Replace('+','-').Replace('/','_')",
};

const BASIC_RECIPES: Record<RecipeShell, string> = {
  posix: `curl -u "$CLIENT_ID:$CLIENT_SECRET" … (curl builds the header), or -H "Authorization: Basic $(printf %s "$CLIENT_ID:$CLIENT_SECRET" | openssl base64 -A)"`,
  powershell:
    '$basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${clientId}:${clientSecret}")); curl.exe -H "Authorization: Basic $basic" …',
};

/** The S256 recipe for `shell`, in words that say which shell it is for. */
export function s256Recipe(shell: ShellKind | null): string {
  switch (shell) {
    case 'powershell':
      return `in PowerShell: ${S256_RECIPES.powershell}`;
    case 'cmd':
      return `cmd.exe cannot hash a value; in PowerShell: ${S256_RECIPES.powershell}`;
    case 'browser':
    case 'posix':
      return `in bash/zsh: ${S256_RECIPES.posix}`;
    case null:
      return `in bash/zsh: ${S256_RECIPES.posix} — in PowerShell: ${S256_RECIPES.powershell}`;
  }
}

/** The Basic header recipe for `shell`. */
export function basicRecipe(shell: ShellKind | null): string {
  switch (shell) {
    case 'powershell':
      return `in PowerShell: ${BASIC_RECIPES.powershell}`;
    case 'cmd':
      return 'in cmd.exe: curl.exe -u "CLIENT_ID:CLIENT_SECRET" … (double quotes: single quotes would be sent too)';
    case 'browser':
    case 'posix':
      return `in bash/zsh: ${BASIC_RECIPES.posix}`;
    case null:
      return `in bash/zsh: ${BASIC_RECIPES.posix} — in PowerShell: ${BASIC_RECIPES.powershell}`;
  }
}
