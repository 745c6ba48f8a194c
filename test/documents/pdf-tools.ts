import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/** The text of every page of a PDF, extracted by a real PDF parser (pdf.js through pdf-parse). */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text.normalize('NFC'), pages: result.total };
  } finally {
    await parser.destroy();
  }
}

/**
 * Renders the first page of a PDF to PNG with poppler's `pdftoppm` (Debian package
 * poppler-utils), as a printer would see it. `keepAs` also saves the PNG there (for a look).
 */
export async function firstPagePng(pdf: Buffer, keepAs?: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-forms-'));
  try {
    writeFileSync(join(dir, 'form.pdf'), pdf);
    await run('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', join(dir, 'form.pdf'), join(dir, 'page')]);
    const file = readdirSync(dir).find((f) => f.endsWith('.png'));
    if (!file) throw new Error('pdftoppm wrote no page');
    const png = readFileSync(join(dir, file));
    if (keepAs) writeFileSync(keepAs, png);
    return png;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Decodes the QR code on a PNG page image, or undefined when none is found. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  // jsqr is CommonJS whose exports object carries the function as `default` too.
  return jsQR.default(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data;
}
