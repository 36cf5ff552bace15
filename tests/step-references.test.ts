/**
 * No message, hint or page names a step by a number written into its text (issue 19, class 8):
 * numbers shift when a step is added — after Enable was numbered, "step 2" meant the Enable
 * page on one screen and the authorization URL in thirteen messages. Steps are named by
 * their title from the one list (`stepRef`, lib/exercise/steps.ts); a number the pages
 * compute from that list (`stepNumber`) is an expression, not text, and is not caught here.
 *
 * Every string literal, template text and JSX text of the site's source is read with the
 * TypeScript parser (comments are not text a learner sees).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { JOURNEY, stepRef } from '@/lib/exercise/steps';

const ROOTS = ['lib', 'components', 'app'];
const NUMBERED_STEP = /\bsteps? \d/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The texts of a source file a learner could read: string literals, template parts, JSX text. */
function textsOf(fileName: string, source: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const texts: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      // Import specifiers are module names, not text.
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        texts.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return texts;
}

describe('step references', () => {
  it('finds a numbered step in text, and not in comments or computed numbers', () => {
    const source = [
      '// step 2 in a comment',
      "const a = 'fix it in step 2';",
      'const b = `Back to step ${stepNumber(slug)}`;',
      'const c = <p>Start again from step 3</p>;',
      "const d = `in ${stepRef('token')}`;",
    ].join('\n');
    const found = textsOf('probe.tsx', source).filter(({ text }) => NUMBERED_STEP.test(text));
    expect(found.map(({ line }) => line)).toEqual([2, 4]);
  });

  it('names steps by their titles from the one list', () => {
    expect(stepRef('authorize')).toBe(`“${JOURNEY[2].title}”`);
    expect(stepRef('complete')).toBe('“Your results”');
  });

  it('has no step number written into any message, hint or page', () => {
    const offenders = ROOTS.flatMap(sourceFiles).flatMap((file) =>
      textsOf(file, readFileSync(file, 'utf8'))
        .filter(({ text }) => NUMBERED_STEP.test(text))
        .map(({ line, text }) => `${file}:${line}: ${text.trim().slice(0, 100)}`),
    );
    expect(offenders).toEqual([]);
  });
});
