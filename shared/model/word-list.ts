/** Items as a sentence lists them: `a`, `a and b`, `a, b or c`. */
export function joinedWith(items: readonly (string | number)[], conjunction: 'and' | 'or'): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
