/**
 * How the client credentials check names the learner's apps and the steps of other
 * exercises that make the tokens learners paste by mistake. The practice console's app
 * names are Okta's ("My Web App", "My Service App"); the course's declarations will be the
 * one source of the exercises' step titles, until then they are named here once.
 */
import { stepRef } from '../steps';

/** The practice console's service app (client credentials only). */
export const SERVICE_APP = 'My Service App';
/** The practice console's web app (authorization code). */
export const WEB_APP = 'My Web App';

/** Where a user login's token comes from: the code exchange of the Web App or Refresh Tokens exercise. */
export const LOGIN_STEPS = `the code exchange of the Web App exercise, or ${stepRef('token')} in Refresh Tokens`;
/** Where a refreshed token comes from. */
export const REFRESH_STEP = `${stepRef('refresh')} in Refresh Tokens`;
