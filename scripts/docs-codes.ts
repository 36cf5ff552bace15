/** `npm run docs:codes`: writes docs/diagnosis-codes.md from lib/exercise/codes.ts. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderCodesMarkdown } from '../lib/docs/codes-markdown';

const file = path.join(import.meta.dirname, '..', 'docs', 'diagnosis-codes.md');
writeFileSync(file, renderCodesMarkdown());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
