/**
 * How the client credentials check names the learner's apps and the steps of other
 * exercises that make the tokens learners paste by mistake. The practice console's app
 * names are Okta's ("My Web App", "My Service App"); step titles come from the course's declarations.
 */
import { refresh } from '../../course/exercises/refresh';
import { web } from '../../course/exercises/web';

const title = (exercise: typeof web | typeof refresh, id: string) => `“${exercise.steps.find((s) => s.id === id)!.title}”`;

/** The practice console's service app (client credentials only). */
export const SERVICE_APP = 'My Service App';
/** The practice console's web app (authorization code). */
export const WEB_APP = 'My Web App';

/** Where a user login's token comes from: the code exchange of the Web App or Refresh Tokens exercise. */
export const LOGIN_STEPS = `${title(web, 'token-response')} in ${web.title}, or ${title(refresh, 'token-response')} in ${refresh.title}`;
/** Where a refreshed token comes from. */
export const REFRESH_STEP = `${title(refresh, 'refresh-response')} in ${refresh.title}`;
