/**
 * Lays out a document model as an A4 PDF the way Vietnamese administrative documents look
 * (Decree 30/2020/NĐ-CP, Appendix I): the agency top left, the national title and motto top
 * right, number and place-date under them, the title centred, the body, the signature block
 * bottom right. DejaVu Serif is embedded (subset) from the `dejavu-fonts-ttf` package, so
 * every Vietnamese diacritic renders and nothing is downloaded at run time.
 */
import { join } from 'node:path';
import type { Block, DocumentModel, Signature } from '../domain/model.js';
import { F, FONT_DIR, FONT_FILES, frame } from './fonts.js';
import { drawQr, prepareQr } from './qr.js';
import { drawTable } from './table.js';

const BODY_SIZE = 11.5;
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

/** Renders a form to PDF bytes; `createdAt` is stamped as the document's creation date. */
export async function renderPdf(model: DocumentModel, createdAt: Date): Promise<Buffer> {
  // pdfkit and qrcode load on the first document, not at start (start-up time, bench P7).
  const { default: PDFDocument } = await import('pdfkit');
  await prepareQr();
  const doc = new PDFDocument({
    size: 'A4',
    layout: model.orientation,
    // Decree 30/2020: left margin 30–35 mm, right 15–20 mm, top and bottom 20–25 mm.
    margins: { top: 57, bottom: 57, left: model.orientation === 'portrait' ? 85 : 57, right: 50 },
    font: join(FONT_DIR, FONT_FILES.serif),
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: model.meta.title, Subject: model.meta.subject, Author: model.agencyLines.main, Creator: 'egov', Producer: 'egov (pdfkit)', CreationDate: createdAt, ModDate: createdAt },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, join(FONT_DIR, file));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, model);
  title(doc, model);
  for (const block of model.body) drawBlock(doc, block);
  signatures(doc, model.signatures, model.recipients);
  doc.end();
  return done;
}

function centred(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, font: string, size: number): number {
  doc.font(font).fontSize(size).text(text.normalize('NFC'), x, y, { width, align: 'center' });
  return doc.y;
}

/** The largest size from `size` down to `min` at which `text` fits on one line of `width`. */
function fitSize(doc: PDFKit.PDFDocument, text: string, font: string, width: number, size: number, min: number): number {
  let s = size;
  while (s > min && doc.font(font).fontSize(s).widthOfString(text.normalize('NFC')) > width) s -= 0.25;
  return s;
}

/** A short rule centred under a header line, as the national motto and the agency name carry. */
function rule(doc: PDFKit.PDFDocument, cx: number, y: number, width: number): void {
  doc.save().lineWidth(0.6).moveTo(cx - width / 2, y).lineTo(cx + width / 2, y).stroke().restore();
}

function header(doc: PDFKit.PDFDocument, model: DocumentModel): void {
  const { left, width } = frame(doc);
  const leftW = width * 0.44;
  const rightX = left + width * 0.45;
  const rightW = width * 0.55;
  const top = doc.page.margins.top;

  // Agency names stay on one line where they can (down to 9 pt), as printed letterheads do.
  let y = top;
  if (model.agencyLines.upper) y = centred(doc, model.agencyLines.upper, left, y, leftW, F.cond, fitSize(doc, model.agencyLines.upper, F.cond, leftW, 10.5, 9));
  const mainSize = fitSize(doc, model.agencyLines.main, F.condBold, leftW, 10.5, 9);
  y = centred(doc, model.agencyLines.main, left, y, leftW, F.condBold, mainSize);
  doc.font(F.condBold).fontSize(mainSize);
  rule(doc, left + leftW / 2, y + 4, Math.min(leftW * 0.4, doc.widthOfString(model.agencyLines.main)));
  y = centred(doc, model.number, left, y + 10, leftW, F.cond, fitSize(doc, model.number, F.cond, leftW, 10.5, 7.5));
  const leftBottom = y;

  let r = centred(doc, NATION, rightX, top, rightW, F.condBold, 10.5);
  r = centred(doc, MOTTO, rightX, r + 1, rightW, F.bold, 11.5);
  doc.font(F.bold).fontSize(11.5);
  rule(doc, rightX + rightW / 2, r + 4, doc.widthOfString(MOTTO));
  r = centred(doc, model.placeDate, rightX, r + 10, rightW, F.italic, 11);
  doc.x = left;
  doc.y = Math.max(leftBottom, r) + 22;
}

function title(doc: PDFKit.PDFDocument, model: DocumentModel): void {
  const { left, width } = frame(doc);
  let y = centred(doc, model.title, left, doc.y, width, F.bold, 13.5);
  if (model.subtitle) y = centred(doc, model.subtitle, left, y + 2, width, F.italic, 11.5);
  doc.x = left;
  doc.y = y + 14;
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block): void {
  const { left, width } = frame(doc);
  switch (block.kind) {
    case 'paragraph': {
      const opts = { width, align: block.align ?? 'justify', paragraphGap: 5, lineGap: 1.5 } as const;
      doc.x = left;
      const text = block.text.normalize('NFC');
      if (block.label && text) {
        doc.font(F.bold).fontSize(BODY_SIZE).text(block.label.normalize('NFC'), left, doc.y, { ...opts, align: 'left', continued: true });
        doc.font(block.italic ? F.italic : F.regular).text(text, { ...opts, align: 'left' });
      } else if (block.label) {
        doc.font(F.bold).fontSize(BODY_SIZE).text(block.label.normalize('NFC'), left, doc.y, opts);
      } else {
        doc.font(block.italic ? F.italic : F.regular).fontSize(block.italic ? BODY_SIZE - 1.5 : BODY_SIZE).text(text, left, doc.y, opts);
      }
      return;
    }
    case 'list':
      for (const item of block.items) doc.font(F.regular).fontSize(BODY_SIZE).text(item.normalize('NFC'), left + 22, doc.y, { width: width - 22, paragraphGap: 3, lineGap: 1.5 });
      doc.moveDown(0.3);
      return;
    case 'table':
      doc.moveDown(0.3);
      drawTable(doc, block);
      doc.moveDown(0.6);
      return;
    case 'qr':
      doc.moveDown(0.4);
      drawQr(doc, block.url, block.lines);
      return;
  }
}

function signatureColumn(doc: PDFKit.PDFDocument, s: Signature, x: number, y: number, width: number): void {
  let b = centred(doc, s.title, x, y, width, F.bold, BODY_SIZE);
  b = centred(doc, s.note, x, b, width, F.italic, BODY_SIZE - 1);
  if (s.name) centred(doc, s.name, x, b + 62, width, F.bold, BODY_SIZE);
}

function signatures(doc: PDFKit.PDFDocument, list: readonly Signature[], recipients: readonly string[] | undefined): void {
  const { left, width, bottom } = frame(doc);
  // Keep the block whole: the title, space to sign, the name.
  if (doc.y + 120 > bottom) doc.addPage();
  const y = doc.y + 10;
  if (list.length === 1) {
    const [only] = list;
    if (only) signatureColumn(doc, only, left + width / 2, y, width / 2);
  } else {
    const colW = width / list.length;
    list.forEach((s, i) => signatureColumn(doc, s, left + i * colW, y, colW));
  }
  if (recipients?.length) {
    doc.font(F.boldItalic).fontSize(10).text('Nơi nhận:', left, y, { width: width / 2 - 10 });
    for (const r of recipients) doc.font(F.regular).fontSize(9.5).text(`- ${r}`.normalize('NFC'), left, doc.y, { width: width / 2 - 10 });
  }
}
