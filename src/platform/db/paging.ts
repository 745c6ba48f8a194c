import { Type } from '@sinclair/typebox';
import { sql, type Expression, type SqlBool } from 'kysely';
import { AppError } from '../errors.js';

/** Query parameters every cursor-paginated list accepts. */
export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'Opaque cursor from the previous page\'s nextCursor' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

/** A page of results: the items and the cursor of the next page (null on the last). */
export function pageSchema<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

/** Encodes the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor, or throws a 400 problem for a cursor that was not made by us. */
export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // fall through
  }
  throw new AppError('BAD_REQUEST', {
    detail: { vi: 'Con trỏ phân trang (cursor) không hợp lệ.', en: 'The pagination cursor is not valid.' },
    errors: [{ field: '/querystring/cursor', reason: 'format', message: { vi: 'Con trỏ không hợp lệ', en: 'Invalid cursor' } }],
  });
}

/** `(a, b) > (x, y)` written so that both databases use it the same way. */
export function afterKey(columns: readonly [string, string], key: readonly (string | number)[]): Expression<SqlBool> {
  const [c1, c2] = columns;
  return sql<SqlBool>`(${sql.ref(c1)} > ${key[0]} or (${sql.ref(c1)} = ${key[0]} and ${sql.ref(c2)} > ${key[1]}))`;
}

/** Splits `limit + 1` fetched rows into a page and its next cursor. */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => (string | number)[], map: (row: R) => T): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(map), nextCursor: more && last !== undefined ? encodeCursor(key(last)) : null };
}
