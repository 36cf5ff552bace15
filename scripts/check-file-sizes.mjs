#!/usr/bin/env node
/**
 * The house plan's "rule files of readable size" (issue 9): lists every git-tracked,
 * hand-written source file (.ts, .tsx, .mjs, .js, .css; tests included) longer than
 * MAX_LINES lines, longest first, and exits 1 if there is one. Documentation (docs/) and
 * the committed benchmark output (bench/results/) are not source; package-lock.json is not
 * among the extensions.
 *
 *   node scripts/check-file-sizes.mjs
 *
 * Plain Node, no dependencies: it runs before `npm ci` as well as after.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const MAX_LINES = 450;
const EXTENSIONS = new Set(['.ts', '.tsx', '.mjs', '.js', '.css']);
const NOT_SOURCE = ['docs/', 'bench/results/'];

const root = path.resolve(import.meta.dirname, '..');

/** Tracked files as git lists them (paths relative to the repository, always with "/"). */
function trackedFiles() {
  const out = execFileSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').filter(Boolean);
}

function isSource(file) {
  return EXTENSIONS.has(path.extname(file)) && !NOT_SOURCE.some((dir) => file.startsWith(dir));
}

/** Lines as an editor numbers them: a final line break does not start another line. */
function countLines(text) {
  if (text === '') return 0;
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return /(\r\n|\r|\n)$/.test(text) ? breaks : breaks + 1;
}

function readIfPresent(file) {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    // Tracked but deleted in the work tree (a rename not yet committed): nothing to measure.
    if (error.code === 'ENOENT') return null;
    throw error;
  }
}

const tooLong = [];
let checked = 0;
for (const file of trackedFiles().filter(isSource)) {
  const text = readIfPresent(file);
  if (text === null) continue;
  checked++;
  const lines = countLines(text);
  if (lines > MAX_LINES) tooLong.push({ file, lines });
}

if (tooLong.length === 0) {
  console.log(`All ${checked} source files have at most ${MAX_LINES} lines.`);
} else {
  tooLong.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
  const width = String(tooLong[0].lines).length;
  console.error(`${tooLong.length} of ${checked} source files have more than ${MAX_LINES} lines (split them by rule, see issue 9):`);
  for (const { file, lines } of tooLong) console.error(`  ${String(lines).padStart(width)}  ${file}`);
  process.exitCode = 1;
}
