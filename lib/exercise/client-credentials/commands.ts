/**
 * The client credentials request as the Machine to Machine step shows it, for bash/zsh and
 * for PowerShell (curl.exe): with `-u` and the secret in a shell variable read without
 * echo, with a curl config file (`--config`), and with a netrc file (`--netrc-file`). The
 * secret is never typed into a command line (shell history, process lists) nor put in a
 * URL; the files are made readable by their owner only where the shell can say so.
 *
 * Pure: strings in, strings out.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 * @see https://curl.se/docs/manpage.html#-K
 * @see https://curl.se/docs/manpage.html#--netrc-file
 */
import { parseUrl } from '../authorize-url/normalize';

export type CommandShell = 'bash' | 'powershell';
export type CommandVariant = 'basic' | 'config' | 'netrc';

export interface CommandInput {
  /** The token endpoint the request goes to. */
  tokenEndpoint: string;
  /** The service app's client ID. */
  clientId: string;
  /** The custom scope to ask for (default `api:read`). */
  scope?: string;
}

/** The curl config file's name the commands write and read. */
export const CONFIG_FILE = 'service.curlrc';
/** The netrc file's name the commands write and read. */
export const NETRC_FILE = 'service.netrc';

/** A bash word that stays exactly `value`: single quotes, a single quote inside as '\''. */
export const bashQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;
/** A PowerShell literal string: single quotes, a single quote inside doubled. */
export const powershellQuote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

const quoteFor = (shell: CommandShell) => (shell === 'bash' ? bashQuote : powershellQuote);

/** The form fields every variant sends: the grant and the scope (form-encoded by curl's --data-urlencode when needed). */
function formFields(input: CommandInput, shell: CommandShell): string {
  const scope = input.scope ?? 'api:read';
  const q = quoteFor(shell);
  const field = /^[\w:.~-]+$/.test(scope) ? `-d scope=${scope}` : `--data-urlencode ${q(`scope=${scope}`)}`;
  return `-d grant_type=client_credentials ${field}`;
}

/** Reads the secret without showing it or keeping it in the shell's history (bash and zsh alike). */
function readSecret(shell: CommandShell): string {
  return shell === 'bash'
    ? // No read -p: zsh (macOS's shell) reads -p as "from the coprocess".
      "printf 'Client secret: '; read -rs CLIENT_SECRET; echo"
    : "$secret = [Net.NetworkCredential]::new('', (Read-Host -AsSecureString 'Client secret')).Password";
}

/** `curl -u "$CLIENT_ID:$CLIENT_SECRET" …`: curl builds the Basic header; the secret comes from a variable. */
export function basicAuthCommand(input: CommandInput, shell: CommandShell): string {
  const q = quoteFor(shell);
  const endpoint = q(input.tokenEndpoint);
  if (shell === 'bash') {
    return [
      `CLIENT_ID=${bashQuote(input.clientId)}`,
      readSecret('bash'),
      `curl -u "$CLIENT_ID:$CLIENT_SECRET" ${formFields(input, shell)} ${endpoint}`,
    ].join('\n');
  }
  return [
    `$clientId = ${powershellQuote(input.clientId)}`,
    readSecret('powershell'),
    `curl.exe -u "\${clientId}:\${secret}" ${formFields(input, shell)} ${endpoint}`,
  ].join('\n');
}

/** The secret kept in a curl config file (`user = "id:secret"`), read with `curl --config`. */
export function configFileCommand(input: CommandInput, shell: CommandShell): string {
  const request = `--config ${CONFIG_FILE} ${formFields(input, shell)} ${quoteFor(shell)(input.tokenEndpoint)}`;
  if (shell === 'bash') {
    return [
      readSecret('bash'),
      `(umask 077; printf 'user = "%s:%s"\\n' ${bashQuote(input.clientId)} "$CLIENT_SECRET" > ${CONFIG_FILE}); unset CLIENT_SECRET`,
      `curl ${request}`,
    ].join('\n');
  }
  return [
    readSecret('powershell'),
    // ASCII: Windows PowerShell's default file encodings (UTF-16, or UTF-8 with a BOM) are not read by curl.
    `Set-Content -Path ${CONFIG_FILE} -Encoding ascii -Value ('user = "' + ${powershellQuote(input.clientId)} + ':' + $secret + '"'); Remove-Variable secret`,
    `curl.exe ${request}`,
  ].join('\n');
}

/** The secret kept in a netrc file for the token endpoint's host, read with `curl --netrc-file`. */
export function netrcCommand(input: CommandInput, shell: CommandShell): string {
  const host = parseUrl(input.tokenEndpoint)?.hostname ?? input.tokenEndpoint;
  const request = `--netrc-file ${NETRC_FILE} ${formFields(input, shell)} ${quoteFor(shell)(input.tokenEndpoint)}`;
  if (shell === 'bash') {
    return [
      readSecret('bash'),
      `(umask 077; printf 'machine %s login %s password %s\\n' ${bashQuote(host)} ${bashQuote(input.clientId)} "$CLIENT_SECRET" > ${NETRC_FILE}); unset CLIENT_SECRET`,
      `curl ${request}`,
    ].join('\n');
  }
  return [
    readSecret('powershell'),
    `Set-Content -Path ${NETRC_FILE} -Encoding ascii -Value ('machine ' + ${powershellQuote(host)} + ' login ' + ${powershellQuote(input.clientId)} + ' password ' + $secret); Remove-Variable secret`,
    `curl.exe ${request}`,
  ].join('\n');
}

/** One variant's command in one shell. */
export function clientCredentialsCommand(input: CommandInput, variant: CommandVariant, shell: CommandShell): string {
  switch (variant) {
    case 'basic':
      return basicAuthCommand(input, shell);
    case 'config':
      return configFileCommand(input, shell);
    case 'netrc':
      return netrcCommand(input, shell);
  }
}

/** Every variant in both shells, as the step page lists them. */
export function clientCredentialsCommands(input: CommandInput): Record<CommandVariant, Record<CommandShell, string>> {
  const both = (variant: CommandVariant) => ({
    bash: clientCredentialsCommand(input, variant, 'bash'),
    powershell: clientCredentialsCommand(input, variant, 'powershell'),
  });
  return { basic: both('basic'), config: both('config'), netrc: both('netrc') };
}
