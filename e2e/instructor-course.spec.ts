/**
 * The course for instructors (issue 21): a cohort chooses and orders its exercises (checkboxes
 * and Move up / Move down, by keyboard), and the dashboard's course view shows each learner's
 * progress in every exercise, with its CSV, beside each exercise's view. The learner acts in
 * their own browser, on the course's pages.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { E2E_INSTRUCTOR } from '../playwright.config';
import { expectNoAxeViolations } from './support/a11y';
import { expect, expectChecklist, test } from './fixtures';

const LAPTOP_VIEWPORT = { width: 1366, height: 768 };

test('an instructor’s cohort with Getting Started and Refresh Tokens shows the course view and exports it', async ({ browser }) => {
  const instructorContext = await browser.newContext({ viewport: LAPTOP_VIEWPORT });
  expect((await instructorContext.request.post('/api/instructor/session', { data: E2E_INSTRUCTOR })).status()).toBe(200);
  const instructor = await instructorContext.newPage();
  const errors: string[] = [];
  instructor.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await instructor.goto('/instructor');
  const cohortName = `Course ${Date.now()}`;
  await instructor.getByLabel('Cohort name').fill(cohortName);

  // The chooser: every built exercise is chosen at first; coming ones are shown, disabled.
  const chooser = instructor.getByRole('group', { name: 'Exercises' });
  await expect(chooser.getByRole('checkbox', { name: 'Refresh Tokens' })).toBeChecked();
  await expect(chooser.getByRole('checkbox', { name: /Single-Page App \(coming\)/ })).toBeDisabled();
  await expectNoAxeViolations(instructor, 'cohort list with the exercise chooser');
  await chooser.getByRole('checkbox', { name: 'Web App' }).uncheck();
  await chooser.getByRole('checkbox', { name: 'Machine to Machine' }).uncheck();
  // Keyboard: Refresh Tokens up to the top (the focus follows it, then moves to Move down at the top).
  const up = chooser.getByRole('button', { name: 'Move up: Refresh Tokens' });
  await up.focus();
  await instructor.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await instructor.keyboard.press('Enter');
  await instructor.keyboard.press('Enter');
  await expect(up).toBeDisabled();
  await expect(chooser.getByRole('button', { name: 'Move down: Refresh Tokens' })).toBeFocused();
  await expect(chooser.locator('li').first()).toHaveAttribute('data-exercise', 'refresh');
  // …and back below Getting Started.
  await instructor.keyboard.press('Enter');
  await expect(chooser.locator('li').nth(0)).toHaveAttribute('data-exercise', 'getting-started');
  await expect(chooser.locator('li').nth(1)).toHaveAttribute('data-exercise', 'refresh');
  await instructor.getByRole('button', { name: 'Create Cohort' }).click();
  await instructor.getByRole('link', { name: cohortName }).click();
  await expect(instructor.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();
  await expect(instructor.getByText('Exercises: Getting Started, Refresh Tokens')).toBeVisible();
  const joinUrl = (await instructor.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();

  // A learner joins, does Getting Started (one mistake on the way) and starts Refresh Tokens.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto(joinUrl);
  await learner.getByLabel('Display name').fill('Ada');
  await learner.getByRole('button', { name: 'Join Cohort' }).click();
  await expect(learner.getByRole('status').filter({ hasText: 'You joined' })).toBeVisible();
  await learner.goto('/exercise/getting-started/setup');
  await learner.getByRole('button', { name: 'Use the practice server' }).click();
  await expectChecklist(learner, 'pass');
  await learner.getByRole('link', { name: 'Next: find the endpoints' }).click();
  const metadataUrl = (await learner.getByRole('link', { name: /well-known/ }).getAttribute('href'))!;
  const metadata = (await (await learner.request.get(metadataUrl)).json()) as Record<string, string>;
  await learner.getByLabel('Issuer').fill(metadata.issuer!);
  await learner.getByLabel('Authorization endpoint').fill(metadata.token_endpoint!);
  await learner.getByLabel('Token endpoint').fill(metadata.token_endpoint!);
  await learner.getByLabel('JWKS URI').fill(metadata.jwks_uri!);
  await learner.getByLabel('Custom scope').fill('api:read');
  await learner.getByRole('button', { name: 'Check', exact: true }).click();
  await expectChecklist(learner, 'fail');
  await learner.getByLabel('Authorization endpoint').fill(metadata.authorization_endpoint!);
  await learner.getByRole('button', { name: 'Check', exact: true }).click();
  await expectChecklist(learner, 'pass');
  await learner.goto('/exercise/refresh/setup');
  await learner.getByRole('button', { name: 'Use the practice server' }).click();
  await expect(learner.getByRole('heading', { name: /All checks passed/ })).toBeVisible();

  // The course view: Ada's progress in both exercises.
  await instructor.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: 'Course', exact: true }).click();
  await expect(
    instructor.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: 'Course', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  const table = instructor.getByRole('table', { name: /progress in each exercise/ });
  await expect(table.getByRole('columnheader')).toContainText([
    'Name',
    'Exercises completed',
    'Getting Started',
    'Refresh Tokens',
    'Last activity',
  ]);
  const ada = instructor.getByTestId('course-row').filter({ hasText: 'Ada' });
  await expect(ada.locator('[data-exercise="getting-started"]')).toContainText('Completed');
  await expect(ada.locator('[data-exercise="getting-started"]')).toContainText(/in \d+ s/);
  await expect(ada.locator('[data-exercise="refresh"]')).toContainText(/In progress\s*1\/5/);
  await expect(ada).toContainText('1 of 2');
  await instructor.getByText('Exercises: Getting Started, Refresh Tokens').click();
  await expect(instructor.getByRole('button', { name: 'Save Exercises' })).toBeVisible();
  await expectNoAxeViolations(instructor, 'course view, exercises setting open');

  // The course CSV downloads: one record per learner and exercise.
  const [download] = await Promise.all([instructor.waitForEvent('download'), instructor.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-course\.csv$/);
  const records = parse(await readFile((await download.path())!, 'utf8')) as string[][];
  expect(records[0]).toEqual([
    'Display name',
    'Exercise',
    'Status',
    'Steps done',
    'Steps',
    'Attempts',
    'Started at',
    'Completed at',
    'Time to complete',
  ]);
  expect(records.slice(1).map((r) => r.slice(0, 4))).toEqual([
    ['Ada', 'Getting Started', 'completed', '2'],
    ['Ada', 'Refresh Tokens', 'in progress', '1'],
  ]);

  // Getting Started's own view: its checked steps as columns, from its declaration.
  await instructor.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: 'Getting Started' }).click();
  const steps = instructor.getByRole('table', { name: /in Getting Started/ });
  await expect(steps.getByRole('columnheader')).toContainText(['Name', 'Current step', 'Choose your server', 'Find the endpoints']);
  await expect(instructor.getByTestId('learner-row').filter({ hasText: 'Ada' }).locator('[data-column="setup"]')).toHaveText(
    /pass\s*\(1\)/,
  );
  await expect(instructor.getByTestId('learner-row').filter({ hasText: 'Ada' }).locator('[data-column="discovery"]')).toHaveText(
    /pass\s*\(2\)/,
  );
  // Its mistakes chart: the discovery step's mistake, counted once.
  await expect(instructor.locator('[data-step="discovery"] li[data-code]').first()).toContainText('1 learner');
  await expectNoAxeViolations(instructor, 'Getting Started view');

  // The learner's timeline names each check's exercise.
  await instructor.getByRole('link', { name: 'Ada' }).click();
  await expect(instructor.getByRole('heading', { level: 1, name: 'Ada' })).toBeVisible();
  const checks = instructor.getByRole('list', { name: 'Attempts, oldest first' });
  await expect(checks.locator('[data-exercise="refresh"]')).toContainText('Refresh Tokens · Choose your server');
  await expect(checks.locator('[data-exercise="getting-started"]').first()).toContainText('Getting Started · Choose your server');
  await expect(checks.locator('[data-exercise="getting-started"]').last()).toContainText(
    'Getting Started · Find the endpoints · attempt 2',
  );
  await expect(instructor.getByRole('region', { name: 'Exercises' }).locator('[data-exercise="getting-started"]')).toContainText(
    'completed',
  );
  await expectNoAxeViolations(instructor, 'learner detail with two exercises');

  expect(errors).toEqual([]);
  await learnerContext.close();
  await instructorContext.close();
});
