import { describe, expect, it } from 'vitest';
import { acceptedTextMime, formatSize, isAcceptedType, payloadTooLarge, TextProbe, unsupportedType } from './sniff.js';

function isText(...chunks: number[][]): boolean {
  const probe = new TextProbe();
  for (const c of chunks) probe.push(Uint8Array.from(c));
  return probe.isText();
}

describe('TextProbe: is an upload UTF-8 text?', () => {
  it('a Vietnamese CSV line is text', () => {
    const probe = new TextProbe();
    probe.push(Buffer.from('Họ và tên,Số CCCD\nNguyễn Văn A,048090000001\n', 'utf8'));
    expect(probe.isText()).toBe(true);
  });

  it('a character split across two chunks is still text', () => {
    // "ồ" is U+1ED3 = E1 BB 93 in UTF-8 (RFC 3629: 1110xxxx 10xxxxxx 10xxxxxx).
    expect(isText([0x48, 0xe1], [0xbb, 0x93])).toBe(true);
  });

  it('content that stops in the middle of a character is not text', () => {
    expect(isText([0x48, 0xe1, 0xbb])).toBe(false);
  });

  it('a NUL byte, as in nearly every binary file, is not text', () => {
    expect(isText([0x41, 0x00, 0x42])).toBe(false);
  });

  it('malformed UTF-8 is not text: overlong NUL, surrogate, beyond U+10FFFF, stray continuation, Latin-1', () => {
    expect(isText([0xc0, 0x80])).toBe(false); // overlong form of U+0000
    expect(isText([0xe0, 0x80, 0x80])).toBe(false); // overlong 3-byte form
    expect(isText([0xed, 0xa0, 0x80])).toBe(false); // U+D800, a surrogate
    expect(isText([0xf4, 0x90, 0x80, 0x80])).toBe(false); // U+110000
    expect(isText([0x80])).toBe(false); // continuation byte without a lead
    expect(isText([0x48, 0xe9, 0x6c, 0x6c, 0x6f])).toBe(false); // "Héllo" in Latin-1
  });

  it('the largest code points of each length are text', () => {
    expect(isText([0xdf, 0xbf], [0xef, 0xbf, 0xbf], [0xf4, 0x8f, 0xbf, 0xbf])).toBe(true); // U+07FF, U+FFFF, U+10FFFF
  });

  it('an empty upload is not text (there is nothing to recognise)', () => {
    expect(isText([])).toBe(false);
  });
});

describe('accepted types', () => {
  it('matches exactly, ignoring case, and by type/* wildcard', () => {
    expect(isAcceptedType('application/pdf', ['application/pdf'])).toBe(true);
    expect(isAcceptedType('application/pdf', ['Application/PDF'])).toBe(true);
    expect(isAcceptedType('image/png', ['image/*'])).toBe(true);
    expect(isAcceptedType('image/png', ['application/pdf'])).toBe(false);
    expect(isAcceptedType('imagex/png', ['image/*'])).toBe(false);
  });

  it('text is recognised only when the caller accepts a text type', () => {
    expect(acceptedTextMime(['application/pdf', 'text/csv'])).toBe('text/csv');
    expect(acceptedTextMime(['application/pdf'])).toBeUndefined();
  });
});

describe('bilingual errors', () => {
  it('a 415 names the type found and the accepted types in both languages', () => {
    const error = unsupportedType('image/png', ['application/pdf', 'image/jpeg']);
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.detail?.vi).toContain('image/png');
    expect(error.detail?.vi).toContain('application/pdf, image/jpeg');
    expect(error.detail?.en).toContain('image/png');
    expect(error.detail?.en).toContain('application/pdf, image/jpeg');
  });

  it('a 413 states the limit in MB, with a decimal comma in Vietnamese', () => {
    // 50 MB = 50 × 1 048 576 bytes; 1.5 MB = 1 572 864 bytes.
    expect(formatSize(52_428_800)).toEqual({ vi: '50 MB', en: '50 MB' });
    expect(formatSize(1_572_864)).toEqual({ vi: '1,5 MB', en: '1.5 MB' });
    expect(formatSize(2048)).toEqual({ vi: '2 KB', en: '2 KB' });
    expect(formatSize(1)).toEqual({ vi: '1 byte', en: '1 byte' });
    const error = payloadTooLarge(52_428_800);
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.detail?.vi).toContain('tối đa 50 MB');
    expect(error.detail?.en).toContain('at most 50 MB');
  });
});
