import { describe, expect, it } from 'vitest';

import { bashQuote, clientCredentialsCommand, clientCredentialsCommands, CONFIG_FILE, NETRC_FILE, powershellQuote } from './commands';

const INPUT = { tokenEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/token', clientId: '0oa7SERVICEk4pZ9x5d7' };

describe('the client credentials commands the step shows', () => {
  const all = clientCredentialsCommands(INPUT);

  it('has every variant in bash and in PowerShell with curl.exe', () => {
    for (const variant of ['basic', 'config', 'netrc'] as const) {
      expect(all[variant].bash.split('\n').at(-1)).toMatch(/^curl /);
      expect(all[variant].powershell.split('\n').at(-1)).toMatch(/^curl\.exe /);
    }
  });

  it('always asks for the client credentials grant and a custom scope, at the token endpoint', () => {
    for (const both of Object.values(all)) {
      for (const command of Object.values(both)) {
        expect(command).toContain('-d grant_type=client_credentials -d scope=api:read');
        expect(command).toContain(`'${INPUT.tokenEndpoint}'`);
        expect(command).not.toMatch(/client_secret=|\?/);
      }
    }
  });

  it('reads the secret without echo and never writes it into the command', () => {
    expect(all.basic.bash).toBe(
      [
        "CLIENT_ID='0oa7SERVICEk4pZ9x5d7'",
        "printf 'Client secret: '; read -rs CLIENT_SECRET; echo",
        `curl -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=api:read '${INPUT.tokenEndpoint}'`,
      ].join('\n'),
    );
    expect(all.basic.powershell).toContain("Read-Host -AsSecureString 'Client secret'");
    expect(all.basic.powershell).toContain('curl.exe -u "${clientId}:${secret}"');
  });

  it('keeps the secret in a curl config file or a netrc file only the owner can read (bash)', () => {
    expect(all.config.bash).toContain(
      `(umask 077; printf 'user = "%s:%s"\\n' '0oa7SERVICEk4pZ9x5d7' "$CLIENT_SECRET" > ${CONFIG_FILE}); unset CLIENT_SECRET`,
    );
    expect(all.config.bash).toContain(`curl --config ${CONFIG_FILE} `);
    expect(all.netrc.bash).toContain(
      `printf 'machine %s login %s password %s\\n' 'dev-123456.okta.com' '0oa7SERVICEk4pZ9x5d7' "$CLIENT_SECRET" > ${NETRC_FILE}`,
    );
    expect(all.netrc.bash).toContain(`curl --netrc-file ${NETRC_FILE} `);
  });

  it('writes the files as ASCII in PowerShell, which curl can read', () => {
    expect(all.config.powershell).toContain(`Set-Content -Path ${CONFIG_FILE} -Encoding ascii`);
    expect(all.netrc.powershell).toContain(`Set-Content -Path ${NETRC_FILE} -Encoding ascii -Value ('machine ' + 'dev-123456.okta.com'`);
    expect(all.config.powershell).toContain(`curl.exe --config ${CONFIG_FILE} `);
  });

  it('quotes values for each shell', () => {
    expect(bashQuote("it's")).toBe(`'it'\\''s'`);
    expect(powershellQuote("it's")).toBe(`'it''s'`);
    const odd = clientCredentialsCommand({ ...INPUT, clientId: "a'b", scope: 'read write' }, 'basic', 'bash');
    expect(odd).toContain(`CLIENT_ID='a'\\''b'`);
    expect(odd).toContain(`--data-urlencode 'scope=read write'`);
  });

  it('uses the scope asked for', () => {
    expect(clientCredentialsCommand({ ...INPUT, scope: 'read:photos' }, 'netrc', 'powershell')).toContain('-d scope=read:photos');
  });
});
