import type { JsonDocumentStep, NestedFieldRename } from '../../contracts/nested-field-renames';
import { ident, literal } from './postgres-names';

/*
 * A field nested in an object, array or map property is a key of the jsonb documents its column
 * stores: renamed, the key moves in every stored document, or readers of the new name get NULL.
 * A document that holds no such key, or already holds the new one (written by a producer on the
 * new version), is left as it is, so no value is lost.
 */

/** The UPDATE moving the key `rename` names in every document of `column` that holds it. */
export function jsonKeyRenameStatement(table: string, column: string, rename: NestedFieldRename): string {
  const document = ident(column);
  return `UPDATE ${table} SET ${document} = ${documentWithKeyRenamed(document, rename.within, rename)} WHERE ${document} @? ${literal(jsonPathOf(rename))};`;
}

/**
 * `document` with the key renamed in the objects `within` leads to; each level binds its value
 * to a name of its own (`doc1`, `doc2`…), so the expression grows with the depth, not past it.
 */
function documentWithKeyRenamed(
  document: string,
  within: readonly JsonDocumentStep[],
  key: { from: string; to: string },
  depth = 1,
): string {
  const [step, ...rest] = within;
  const [from, to] = [literal(key.from), literal(key.to)];
  if (step === undefined)
    return `CASE WHEN jsonb_typeof(${document}) = 'object' AND ${document} ? ${from} AND NOT ${document} ? ${to} THEN (${document} - ${from}) || jsonb_build_object(${to}, ${document} -> ${from}) ELSE ${document} END`;
  const inner = `doc${depth}`;
  const below = documentWithKeyRenamed(inner, rest, key, depth + 1);
  if ('field' in step) {
    const field = literal(step.field);
    return `CASE WHEN jsonb_typeof(${document}) = 'object' AND ${document} ? ${field} THEN jsonb_set(${document}, ARRAY[${field}], (SELECT ${below} FROM (VALUES (${document} -> ${field})) AS level${depth}(${inner}))) ELSE ${document} END`;
  }
  if (step.each === 'item')
    return `CASE WHEN jsonb_typeof(${document}) = 'array' THEN (SELECT coalesce(jsonb_agg(${below} ORDER BY position${depth}), '[]'::jsonb) FROM jsonb_array_elements(${document}) WITH ORDINALITY AS items${depth}(${inner}, position${depth})) ELSE ${document} END`;
  return `CASE WHEN jsonb_typeof(${document}) = 'object' THEN (SELECT coalesce(jsonb_object_agg(key${depth}, ${below}), '{}'::jsonb) FROM jsonb_each(${document}) AS entries${depth}(key${depth}, ${inner})) ELSE ${document} END`;
}

/** The SQL/JSON path of the old key (`lax $."lines"[*]."sku"`): the rows it finds nothing in are not rewritten. */
function jsonPathOf(rename: NestedFieldRename): string {
  const member = (name: string) => `."${name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  const steps = rename.within.map((step) => {
    if ('field' in step) return member(step.field);
    return step.each === 'item' ? '[*]' : '.*';
  });
  return `lax $${steps.join('')}${member(rename.from)}`;
}
