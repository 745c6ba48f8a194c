/**
 * Diacritic- and case-insensitive Vietnamese search. The application writes the normalized
 * form into a search column so SQLite and PostgreSQL match the same way (see
 * ARCHITECTURE.md, "Data").
 */

const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE = /\s+/gu;
const TOKEN_SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * Normalizes text for search: lower-case, diacritics removed, đ → d, whitespace collapsed,
 * trimmed. Vietnamese tone and vowel marks all decompose under NFD except đ, which is a
 * separate letter and is mapped explicitly.
 *
 * @example normalizeForSearch('  Nguyễn   Văn A ') // 'nguyen van a'
 * @example normalizeForSearch('Đà Nẵng') // 'da nang'
 */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(WHITESPACE, ' ')
    .trim();
}

/**
 * Splits text into distinct normalized tokens (letters and digits), in order of first
 * appearance; punctuation separates tokens.
 *
 * @example searchTokens('Phường Hải Châu, TP. Đà Nẵng') // ['phuong', 'hai', 'chau', 'tp', 'da', 'nang']
 */
export function searchTokens(text: string): string[] {
  const seen = new Set<string>();
  for (const token of normalizeForSearch(text).split(TOKEN_SPLIT)) {
    if (token !== '') seen.add(token);
  }
  return [...seen];
}

/**
 * True when every token of `query` is a prefix of some token of `text`, ignoring case and
 * diacritics; an empty query matches everything.
 *
 * @example matchesSearch('Nguyễn Văn An', 'ngu an') // true
 */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = searchTokens(text);
  return searchTokens(query).every((q) => haystack.some((t) => t.startsWith(q)));
}

/**
 * Removes Vietnamese diacritics but keeps letter case and spacing, for ASCII renderings
 * such as English unit names and e-mail local parts.
 *
 * @example removeDiacritics('Đà Nẵng') // 'Da Nang'
 */
export function removeDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
