/**
 * Each item with a React key from what it says, numbered from the second on where items say the
 * same (two changes of one field, one problem reported twice): a repeated key makes React keep
 * rows that are gone. Stable while the list is, so an unchanged row keeps its element.
 */
export function keyedItems<T>(items: readonly T[], sayingOf: (item: T) => string): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const saying = sayingOf(item);
    const count = (seen.get(saying) ?? 0) + 1;
    seen.set(saying, count);
    return { key: count === 1 ? saying : `${saying} #${count}`, item };
  });
}
