import QRCode from 'qrcode';

/** A QR code as SVG geometry: the side in modules (quiet zone included) and one path of the dark modules. */
export interface QrGeometry {
  size: number;
  path: string;
}

/** The quiet zone around the symbol that scanners need: 4 modules (ISO/IEC 18004). */
const QUIET_ZONE = 4;

/**
 * The QR code of `text` (the `qrcode` package encodes it: version, Reed–Solomon error
 * correction at level M, masking), as the path of its dark modules for an inline SVG — so
 * the page renders it on the server, with no script and no image request, and the SVG can
 * carry its accessible name. Each row's runs of dark modules become one rectangle.
 */
export function qrGeometry(text: string): QrGeometry {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
