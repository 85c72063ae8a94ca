/** The fields of `fields` named in `names` (a key's columns), in `names`' order; those it lacks left out. */
export function pickedFields(fields: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => name in fields).map((name) => [name, fields[name]]));
}
