/**
 * The embedded fonts (DejaVu Serif from the `dejavu-fonts-ttf` npm package, which covers
 * every Vietnamese letter) and page geometry shared by the PDF drawing helpers.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Font names registered in every document. */
export const F = {
  regular: 'serif',
  bold: 'serif-bold',
  italic: 'serif-italic',
  boldItalic: 'serif-bold-italic',
  cond: 'cond',
  condBold: 'cond-bold',
} as const;

export const FONT_FILES: Record<(typeof F)[keyof typeof F], string> = {
  serif: 'DejaVuSerif.ttf',
  'serif-bold': 'DejaVuSerif-Bold.ttf',
  'serif-italic': 'DejaVuSerif-Italic.ttf',
  'serif-bold-italic': 'DejaVuSerif-BoldItalic.ttf',
  cond: 'DejaVuSerifCondensed.ttf',
  'cond-bold': 'DejaVuSerifCondensed-Bold.ttf',
};

/** The writable box of the current page. */
export function frame(doc: PDFKit.PDFDocument): { left: number; right: number; width: number; bottom: number } {
  const m = doc.page.margins;
  return { left: m.left, right: doc.page.width - m.right, width: doc.page.width - m.left - m.right, bottom: doc.page.height - m.bottom };
}

