import { valueText } from '../../shared/simulation/value-text';

/** A value as a cell shows it (`valueText`), null standing out. */
export function formatValue(value: unknown) {
  if (value === null || value === undefined) return <span className="null">null</span>;
  return valueText(value);
}
