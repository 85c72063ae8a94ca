/** A value as a cell shows it: null stands out, objects as compact JSON. */
export function formatValue(value: unknown) {
  if (value === null || value === undefined) return <span className="null">null</span>;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
