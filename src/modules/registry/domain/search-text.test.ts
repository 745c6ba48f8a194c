import { describe, expect, it } from 'vitest';
import { matchesSearch, normalizeForSearch, removeDiacritics, searchTokens } from './search-text.js';

describe('normalizeForSearch', () => {
  it('"nguyen van a" typed without accents finds "Nguyễn Văn A"', () => {
    expect(normalizeForSearch('Nguyễn Văn A')).toBe('nguyen van a');
    expect(normalizeForSearch('nguyen van a')).toBe(normalizeForSearch('Nguyễn Văn A'));
  });

  it('đ and Đ match d', () => {
    expect(normalizeForSearch('đ')).toBe('d');
    expect(normalizeForSearch('Đặng Đức')).toBe('dang duc');
  });

  it('"Đà Nẵng" becomes "da nang"', () => {
    expect(normalizeForSearch('Đà Nẵng')).toBe('da nang');
  });

  it('text already decomposed (NFD, as some keyboards send it) normalizes the same', () => {
    expect(normalizeForSearch('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });

  it('old and new tone placement ("Hoà" / "Hòa") are the same word', () => {
    expect(normalizeForSearch('Hoà Vang')).toBe(normalizeForSearch('Hòa Vang'));
  });

  it('runs of spaces, tabs and newlines become one space and the ends are trimmed', () => {
    expect(normalizeForSearch('  Cấp   phép\txây dựng \n')).toBe('cap phep xay dung');
  });
});

describe('searchTokens and matchesSearch', () => {
  it('splits an address into words, punctuation dropped', () => {
    expect(searchTokens('Phường Hải Châu, TP. Đà Nẵng')).toEqual(['phuong', 'hai', 'chau', 'tp', 'da', 'nang']);
  });

  it('keeps each word once', () => {
    expect(searchTokens('Hòa Khánh, Hoà Khánh')).toEqual(['hoa', 'khanh']);
  });

  it('"cap phep xay dung" finds "Cấp phép xây dựng"', () => {
    expect(matchesSearch('Cấp phép xây dựng', 'cap phep xay dung')).toBe(true);
  });

  it('word prefixes in any order match: "ngu an" finds "Nguyễn Văn An"', () => {
    expect(matchesSearch('Nguyễn Văn An', 'ngu an')).toBe(true);
    expect(matchesSearch('Nguyễn Văn An', 'an nguyen')).toBe(true);
  });

  it('a word that is not there does not match', () => {
    expect(matchesSearch('Nguyễn Văn An', 'binh')).toBe(false);
  });

  it('an empty query matches everything', () => {
    expect(matchesSearch('Nguyễn Văn An', '  ')).toBe(true);
  });
});

describe('removeDiacritics', () => {
  it('keeps case for English renderings of names', () => {
    expect(removeDiacritics('Đà Nẵng')).toBe('Da Nang');
    expect(removeDiacritics('Phường Hội An Tây')).toBe('Phuong Hoi An Tay');
  });
});
