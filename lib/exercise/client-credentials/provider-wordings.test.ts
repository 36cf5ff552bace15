/** Provider wordings of a refused client credentials request (issue 19): the cause and the console setting. */
import { describe, expect, it } from 'vitest';

import { explainClientCredentialsError } from './oauth-errors';

describe("Keycloak's client credentials refusals", () => {
  it('“Client not enabled to retrieve service account” is the Service accounts switch, not the credentials', () => {
    const explained = explainClientCredentialsError('unauthorized_client', 'Client not enabled to retrieve service account', {
      practice: false,
      kind: 'keycloak',
    });
    expect(explained?.code).toBe('client_credentials.grant_not_allowed');
    expect(explained?.meaning).toContain('no service account enabled');
    expect(explained?.hint).toContain('Service accounts roles');
  });
});
