/**
 * The receipt's QR code, drawn as vector squares (sharp at any print resolution) with its
 * quiet zone, and the lines of text beside it.
 */
import type QRCodeModule from 'qrcode';

/** `qrcode`, loaded on the first document rather than at start (start-up time, bench P7). */
let qrcode: typeof QRCodeModule | undefined;

/** Loads the QR encoder; call before `drawQr`. */
export async function prepareQr(): Promise<void> {
  qrcode ??= (await import('qrcode')).default;
}
import { F, frame } from './fonts.js';

const SIDE = 96;
/** The blank margin a reader needs around the symbol, in modules (ISO/IEC 18004). */
const QUIET = 4;

/** Draws the QR code of `url` at the left margin with `lines` to its right (the first in bold). */
export function drawQr(doc: PDFKit.PDFDocument, url: string, lines: readonly string[]): void {
  const { left, width, bottom } = frame(doc);
  if (doc.y + SIDE > bottom) doc.addPage();
  const y = doc.y;
  if (!qrcode) throw new Error('drawQr: call prepareQr() first');
  const matrix = qrcode.create(url, { errorCorrectionLevel: 'M' }).modules;
  const n = matrix.size;
  const unit = SIDE / (n + 2 * QUIET);
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++) {
    // One rectangle per horizontal run of dark modules keeps the page small.
    let c = 0;
    while (c < n) {
      if (!matrix.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && matrix.get(r, c)) c++;
      doc.rect(left + (QUIET + start) * unit, y + (QUIET + r) * unit, (c - start) * unit, unit);
    }
  }
  doc.fill().restore();
  const textX = left + SIDE + 8;
  const textW = width - SIDE - 8;
  doc.y = y + QUIET * unit;
  lines.forEach((line, i) => {
    doc.font(i === 1 ? F.bold : F.regular).fontSize(i === lines.length - 1 && i > 1 ? 8.5 : 10).text(line.normalize('NFC'), textX, doc.y, { width: textW, paragraphGap: 3 });
  });
  doc.x = left;
  doc.y = Math.max(doc.y, y + SIDE) + 6;
}
