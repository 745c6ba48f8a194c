/**
 * Dotted field paths (`spouse.fullName`) as fee rules use them, resolved in e-form data
 * and in the e-form schema.
 */
import { isRecord } from './issues.js';
import type { JsonSchema } from './types.js';

/** Reads the value at a dotted path in e-form data; `undefined` when any step is missing. */
export function readField(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const step of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[step];
  }
  return current;
}

/** Finds the schema of the field at a dotted path, following `properties` only, as `readField` does. */
export function schemaAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const step of path.split('.')) {
    current = current?.properties?.[step];
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * The schema fee fields are read against: the whole form, or the element schema of the
 * array named by `forEachItemOf` (undefined when that is not an array of objects).
 */
export function scopeSchema(eForm: JsonSchema, forEachItemOf: string | undefined): JsonSchema | undefined {
  if (forEachItemOf === undefined) return eForm;
  const list = schemaAt(eForm, forEachItemOf);
  return list?.type === 'array' && list.items?.type === 'object' ? list.items : undefined;
}

/** The field's Vietnamese and English label from the schema, falling back to the path. */
export function fieldLabel(schema: JsonSchema, path: string): { vi: string; en: string } {
  const field = schemaAt(schema, path);
  const vi = field?.title ?? path;
  return { vi, en: field?.['x-title-en'] ?? vi };
}
