import type { Migration } from 'kysely';
import * as m001 from './001-initial';

/** Every migration, in order. Names are stable: they are recorded in the database. */
export const migrations: Record<string, Migration> = {
  '001-initial': m001,
};
