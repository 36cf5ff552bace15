import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrGeometry } from './qr';

const URL_TO_ENCODE = 'http://localhost:3000/join/VSUUwA-Ab0MYFTIOuaYhwQ';

/** The dark modules of our path (`M x y h n v1 h-n z` rectangles), as "x,y" cells. */
function cellsOfOurPath(path: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, n] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(n); i++) cells.add(`${Number(x) + i},${y}`);
  }
  return cells;
}

/** The dark modules of the `qrcode` package's own SVG (a stroked path of `M`/`m` moves and `h` runs at y + 0.5). */
function cellsOfLibrarySvg(svg: string): Set<string> {
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1]!;
  const cells = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of d.matchAll(/([MmHhVv])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const first = Number(a);
    if (command === 'M') [x, y] = [first, Number(b)];
    else if (command === 'm') [x, y] = [x + first, y + Number(b)];
    else if (command === 'h') {
      for (let i = 0; i < first; i++) cells.add(`${x + i},${Math.floor(y)}`);
      x += first;
    }
  }
  return cells;
}

describe('qrGeometry', () => {
  it('draws exactly the modules the qrcode package draws, with its 4-module quiet zone', async () => {
    const ours = qrGeometry(URL_TO_ENCODE);
    const svg = await QRCode.toString(URL_TO_ENCODE, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    expect(svg).toContain(`viewBox="0 0 ${ours.size} ${ours.size}"`);
    const library = cellsOfLibrarySvg(svg);
    expect(library.size).toBeGreaterThan(300);
    expect(cellsOfOurPath(ours.path)).toEqual(library);
  });

  it('leaves the quiet zone empty and sizes the symbol for the text (version 4 for a join link)', () => {
    const { size, path } = qrGeometry(URL_TO_ENCODE);
    expect(size).toBe(33 + 8);
    for (const cell of cellsOfOurPath(path)) {
      const [x, y] = cell.split(',').map(Number) as [number, number];
      expect(Math.min(x, y)).toBeGreaterThanOrEqual(4);
      expect(Math.max(x, y)).toBeLessThan(size - 4);
    }
  });
});
