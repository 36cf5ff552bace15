/**
 * Values shared by the cases, computed once with Node's crypto (sha256, base64url) and GNU
 * coreutils/OpenSSL 3 where a case shows a shell recipe, so every challenge, Basic header and
 * wrapped line below is what those tools really print for the verifier or secret next to it.
 * The JWTs are structurally real RS256 tokens with the practice server's claims (Okta's
 * shape), signed with a throwaway key: a runner that verifies signatures re-mints them with
 * the practice keys from the same claims (times below; iat of TOKENS.AT_CODE = 2026-03-10T10:14:05Z).
 */

export const ISSUER = 'http://localhost:3000/oauth2/default';
export const AUTHORIZE_ENDPOINT = `${ISSUER}/v1/authorize`;
export const TOKEN_ENDPOINT = `${ISSUER}/v1/token`;
export const REDIRECT_URI = 'http://localhost:3000/redirect';
export const CLIENT_ID = '0oa8f3k2EXAMPLE';
/** 40 base64url characters, as the practice console's secrets are. */
export const CLIENT_SECRET = 'vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBh';
export const OKTA_ISSUER = 'https://dev-4829115.okta.com/oauth2/default';
export const STATE = 'wxdMg1Rrq6ZiuGEtYXXueg';
export const STATE_OLD = 'XJXzRuaEGFWWQSY4SsnhSA';
export const CODES = {
  a: 'tihNWmj8B7TF8dOE3_2KfOl1gkQC8Hs_IFU9jp6Vd1Q',
  b: 'OLfudoXOz2_FEJkmTD3DjovozRiGEikwO9daCLN5t-Y',
  c: '4wTHvUq9WKB4hSmzobhJcTMb6sHO_n5ElN7CQ9eenkU',
  d: 'MJHTOd7T4tB8heeLVDmV_8hoRro5LIX_8AtGCmJpYRo',
  e: '0CF7pRnjtvOOvq370QRzyQLeANbL26FBgL_IfG7ILew',
  f: 'TywCTC2SOzJF_mcvqqxBJEKGhHRK54UFZNA0ayk2WiA',
};

/** verifier → challenge pairs; `right` is base64url(sha256(verifier)) without padding. */
export const PKCE = {
  ok: { verifier: 'dQ_4G8b3WiYwphZdwwWLyolOgq-Dq7NNkvqaHhlKpZ8', challenge: 'HPBV3K7PyJJ0xm5jyr0HTZy50Sfa_R1UV-svtjOzPS0' },
  /** `echo "$V" | openssl dgst -binary -sha256 | openssl base64 | tr '+/' '-_' | tr -d '='` hashes V plus a newline. */
  newline: {
    verifier: 'SgS_cFboYqhpk6eGG-NYBhvF1ecHpTkDO8z8cPzPfFo',
    challengeOfVerifierAndNewline: 'tPz4x4GhMSjZY38L6Vvj4LWicG-kdHnupgfHjjgmiG8',
    right: '_eHocfnK5z2J9EPWpUd9-Z5-e5xRRIurUZgP1V_Tn48',
  },
  /** Stack Overflow 59911194's own values (Okta's PKCE demo). */
  stackOverflow: {
    verifier: 'Zg6klgrnixQJ629GsawRMV8MjWvwRAr-vyvP1MHnB6X8WKZN',
    right: 'iF_7prUeJ6rr3jMG3LmhW3R1cZ2ecZavFqS0jtb6tzo',
    base64: 'iF/7prUeJ6rr3jMG3LmhW3R1cZ2ecZavFqS0jtb6tzo=',
    base64OfHex: 'ODg1ZmZiYTZiNTFlMjdhYWViZGUzMzA2ZGNiOWExNWI3NDc1NzE5ZDllNzE5NmFmMTZhNGI0OGVkNmZhYjczYQ==',
  },
  /** `echo -n "$V" | openssl dgst -sha256 | base64 | tr '+/' '-_' | tr -d '='`: the text "SHA2-256(stdin)= <hex>\\n", wrapped at 76. */
  dgstText: {
    verifier: 'qBV9cjyWc-l3r3CY-JxIivm7FCulh8dznWA-Z0fgtHE',
    printed: 'U0hBMi0yNTYoc3RkaW4pPSBlOGMxNjA5YzA5NDg1ZTJjOTQwODlkYWI5MmYzYTMwYTljZjFiMGNi\nZjU0Zjc0Yjg2MWVmMDAxMTRlZWE5NzQzCg',
    right: '6MFgnAlIXiyUCJ2rkvOjCpzxsMv1T3S4Ye8AEU7ql0M',
  },
  /** PowerShell Get-FileHash prints the digest as upper-case hex. */
  upperHex: {
    verifier: '0OQhE0penxs4fBLLUdRDh1BCpJCO-MfSXnBYbQcFLHo',
    printed: 'C6F3A714E01C427C92A108E4350517452807AABE32496BFA46840D853EDFBB96',
    right: 'xvOnFOAcQnySoQjkNQUXRSgHqr4ySWv6RoQNhT7fu5Y',
  },
  plus: {
    verifier: 'xXnZR6cxlAXr9SbOqfChFLkcrasizKmB5Z0VRn5E5-s',
    base64: 'wjpOGL4jGPwh+M3am3As3Jg0brBPTgQ3WqFiozwG1HQ=',
    right: 'wjpOGL4jGPwh-M3am3As3Jg0brBPTgQ3WqFiozwG1HQ',
  },
  padded: { verifier: 'jcL9kB5PwUh4NqYADtw31-ZC7asNPtbi0d0d36T4cJw', printed: '5Km1Sy5TZG01fiYZwKD9jWzlYMYP36L-YqgU-jlmoCA=' },
  uuid: { verifier: '3f0b8c52-9d1e-4a7b-b6c3-2e5f7a9d0c14', challenge: 'YsJK-EixLvruVQHkh77pgw7f32Mp4afK2d_fXxvz21U' },
  older: { verifier: 'NY2G7e8wZkhTV7aEl9fjMb7BrrmbkODQdsOklMezOGM', challenge: 'x_gKYbsxafv_5P-E-y7Pg_63-iFHE0vyAK0TtZGybE4' },
  newer: { verifier: 'gkTQmLj0lBUi_NacBOiXdTCEsDQOxH4eiFpssa1w4RI', challenge: '2Y2q62igEUWZGAeAFsfOMvaHSKclxH2ZtzKFohi3lAc' },
};

/** Basic credentials as the shell recipes print them. */
export const BASIC = {
  /** `echo -n "${CLIENT_ID}:${CLIENT_SECRET}" | base64` (76 characters, one line). */
  ok: 'MG9hOGYzazJFWEFNUExFOnZTc2FyMzcwOEp2cDlTemkyTldaWjAyQnFwMXFSQ0ZwYmNUWlBkQmg=',
  /** The same with `echo` (no -n): the newline is encoded as the final "gK". */
  withNewline: 'MG9hOGYzazJFWEFNUExFOnZTc2FyMzcwOEp2cDlTemkyTldaWjAyQnFwMXFSQ0ZwYmNUWlBkQmgK',
  /** A 20-character practice client ID and the secret: 84 characters, wrapped at 76 by GNU base64. */
  longClientId: '0oa7Qm2xZ9EXAMPLEr4T',
  wrapped: 'MG9hN1FtMnhaOUVYQU1QTEVyNFQ6dlNzYXIzNzA4SnZwOVN6aTJOV1paMDJCcXAxcVJDRnBiY1Ra\nUGRCaA==',
};

export const TOKENS = {
  /** 2026-03-10T10:14:05Z */
  T: 1773137645,
  AT_CODE:
    'eyJraWQiOiJwM1p4OVFtTDJ2Ujd0QjRuVzh5S2MxSGQ2SmYwR3M1YUUtdUlfb1kzcTJFIiwiYWxnIjoiUlMyNTYifQ.eyJ2ZXIiOjEsImp0aSI6IkFULkgwRDhrdG9rRnBSMUNYbnViUFdDOHRYWDBvNFlNMTNnV3J4VTBGWU9EMU0iLCJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAvb2F1dGgyL2RlZmF1bHQiLCJhdWQiOiJhcGk6Ly9kZWZhdWx0IiwiaWF0IjoxNzczMTM3NjQ1LCJleHAiOjE3NzMxNDEyNDUsImNpZCI6IjBvYThmM2syRVhBTVBMRSIsInVpZCI6IjAwdTVscTh2RVhBTVBMRSIsInNjcCI6WyJvZmZsaW5lX2FjY2VzcyIsImFwaTpyZWFkIl0sImF1dGhfdGltZSI6MTc3MzEzNzYwNSwic3ViIjoibGVhcm5lckBleGFtcGxlLmNvbSJ9.R1u1rH1v6k9bdKyHF_JKJ6d9A-vh5Xc3hLF6B5bzxoB3cV3fgENSkOuEKzaYkkPsWRNwAVh6UMNQDRCeSvaHczECxvNBmgZjZuFsA8TwEr5HsWULggxJYPVXihu47ScgYtu-1c70s5sBScfBSITf8IKUCjZtsz1AyQJbNT-yGflmu8H7peF2uUQr-XmAl7uf6d7_0QmnUXXDN_1kFjhf24ep20cFhsgoLe1aRTncjecbG6uXy_eV4KWcqzTKvLHzfVquqH256cU4ZRrLCg_c9zdrKIceG6KATgjXUH9IoRJPnvaF0DgMTcA74pRfGqfPJRWFx1loPDtaiJOqSEBhoQ',
  AT_REFRESHED:
    'eyJraWQiOiJwM1p4OVFtTDJ2Ujd0QjRuVzh5S2MxSGQ2SmYwR3M1YUUtdUlfb1kzcTJFIiwiYWxnIjoiUlMyNTYifQ.eyJ2ZXIiOjEsImp0aSI6IkFULlVtZDJpQ0x1WWsxSV9PRmV4Y3A1eTlZQ3kzOU1JVmVsRmxWcGtmSXUtTWMiLCJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAvb2F1dGgyL2RlZmF1bHQiLCJhdWQiOiJhcGk6Ly9kZWZhdWx0IiwiaWF0IjoxNzczMTM4OTA1LCJleHAiOjE3NzMxNDI1MDUsImNpZCI6IjBvYThmM2syRVhBTVBMRSIsInVpZCI6IjAwdTVscTh2RVhBTVBMRSIsInNjcCI6WyJvZmZsaW5lX2FjY2VzcyIsImFwaTpyZWFkIl0sImF1dGhfdGltZSI6MTc3MzEzNzYwNSwic3ViIjoibGVhcm5lckBleGFtcGxlLmNvbSJ9.AsprX_fkmKPboSDBEfw2zbWRXE6PDy0nniOSDHYdwKLYrzP-omgxIi3Z0lM5OpQHQHpj3zNzS2ciq3b8fxyUAhW-TCkBMyPFiPYghATsF5CiTLtLDpb2bUJvZRLio0IWCFit2Q-M9-wt0xiebWShKH6OfQClnh0CqhZoPAs-zp5oFpMvAfCfvidUDT7mv7bYE3JO2-qOlgc4lz70cubb2yzcq7fztxMf0hhO83zFDy7maNF5-UuqRwzhoMnPtfP6UlRGSEoeOsOtv_IMmT9xx9SCRSlAovhEH6mA81lH6Ad-Yk20a4PDvKWNsPZVq332kAti_HFscXzcAtyBXS8bmA',
  AT_CC:
    'eyJraWQiOiJwM1p4OVFtTDJ2Ujd0QjRuVzh5S2MxSGQ2SmYwR3M1YUUtdUlfb1kzcTJFIiwiYWxnIjoiUlMyNTYifQ.eyJ2ZXIiOjEsImp0aSI6IkFULnJNS05zcjYzdEN1cUhMQWtQVUFjeTA0X3prVFhzQ2g1cFNlWnF0XzFRVkkiLCJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAvb2F1dGgyL2RlZmF1bHQiLCJhdWQiOiJhcGk6Ly9kZWZhdWx0IiwiaWF0IjoxNzczMTM3OTQ1LCJleHAiOjE3NzMxNDE1NDUsImNpZCI6IjBvYThmM2syRVhBTVBMRSIsInNjcCI6WyJhcGk6cmVhZCJdLCJzdWIiOiIwb2E4ZjNrMkVYQU1QTEUifQ.SGtS-u5V_H7ruKQwbgciOwrS8VGyhfpPBhVAO5X8qkVXf8fX4mzdhyleauyooGRV7Md_pX5hnnA9UvIgANohcQlZ-bM7XAdSHvqhGDsEqohNcTmeZJH17b1qg80IytSh_a0uOPsQzNFMczgryeMIroTHv8xis26P5LgKgyM3Irfsl7zQwp4-VK560jqnQsUr_j7RYgw0uFyS1zVHMwUzCmN3fpJEZxR2cJOFT-VtfxlxucH61ByFPQX4CJhkKvxjdIPBBR8oWVBby-WhiXEwr1M7Hv8SqF8Vpil581yC1EmzyNnc9y_M2wIOeYAL3TNT3wC26XB1RlvLmp7afTtLkw',
  AT_NOOFFLINE:
    'eyJraWQiOiJwM1p4OVFtTDJ2Ujd0QjRuVzh5S2MxSGQ2SmYwR3M1YUUtdUlfb1kzcTJFIiwiYWxnIjoiUlMyNTYifQ.eyJ2ZXIiOjEsImp0aSI6IkFULlNQc1FzVjg5UktDZHlDMENzR1dCNE1ER2xIakpfU3o0LVFrMldRR2FGb2MiLCJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAvb2F1dGgyL2RlZmF1bHQiLCJhdWQiOiJhcGk6Ly9kZWZhdWx0IiwiaWF0IjoxNzczMTM4MjQ1LCJleHAiOjE3NzMxNDE4NDUsImNpZCI6IjBvYThmM2syRVhBTVBMRSIsInVpZCI6IjAwdTVscTh2RVhBTVBMRSIsInNjcCI6WyJhcGk6cmVhZCJdLCJhdXRoX3RpbWUiOjE3NzMxMzgyMDUsInN1YiI6ImxlYXJuZXJAZXhhbXBsZS5jb20ifQ.ahp3HlPHnWoZ8l8NDrPPczxbNToOq56FwgHnj4bmRNRZ-Cuft7VVyK7VjloPLpz5PBFy7mqLkkhwTeITkskdr8URrrsH5xvcW6VC9uJMzPWMbPxDlRrm5l9r1bGwIrfCDxGU3VU2KyrdWdSVb6PWlJrYCRxhbs8WqOEuAUvMF-ZWSYlMQ-pbhKgZF48MQhj6kcnBqn11jr5XpPqrJ4rXcK_cOIz48yUt_Ay7F7eC0EU4kmhkfMxh_bn2n28_ZuFVNLHec_WFIgHCHPPdLcIwwXT6Tu-CDXFU3wubR7iSMEZdTUisR6VORUxpyaiATP29Vd0SsHr1jJWvCTwKyHS4Dw',
  AT_NEWLOGIN:
    'eyJraWQiOiJwM1p4OVFtTDJ2Ujd0QjRuVzh5S2MxSGQ2SmYwR3M1YUUtdUlfb1kzcTJFIiwiYWxnIjoiUlMyNTYifQ.eyJ2ZXIiOjEsImp0aSI6IkFULmg4Vm80RGVsLWxDeHZKRWVqdUdhZDhUZFBDSzg2Wk12aHYzWW9oYXY0V2ciLCJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAvb2F1dGgyL2RlZmF1bHQiLCJhdWQiOiJhcGk6Ly9kZWZhdWx0IiwiaWF0IjoxNzczMTQwNTg1LCJleHAiOjE3NzMxNDQxODUsImNpZCI6IjBvYThmM2syRVhBTVBMRSIsInVpZCI6IjAwdTVscTh2RVhBTVBMRSIsInNjcCI6WyJvZmZsaW5lX2FjY2VzcyIsImFwaTpyZWFkIl0sImF1dGhfdGltZSI6MTc3MzE0MDU4MCwic3ViIjoibGVhcm5lckBleGFtcGxlLmNvbSJ9.lQvomoeQ37lQL00dvP64E1c77cEnYmWwA8A40-Uq50dF-a558K0E4IeC0kmhIglPGBSRwAyAoiV1T_y_AhyHXZSvWHHTfzDtNinNUEYwxWvFWxE8Xxo-aloD-xht82RJnjazrgMGbT_CZ6if-2aT9SUr6D9Cp_LuBhG4hIY17Ad6hqRRi3b9J2-m_KdhZ5koDnplpNvZ0I3ZLq_yRg9-hcyM7FMjnxL1drmxJod02kZZUCg4FKU70UUjc1h0d1Tn-ARVE6ocD7fzb-eukRivGWWNCFphCUueEteUv6hYZ-PRkQR0nqGr_z_5-ZSzhXvfuBmkm8B1kUb94A5XZzokKA',
  AT_OKTA:
    'eyJraWQiOiJYcTFuQjh2UjNtTDZ0SzlwVzJ5WjVjRjdoSjBkUzRnQSIsImFsZyI6IlJTMjU2In0.eyJ2ZXIiOjEsImp0aSI6IkFULmNSd2lSSTV5SGxTUjJDUmJTVUphcUdIeF9Fb1ZLSDhITmVJRGVadGx6XzQiLCJpc3MiOiJodHRwczovL2Rldi00ODI5MTE1Lm9rdGEuY29tL29hdXRoMi9kZWZhdWx0IiwiYXVkIjoiYXBpOi8vZGVmYXVsdCIsImlhdCI6MTc3MzEzNzY0NSwiZXhwIjoxNzczMTQxMjQ1LCJjaWQiOiIwb2E4ZjNrMkVYQU1QTEUiLCJ1aWQiOiIwMHU5dzJrN0VYQU1QTEUiLCJzY3AiOlsib2ZmbGluZV9hY2Nlc3MiLCJvcGVuaWQiXSwiYXV0aF90aW1lIjoxNzczMTM3NjE1LCJzdWIiOiJhbmEuc291emFAZXhhbXBsZS5jb20ifQ.o2nO_ZKaB8hvNMleTT6IkKY79JP2H7FU7VSjyhsCsbL0rVLiM-vP0cyt5bxISpq17VifLh602dJJWJ83vl9_5rK6amgX53_D4BWQ1h8Dqlbuqrk5hptP3so6-Hnyf3d07MIrpCcnp09AVZ3ONSQ4VzYTHGWH1SZ9b1NBCL-RmTToyqC6btw1nauByMz8XT7MAY6PUPRD2uaq4xjBBBVnH2ZNXtnuqJshmgwCDXrCu--YZKDBnudoy3xx0qjZsDrFpJ714TKCQ_Y-lBJ5iF2gftNw3p2IxSwESuHMX6sQl4JSfhTpausDAQyL95IbqTE1vmaMwXME5R0SpZP8_WwvqQ',
  ID_AUTH0:
    'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IlFrM01SamM0UXpRMVJrRTJSREJFUWpFMk1EZzRRelEwTlRBNU5VRTNNVGMifQ.eyJuaWNrbmFtZSI6ImFuYS5zb3V6YSIsIm5hbWUiOiJhbmEuc291emFAZXhhbXBsZS5jb20iLCJwaWN0dXJlIjoiaHR0cHM6Ly9zLmdyYXZhdGFyLmNvbS9hdmF0YXIvM2YxYzVhP3M9NDgwJnI9cGcmZD1odHRwcyUzQSUyRiUyRmNkbi5hdXRoMC5jb20lMkZhdmF0YXJzJTJGYW4ucG5nIiwidXBkYXRlZF9hdCI6IjIwMjYtMDMtMTBUMTA6MTM6MzEuNDEyWiIsImVtYWlsIjoiYW5hLnNvdXphQGV4YW1wbGUuY29tIiwiZW1haWxfdmVyaWZpZWQiOnRydWUsImlzcyI6Imh0dHBzOi8vZGV2LWszeDdxMi51cy5hdXRoMC5jb20vIiwiYXVkIjoicTlYdzNFWEFNUExFYUJjRGVGZ0hpSmtMbU5vUHFSc1QiLCJzdWIiOiJhdXRoMHw2NWYxYzBhOWU0YjJkM2Y2YTdjOGI5ZDAiLCJpYXQiOjE3NzMxMzc2NDUsImV4cCI6MTc3MzE3MzY0NSwic2lkIjoiYlY3eHEyS3A5TG1OM3JUNXdZOHpDMWRGNGdINmpKMGsifQ.bjRrxULxkMCquqdNHb-Z94pYF6XV54Ufug5J1qA5GctQNVtL0LWu9medgff-8HcNn0KagVl7zvdNhUwMTL79UAMPDLJWDg9U0ZzPWdDSOzXKbxPsaB1hbxXrZqQeKyDZSgbY3qI2IgwWh7R9DBrvjfQzfdzYLl64QUmE5HKnVbqy2TEuFYomimIqV6pwMDUr6z0OYdqT9rIa7ClqlBktOUb6pioTEg60oavx9YChxgcIIIjzxz0XQt_EemfzkAimxvBQII85S7uCiiR0Hwu70aH_le-8MSUIJtYAwU5rfXUgVFnZo9K0gx77tIea4BRB6lPpWceQpBDa8tOsUncFBw',
  RT_A: 'XT1x1wS_NFsI9b65xP9hyZrLy2IKjV6ROSMV6HSdhzs',
  RT_B: 'VW9jtasg9nN0XTv8tDyIJX89B1gyhpSxLKyAbnwhlz0',
  RT_C: 'QlpAHhPoSUjRWPtVKnR4McXETnIacTTaVnTtx1-Am9g',
  AUTH0_RT: 'v1.MH02LUINWzl3FOtnwjLWozbcn6GL0l430wmVpYb2nrPtgzXaN_ASOLn-NTv7widXDhp5Ik5Nmjs3YaKjSE3vcLg',
  /** An Auth0 JWT access token for an API audience (no offline_access granted). */
  AUTH0_JWT_AT:
    'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IlFrM01SamM0UXpRMVJrRTJSREJFUWpFMk1EZzRRelEwTlRBNU5VRTNNVGMifQ.eyJpc3MiOiJodHRwczovL2Rldi1rM3g3cTIudXMuYXV0aDAuY29tLyIsInN1YiI6ImF1dGgwfDY1ZjFjMGE5ZTRiMmQzZjZhN2M4YjlkMCIsImF1ZCI6WyJodHRwczovL2FwaS5vYXV0aC1sYWIuZXhhbXBsZSIsImh0dHBzOi8vZGV2LWszeDdxMi51cy5hdXRoMC5jb20vdXNlcmluZm8iXSwiaWF0IjoxNzczMTM3NjQ1LCJleHAiOjE3NzMyMjQwNDUsInNjb3BlIjoib3BlbmlkIHByb2ZpbGUgZW1haWwiLCJhenAiOiJxOVh3M0VYQU1QTEVhQmNEZUZnSGlKa0xtTm9QcVJzVCJ9.fw59fNE10feL6quynJVhNknzvY9Swty7lISkRVRNOj7jsmjqDRkvz5KjqQ88HbD4_OP-P1O2T4l7rBIfyrdPWfaMpQSouAquIZr1PAmpCMdVTPtes1yyav33XOPdmbQg0Z-jye6TWq-ILq5OQoXj7O03QwTLeaPJwKz2LL4BtHi7G1VfxfH1Qdt_EIdVv8G1KRgM5kUJKam5gqvd5TjKhbuEV0p0ZvUPb5URX2uP7f2SclieHCTPSL0zsgjXmapstWxNLj_UTqQuhX-orTH9RwkT3Z2-op-0paSqNu2YeLBGSye73ni68OGxf1_JrrDXTlw20f-IdV7zpwCpJqBpZg',
  AUTH0_AT: 'Y7imS1yhGuug5QmyuOOcj9nPFcLGzZxt',
};

/** Lines of terminal output, as pasted. */
export const lines = (...text: string[]): string => text.join('\n');

/** An authorization URL exactly as written: parameters in the given order, values as given (not encoded again). */
export function authorizeUrl(params: ReadonlyArray<readonly [string, string]>, endpoint = AUTHORIZE_ENDPOINT): string {
  return `${endpoint}?${params.map(([name, value]) => `${name}=${value}`).join('&')}`;
}

/** The seed template's parameters with the learner's values (offline_access+api:read). */
export function goodParams(overrides: Record<string, string> = {}): [string, string][] {
  const base: Record<string, string> = {
    response_type: 'code',
    scope: 'offline_access+api:read',
    client_id: CLIENT_ID,
    state: STATE,
    redirect_uri: REDIRECT_URI,
    code_challenge: PKCE.ok.challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return Object.entries(base);
}

/**
 * The site's ready curl command (lib/exercise/curl.ts layout) as a bash terminal echoes a
 * pasted multi-line command: `$ ` prompt, `> ` continuation prompts.
 */
export function bashCommand(first: string, options: readonly string[], prompt = '$ '): string[] {
  return [`${prompt}${first} \\`, ...options.map((option, i) => `>   ${option}${i < options.length - 1 ? ' \\' : ''}`)];
}

/** A token endpoint answer as the practice server prints it (one line, Okta's field order). */
export function tokenJson(fields: Record<string, string | number | undefined>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
}
