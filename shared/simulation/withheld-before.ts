/**
 * What a PostgreSQL change record under REPLICA IDENTITY DEFAULT leaves out of its before image, so
 * a view of it does not read as a change that set nothing (an update) or a row of nulls (a delete).
 */
export function withheldBeforeText(op: string): string | undefined {
  if (op === 'u') {
    return 'Under REPLICA IDENTITY DEFAULT the record carries no before image: what the update changed is not in it. Set the table to FULL to see it.';
  }
  if (op === 'd') {
    return 'Under REPLICA IDENTITY DEFAULT the record’s before image holds only the old key: the other values of the deleted row are not in it. Set the table to FULL to see them.';
  }
  return undefined;
}

/** What a key change's records under REPLICA IDENTITY DEFAULT leave out: the old key's delete holds only that key. */
export const WITHHELD_KEY_CHANGE_TEXT =
  'Under REPLICA IDENTITY DEFAULT the old key’s delete holds only the old key: what else this update changed is not in its records. Set the table to FULL to see it.';
