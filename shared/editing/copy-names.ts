import { comparableName, firstFreeName } from '../model';

/** A name ending in a number after a separator: `Campaigns 2`, `opera_pms_2`. */
export function numberedStem(name: string, separator: string): string | undefined {
  const gap = separator === ' ' ? '\\s+' : separator;
  return new RegExp(`^(.*\\S)${gap}(\\d+)$`).exec(name)?.[1];
}

/**
 * A copy's name: the original's when it is free where the copy goes; otherwise the next free
 * number after the name's stem, so copying `Campaigns 2` gives `Campaigns 3`, never `Campaigns 2 2`.
 */
export function copyName(name: string, takenNames: readonly string[]): string {
  return clashFreeName(name, takenNames);
}

/** The number a copy's name was given (`Opera PMS 2` for `Opera PMS` gives 2); none when it kept the original's. */
export function copyNumber(copy: string, original: string): string | undefined {
  if (copy === original) return undefined;
  return /\s(\d+)$/.exec(copy)?.[1];
}

/**
 * `name` when no one has it; otherwise its stem with `number` (the number the copy's own name got,
 * so `pms` beside `Opera PMS 2` becomes `pms_2` with separator `_`), or with the next free number.
 */
export function clashFreeName(name: string, takenNames: readonly string[], number?: string, separator = ' '): string {
  const taken = new Set(takenNames.map(comparableName));
  if (!taken.has(comparableName(name))) return name;
  const stem = numberedStem(name, separator) ?? name;
  const numbered = number && `${stem}${separator}${number}`;
  if (numbered && !taken.has(comparableName(numbered))) return numbered;
  return firstFreeName(stem, [...takenNames, stem], separator);
}
