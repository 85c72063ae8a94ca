/**
 * SQLite's `no such column: after_<field>` (or `before_`) in a query of a raw zone, followed by
 * where a field the source renamed is: the raw zone's columns keep the table's names, and a
 * record whose images name a field otherwise keeps them whole in `_renamed_images` (log-format.ts).
 * Only for a field some source was renamed to (`renamedFields`): any other is a misspelt column.
 */
export function withRenamedFieldHint(message: string, sql: string, renamedFields: readonly string[]): string {
  const image = /^no such column: (?:[\w$]+\.)?(after|before)_(.+)$/s.exec(message);
  if (!image || !READS_RAW_ZONE.test(sql)) return message;
  const [, side, field = ''] = image;
  // Oracle and Db2 records name a renamed column in capitals; SQL names ignore case.
  if (!renamedFields.some((renamed) => renamed.toLowerCase() === field.toLowerCase())) return message;
  const key = /^[A-Za-z_]\w*$/.test(field) ? field : JSON.stringify(field);
  return `${message}: a raw zone's columns follow the source table's names; a field renamed at the source is only in the record's row images: json_extract(_renamed_images, '$.${side}.${key}')`;
}

const READS_RAW_ZONE = /\braw_\w/i;
