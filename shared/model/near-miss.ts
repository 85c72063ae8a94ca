/** A name this long may be two slips from what was meant (`stng` for `string`): shorter ones, one. */
const TWO_SLIPS_FROM = 4;

/**
 * The candidate a misspelt name most likely meant: the closest by edits, if it is close enough to
 * be a typo and no other candidate is as close (`tme` could be `time` or `tame`: neither is said).
 */
export function nearMiss(name: string, candidates: readonly string[]): string | undefined {
  const closest = nearMisses(name, candidates);
  return closest.length === 1 ? closest[0] : undefined;
}

/**
 * Every candidate a misspelt name may have meant: those the fewest edits away, if close enough to
 * be a typo (`dayz`: `day` and `days`), in the order given, a name written in several cases once.
 */
export function nearMisses(name: string, candidates: readonly string[]): string[] {
  const typed = name.toLowerCase();
  const leastReach = typed.length >= TWO_SLIPS_FROM ? 2 : 1;
  const allowed = Math.min(3, Math.max(leastReach, Math.floor(typed.length / 3)));
  let closest: string[] = [];
  let closestDistance = allowed;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance > closestDistance) continue;
    if (distance < closestDistance) closest = [];
    closestDistance = distance;
    const isListed = closest.some((listed) => listed.toLowerCase() === candidate.toLowerCase());
    if (!isListed) closest.push(candidate);
  }
  return closest;
}

/**
 * How many inserted, deleted or changed characters, or swapped neighbours, turn one text into the
 * other (the optimal string alignment distance): `widht` is one slip from `width`, as typed.
 */
function editDistance(from: string, to: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: to.length + 1 }, (_, at) => at);
  for (let row = 1; row <= from.length; row++) {
    const current = [row];
    for (let column = 1; column <= to.length; column++) {
      const change = from[row - 1] === to[column - 1] ? 0 : 1;
      let distance = Math.min(
        (previous[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (previous[column - 1] ?? 0) + change,
      );
      const isSwap = row > 1 && column > 1 && from[row - 1] === to[column - 2] && from[row - 2] === to[column - 1];
      if (isSwap) distance = Math.min(distance, (beforePrevious[column - 2] ?? 0) + 1);
      current[column] = distance;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[to.length] ?? 0;
}
