/**
 * Text on our pages stays within what the common sans and mono fonts draw (Liberation,
 * Arial, Roboto): a character they lack (✓ ✗ ★ ▸, emoji) sends the browser through
 * its font fallback on the first layout — a search and a second font loaded on the main
 * thread before the page can paint (decision 010). Status marks are SVG icons instead
 * (components/ui/icons.tsx).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Folders whose strings reach a page: pages, components, and the checks' messages. */
const FOLDERS = ['app', 'components', 'lib'];

/**
 * Latin-1, the general punctuation of prose (dashes, quotes, bullets, ellipsis), the simple
 * arrows, ≈ and the two sort triangles: all in Liberation Sans and Mono, Arial and Roboto.
 */
const DRAWN_BY_COMMON_FONTS = /[\u00A0-\u00FF\u2010-\u2027\u2190-\u2195\u2248\u25B2\u25BC]/u;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** Each non-ASCII character outside the common fonts, with where it is. */
function glyphsNeedingFallback(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const char of line) {
      if (char.charCodeAt(0) < 0x80 || DRAWN_BY_COMMON_FONTS.test(char)) continue;
      const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      found.push(`${file}:${index + 1}: '${char}' (${codePoint})`);
    }
  });
  return found;
}

describe('text on pages', () => {
  it('finds a glyph the common fonts lack (the scan works)', () => {
    expect(glyphsNeedingFallback('x.tsx', "ok — fine\n<span>✓</span> and '★'")).toEqual(["x.tsx:2: '✓' (U+2713)", "x.tsx:2: '★' (U+2605)"]);
    expect(glyphsNeedingFallback('x.tsx', 'Step 1 → 2 … “quoted” · § × ≈ é')).toEqual([]);
  });

  it('uses only characters the common sans and mono fonts draw (status marks are SVG icons)', () => {
    const files = FOLDERS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => glyphsNeedingFallback(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found, 'use an icon from components/ui/icons.tsx instead').toEqual([]);
  });
});
