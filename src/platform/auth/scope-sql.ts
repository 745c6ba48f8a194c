import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ScopeFilter } from './authorize.js';

/** Column names of a table that a scope filter reads. */
export interface ScopeColumns {
  agencyPath?: string;
  unitPath?: string;
  ownerAccountId?: string;
}

/**
 * Turns a scope filter into a SQL condition (the same on SQLite and PostgreSQL), so a list
 * can never include rows outside the actor's scope. An empty filter yields `false`.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  filter: ScopeFilter,
  columns: ScopeColumns,
): Expression<SqlBool> {
  if (filter.all) return sql<SqlBool>`1 = 1`;
  const parts: Expression<SqlBool>[] = [];
  if (columns.agencyPath) {
    for (const p of filter.agencyPaths) parts.push(sql<SqlBool>`${sql.ref(columns.agencyPath)} like ${likePrefix(p)}`);
  }
  if (columns.unitPath) {
    for (const p of filter.unitPaths) parts.push(sql<SqlBool>`${sql.ref(columns.unitPath)} like ${likePrefix(p)}`);
  }
  if (columns.ownerAccountId && filter.ownerAccountId) {
    parts.push(sql<SqlBool>`${sql.ref(columns.ownerAccountId)} = ${filter.ownerAccountId}`);
  }
  return parts.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(parts);
}

/** `path%` for LIKE; paths are built from codes that never hold LIKE wildcards. */
function likePrefix(path: string): string {
  if (/[%_\\]/.test(path)) throw new Error(`scope path with a LIKE wildcard: ${path}`);
  return `${path}%`;
}
