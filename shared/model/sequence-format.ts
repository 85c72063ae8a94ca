/** `%d`, `%04d` (zero-padded to 4 digits), `%%` (a percent sign), or a `%` that is none of them. */
const DIRECTIVES = /%(?:(%)|(0\d+)?d)?/g;

export const SEQUENCE_FORMAT_RULE =
  'a sequence’s format takes its number at one %d (%04d pads it to 4 digits); write %% for a percent sign';

/** Whether a sequence's `format` has exactly one number placeholder and no other `%` but `%%`. */
export function isSequenceFormat(format: string): boolean {
  let placeholders = 0;
  for (const [directive, percent] of format.matchAll(DIRECTIVES)) {
    if (percent) continue;
    if (directive === '%') return false;
    placeholders++;
  }
  return placeholders === 1;
}

/** The text `format` makes of `value`, as printf does: `formatSequence('2026A-%04d', 7)` is `2026A-0007`. */
export function formatSequence(format: string, value: number): string {
  return format.replace(DIRECTIVES, (_directive, percent: string | undefined, width: string | undefined) => {
    if (percent) return '%';
    const digits = String(Math.abs(value)).padStart(width ? Number(width) - (value < 0 ? 1 : 0) : 0, '0');
    return value < 0 ? `-${digits}` : digits;
  });
}
