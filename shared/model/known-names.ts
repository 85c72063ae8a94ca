/**
 * `a, b, c`, or `none`: what a design has of what a value failed to name (`no domain 'nope' (has: …)`),
 * so a typo is seen at once.
 */
export function knownNamesText(names: readonly string[]): string {
  return names.join(', ') || 'none';
}
