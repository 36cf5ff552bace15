import type { Migration } from 'kysely';
import * as m001 from './001-initial';
import * as m002 from './002-exercise';
import * as m003 from './003-cohorts';
import * as m004 from './004-journey';
import * as m005 from './005-practice-okta';
import * as m006 from './006-shared-state';
import * as m007 from './007-cohort-short-codes';
import * as m008 from './008-revoked-access-tokens';
import * as m009 from './009-cohort-capacity';
import * as m010 from './010-practice-recipe-mistakes';
import * as m011 from './011-practice-app-types';
import * as m012 from './012-practice-api-calls';
import * as m013 from './013-course';
import * as m014 from './014-token-origins-by-grant';
import * as m015 from './015-practice-sign-out-redirects';

/** Every migration, in order. Names are stable: they are recorded in the database. */
export const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '002-exercise': m002,
  '003-cohorts': m003,
  '004-journey': m004,
  '005-practice-okta': m005,
  '006-shared-state': m006,
  '007-cohort-short-codes': m007,
  '008-revoked-access-tokens': m008,
  '009-cohort-capacity': m009,
  '010-practice-recipe-mistakes': m010,
  '011-practice-app-types': m011,
  '012-practice-api-calls': m012,
  '013-course': m013,
  '014-token-origins-by-grant': m014,
  '015-practice-sign-out-redirects': m015,
};
