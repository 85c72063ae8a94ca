/**
 * Whether a column's declared size shrank or grew between two physical types of one base type:
 * a shorter `varchar(n)`, `char(n)`, `nvarchar(n)`, or a `decimal(p,s)` with fewer digits before
 * or after the point refuses values the wider one held. Undefined when the two cannot be compared
 * (another base type, no size, a size such as `max`) or when the size is the same.
 */
export function physicalSizeChange(previous: string, next: string): 'narrowed' | 'widened' | undefined {
  const before = sizedTypeOf(previous);
  const after = sizedTypeOf(next);
  if (!before || !after || before.base !== after.base) return undefined;
  const dimensions = before.digits.map((digits, index) => (after.digits[index] ?? 0) - digits);
  if (dimensions.some((difference) => difference < 0)) return 'narrowed';
  return dimensions.some((difference) => difference > 0) ? 'widened' : undefined;
}

const LENGTH_TYPES = new Set([
  'char',
  'character',
  'nchar',
  'varchar',
  'character varying',
  'nvarchar',
  'varchar2',
  'nvarchar2',
]);
const DECIMAL_TYPES = new Set(['decimal', 'numeric', 'number']);

/** The base type and what bounds its values: a length, or the digits before and after the point. */
function sizedTypeOf(physicalType: string): { base: string; digits: number[] } | undefined {
  const match = /^\s*([a-z][a-z0-9 ]*?)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)\s*$/i.exec(physicalType);
  if (!match) return undefined;
  const base = (match[1] as string).toLowerCase().replace(/\s+/g, ' ');
  const size = Number(match[2]);
  if (LENGTH_TYPES.has(base) && match[3] === undefined) return { base, digits: [size] };
  if (!DECIMAL_TYPES.has(base)) return undefined;
  const scale = Number(match[3] ?? 0);
  return scale <= size ? { base, digits: [size - scale, scale] } : undefined;
}
