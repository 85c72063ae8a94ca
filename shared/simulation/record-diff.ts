import { exactJsonText } from './exact-json';

/** The fields whose values differ between a change's before and after images, in the after image's order. */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): string[] {
  if (!before || !after) return [];
  return Object.keys(after).filter((name) => exactJsonText(before[name]) !== exactJsonText(after[name]));
}
