import { exactJsonText } from './exact-json';

/**
 * The example a message browser's key filter shows, from a key its topic holds (the newest): one
 * of the key's values, or the whole key as JSON, the two ways the filter reads (`MessageFilter.key`).
 */
export function keyFilterExample(key: unknown): string {
  if (key === null || key === undefined) return 'a key value, or the whole key as JSON';
  if (typeof key !== 'object') return String(key);
  const value = Object.values(key).find((field) => field !== null && typeof field !== 'object');
  const whole = exactJsonText(key);
  return value === undefined ? whole : `${value}, or ${whole}`;
}
