/** Class 6: the lead result must be the root cause (a misspelt host is not a "use https" problem). */
import { authorizeUrl, CLIENT_ID, goodParams, STATE } from './fixtures';
import type { RealMistake } from './types';

export const CLASS_6: RealMistake[] = [
  {
    id: 'locahost-typo-answered-as-not-https',
    source: { url: 'https://github.com/okta/samples-js-angular/issues/121', title: 'Error when attempting to login' },
    class: 6,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams(), 'http://locahost:3000/oauth2/default/v1/authorize'),
    cause:
      'The learner typed "locahost" for "localhost"; because the host is not local, a rule about http reads as the problem, but the root cause is the misspelt host (adapted: the report is a misspelt Okta host name).',
    answer:
      'The host is "locahost" — a letter is missing from localhost. Fix it to http://localhost:3000/oauth2/default/v1/authorize; http is fine there, because localhost is this machine.',
    expect: {
      code: 'url.host_mismatch',
      mustMention: ['locahost', 'localhost:3000'],
      mustNotSay: ['use https', 'must (use|be) https', 'not https'],
    },
  },
  {
    id: 'okta-issuer-with-letters-swapped',
    source: { url: 'https://github.com/okta/okta-oidc-js/issues/381', title: 'More helpful error message when issuer/key discovery fails' },
    class: 6,
    step: 'setup',
    server: 'okta',
    input: { issuer: 'https://dev-4829115.otka.com/oauth2/default', clientId: CLIENT_ID },
    cause:
      'The learner typed "otka" for "okta" in the issuer, so the host does not exist (the report asks for exactly this: say the domain is probably mistyped).',
    answer:
      'The issuer\'s host dev-4829115.otka.com does not exist — "okta" is spelt "otka". Your issuer is https://dev-4829115.okta.com/oauth2/default (copy it from the Okta Admin Console, Security → API → default → Issuer URI).',
    expect: {
      code: 'issuer.unreachable',
      mustMention: ['otka', 'okta\\.com'],
      mustNotSay: ['firewall', 'server (is|may be) down', 'try again later'],
    },
  },
  {
    id: 'okta-admin-console-domain-as-issuer',
    holdout: true,
    source: { url: 'https://github.com/oktadev/okta-kong-origin-example/issues/6', title: 'problem with authentication' },
    class: 6,
    step: 'setup',
    server: 'okta',
    input: { issuer: 'https://dev-4829115-admin.okta.com/oauth2/default', clientId: CLIENT_ID },
    cause:
      "The learner copied the domain from the Admin Console's address bar (dev-4829115-admin.okta.com); its metadata names the issuer https://dev-4829115.okta.com/oauth2/default.",
    answer:
      'You entered the Admin Console\'s domain, dev-4829115-admin.okta.com: the server there says its issuer is https://dev-4829115.okta.com/oauth2/default (without "-admin"). Enter that as the issuer.',
    expect: {
      code: 'issuer.mismatch',
      mustMention: ['-admin', 'dev-4829115\\.okta\\.com/oauth2/default'],
      mustNotSay: ['trailing slash'],
    },
  },
  {
    id: 'okta-issuer-without-okta-label',
    source: { url: 'https://github.com/okta/samples-js-angular/issues/121', title: 'Error when attempting to login' },
    class: 6,
    step: 'setup',
    server: 'okta',
    input: { issuer: 'https://dev-4829115.com/oauth2/default', clientId: CLIENT_ID },
    cause:
      'The learner wrote the Okta domain without ".okta" (https://dev-4829115.com), a host that does not resolve, as in the report\'s ISSUER setting.',
    answer:
      'dev-4829115.com is not an Okta host: Okta developer domains end in .okta.com. Your issuer is https://dev-4829115.okta.com/oauth2/default.',
    expect: {
      code: 'issuer.unreachable',
      mustMention: ['dev-4829115\\.com', '\\.okta\\.com'],
      mustNotSay: ['firewall', 'try again later'],
    },
  },
  {
    id: 'port-3001-in-authorization-url',
    source: {
      url: 'https://github.com/esbenp/lumen-api-oauth/issues/20',
      title: 'cURL error 7: Failed to connect to oauthlumen.dev port 80: Connection refused',
    },
    class: 6,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams(), 'http://localhost:3001/oauth2/default/v1/authorize'),
    cause: "The learner's URL uses port 3001 (where their own app runs) instead of the practice server's port 3000.",
    answer:
      'The URL points at localhost port 3001, but the practice server is on port 3000: http://localhost:3000/oauth2/default/v1/authorize. Change the port; everything else in your URL is right.',
    expect: {
      code: 'url.host_mismatch',
      mustMention: ['3001', '3000'],
      mustNotSay: ['use https', 'not https'],
    },
  },
  {
    id: 'okta-policy-evaluation-failed-is-not-a-refusal',
    holdout: true,
    source: {
      url: 'https://github.com/oktadev/okta-wordpress-sign-in-widget/issues/35',
      title: '`Policy evaluation failed for this request. please check the policy configurations.` error',
    },
    class: 6,
    step: 'redirect',
    server: 'okta',
    input: `http://localhost:3000/redirect?state=${STATE}&error=access_denied&error_description=Policy+evaluation+failed+for+this+request%2C+please+check+the+policy+configurations.`,
    cause:
      "The Okta authorization server's access policies have no rule that lets this app use the authorization code grant, so Okta answered access_denied without asking the user anything.",
    answer:
      'access_denied here does not mean you refused anything: Okta found no access policy rule for this app. In the Admin Console open Security → API → Authorization Servers → default → Access Policies, add a policy assigned to your app with a rule allowing the Authorization Code grant (and Refresh Token), then click Log In again.',
    expect: {
      code: 'redirect.error',
      mustMention: ['access polic', 'Authorization Code|rule'],
      mustNotSay: ['you (clicked|chose|denied)', 'cancel'],
    },
  },
  {
    id: 'keycloak-realm-name-misspelt',
    source: { url: 'https://github.com/okta/okta-oidc-js/issues/381', title: 'More helpful error message when issuer/key discovery fails' },
    class: 6,
    step: 'setup',
    server: 'keycloak',
    input: { issuer: 'https://sso.cs.example.edu/realms/oauth-cource', clientId: 'oauth-lab' },
    cause:
      'The learner misspelt the realm ("oauth-cource" for "oauth-course"), so Keycloak answers {"error":"Realm does not exist"} at the well-known URL (adapted: the report is the same unhelpful 404 for a wrong Okta issuer).',
    answer:
      'Keycloak says the realm "oauth-cource" does not exist — it is spelt oauth-course. Use https://sso.cs.example.edu/realms/oauth-course as the issuer.',
    expect: {
      code: 'issuer.no_metadata',
      mustMention: ['oauth-cource', 'realm'],
      mustNotSay: ['authorization endpoint instead of the issuer', 'web page'],
    },
  },
];
