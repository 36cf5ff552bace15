import { build, type Case, describeCases, expectExercised, OKTA, PRACTICE, withParams } from './test-support';

const RESPONSE_TYPE_CASES: Case[] = [
  ['missing', build(withParams({ response_type: undefined })), ['fail:response_type.missing']],
  ['token (implicit)', build(withParams({ response_type: 'token' })), ['fail:response_type.not_code']],
  ['id_token', build(withParams({ response_type: 'id_token' })), ['fail:response_type.not_code']],
  ['code id_token (hybrid)', build(withParams({ response_type: 'code+id_token' })), ['fail:response_type.not_code']],
  ['Code (case)', build(withParams({ response_type: 'Code' })), ['fail:response_type.not_code']],
  ['authorization_code', build(withParams({ response_type: 'authorization_code' })), ['fail:response_type.not_code']],
  ['empty', build(withParams({ response_type: '' })), ['fail:param.empty']],
];

const CLIENT_ID_CASES: Case[] = [
  ['missing', build(withParams({ client_id: undefined })), ['fail:client_id.missing']],
  ['another app', build(withParams({ client_id: '0oa9z8y7x6W5V4u3T2s1' })), ['fail:client_id.mismatch']],
  [
    'the client secret pasted instead',
    build(withParams({ client_id: 'Zk3_9vQmXh2-LpT8wRbN4cYf6JdS1aEoU7iGqK5t' })),
    ['fail:client_id.mismatch'],
  ],
  ['lower-cased', build(withParams({ client_id: OKTA.clientId.toLowerCase() })), ['fail:client_id.mismatch']],
  ['wrapped in quotes', build(withParams({ client_id: `%22${OKTA.clientId}%22` })), ['fail:client_id.mismatch']],
  ['placeholder', build(withParams({ client_id: '{YOUR_CLIENT_ID}' })), ['fail:param.placeholder']],
  ['placeholder YOUR_CLIENT_ID', build(withParams({ client_id: 'YOUR_CLIENT_ID' })), ['fail:param.placeholder']],
  [
    'client_secret in the URL',
    build(withParams({ client_secret: 'Zk3_9vQmXh2-LpT8wRbN4cYf6JdS1aEoU7iGqK5t' })),
    ['fail:client_id.secret_in_url'],
  ],
  [
    'clientSecret in the URL',
    build(withParams({ clientSecret: 'Zk3_9vQmXh2-LpT8wRbN4cYf6JdS1aEoU7iGqK5t' })),
    ['fail:client_id.secret_in_url'],
  ],
];

const REDIRECT_URI_CASES: Case[] = [
  ['missing', build(withParams({ redirect_uri: undefined })), ['fail:redirect_uri.missing']],
  ['trailing slash', build(withParams({ redirect_uri: 'https://example-app.com/redirect/' })), ['fail:redirect_uri.mismatch']],
  ['http instead of https', build(withParams({ redirect_uri: 'http://example-app.com/redirect' })), ['fail:redirect_uri.mismatch']],
  [
    'Okta sample callback',
    build(withParams({ redirect_uri: 'http://localhost:8080/authorization-code/callback' })),
    ['fail:redirect_uri.mismatch'],
  ],
  [
    'wrong port on the practice server',
    build(withParams({ client_id: PRACTICE.clientId, redirect_uri: 'http://localhost:3001/redirect' }), PRACTICE.authorizationEndpoint),
    ['fail:redirect_uri.mismatch'],
    PRACTICE,
  ],
  [
    'double-encoded',
    build(withParams({ redirect_uri: 'https%253A%252F%252Fexample-app.com%252Fredirect' })),
    ['fail:redirect_uri.double_encoded'],
  ],
  [
    'double-encoded and wrong',
    build(withParams({ redirect_uri: 'https%253A%252F%252Fexample-app.com%252Fcallback' })),
    ['fail:redirect_uri.double_encoded', 'fail:redirect_uri.mismatch'],
  ],
  ['placeholder', build(withParams({ redirect_uri: '<redirect_uri>' })), ['fail:param.placeholder']],
];

describeCases('response_type', RESPONSE_TYPE_CASES);
describeCases('client_id', CLIENT_ID_CASES);
describeCases('redirect_uri', REDIRECT_URI_CASES);

expectExercised([
  'response_type.missing',
  'response_type.not_code',
  'client_id.missing',
  'client_id.mismatch',
  'client_id.secret_in_url',
  'redirect_uri.missing',
  'redirect_uri.mismatch',
  'redirect_uri.double_encoded',
]);
