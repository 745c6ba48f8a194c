import { describe, expect, it } from 'vitest';
import { contentDisposition } from './download.js';

describe('download file names', () => {
  it('a Vietnamese name is sent exactly (UTF-8) with a diacritic-free fallback', () => {
    // ấ = U+1EA5 = E1 BA A5, é = C3 A9, â = C3 A2, ự = U+1EF1 = E1 BB B1, space = %20.
    expect(contentDisposition('Giấy phép xây dựng.pdf')).toBe(
      `attachment; filename="Giay phep xay dung.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20ph%C3%A9p%20x%C3%A2y%20d%E1%BB%B1ng.pdf`,
    );
  });

  it('đ and Đ, which Unicode does not decompose, fall back to d and D', () => {
    expect(contentDisposition('Đơn đề nghị.docx', true)).toMatch(/^inline; filename="Don de nghi\.docx"; /);
  });

  it('quotes and backslashes cannot break out of the header value', () => {
    expect(contentDisposition('a"b\\c.txt')).toMatch(/^attachment; filename="a_b_c\.txt"; filename\*=UTF-8''a%22b%5Cc\.txt$/);
  });
});
