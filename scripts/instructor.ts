/**
 * Instructor accounts from the command line.
 *
 *   npm run instructor -- add <email>      creates an instructor (or sets a new password)
 *   npm run instructor -- list             lists instructors
 *
 * The password is read from INSTRUCTOR_PASSWORD when set, else from the terminal (not
 * echoed) or from standard input when piped: `echo 'pw' | npm run instructor -- add a@b.c`.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { closeDb, getDb } from '../lib/db/client';
import { EnvError, getEnv } from '../lib/env';
import { createInstructor, setInstructorPassword } from '../lib/instructors/store';

const MIN_PASSWORD = 10;

async function readPassword(): Promise<string> {
  const fromEnv = getEnv().INSTRUCTOR_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return '';
  }
  process.stdout.write('Password (not shown): ');
  return new Promise((resolve) => {
    let value = '';
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') process.exit(130);
        value = char === '\u007f' ? value.slice(0, -1) : value + char;
      }
    });
  });
}

async function main(): Promise<number> {
  const [command, email] = process.argv.slice(2);
  const db = await getDb();
  if (command === 'add') {
    if (!email || !z.email().safeParse(email).success) {
      console.error('Usage: npm run instructor -- add <email>   (a valid email address)');
      return 2;
    }
    const password = await readPassword();
    if (password.length < MIN_PASSWORD) {
      console.error(`The password must be at least ${MIN_PASSWORD} characters.`);
      return 2;
    }
    if (await createInstructor(db, email, password)) {
      console.log(`Instructor ${email} created. Sign in at ${getEnv().PUBLIC_URL}/instructor/login`);
    } else {
      await setInstructorPassword(db, email, password);
      console.log(`Instructor ${email} already existed: password updated.`);
    }
    return 0;
  }
  if (command === 'list') {
    const rows = await db.selectFrom('instructors').select(['email', 'created_at']).orderBy('created_at').execute();
    for (const row of rows) console.log(`${row.email}\t${row.created_at}`);
    if (rows.length === 0) console.log('No instructors yet: npm run instructor -- add <email>');
    return 0;
  }
  console.error('Usage: npm run instructor -- add <email> | list');
  return 2;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(1);
  });
