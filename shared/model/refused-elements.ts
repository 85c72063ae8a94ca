import type { z } from 'zod';
import type { Problem } from './problem';

/** The lists of a design whose elements can be set aside one by one, the others still making a design. */
const ELEMENT_LISTS = ['domains', 'products', 'systems', 'contracts', 'links', 'notes', 'scenarios'] as const;
type ElementList = (typeof ELEMENT_LISTS)[number];

const isElementList = (key: PropertyKey | undefined): key is ElementList =>
  (ELEMENT_LISTS as readonly PropertyKey[]).includes(key as PropertyKey);

/** A design without the elements its schema refuses, so that the rest can still be checked. */
export interface DesignWithoutRefusedElements {
  /** The document with each refused element left out of its list. */
  rest: Record<string, unknown>;
  /**
   * A problem found in the rest, placed as in the file (`products[0]` of the rest may be the file's
   * `products[1]`); none when it may come from leaving an element out: it names the id of one.
   */
  asInTheFile(problem: Problem): Problem[];
}

/**
 * The document without the elements (a product, a link…) the schema refuses, or null when it
 * refuses anything else (a field of the design itself, a whole list) or an element without an id,
 * which a reference to it could not be told from.
 */
export function withoutRefusedElements(
  document: unknown,
  issues: readonly z.core.$ZodIssue[],
): DesignWithoutRefusedElements | null {
  if (typeof document !== 'object' || document === null) return null;
  const design = document as Record<string, unknown>;
  const refused = new Map<ElementList, Set<number>>();
  for (const { path } of issues) {
    const [list, index] = path;
    if (!isElementList(list) || typeof index !== 'number' || !Array.isArray(design[list])) return null;
    refused.set(list, (refused.get(list) ?? new Set()).add(index));
  }
  const rest: Record<string, unknown> = { ...design };
  const placesInTheFile = new Map<ElementList, number[]>();
  const refusedIds: string[] = [];
  for (const [list, indexes] of refused) {
    const elements = design[list] as unknown[];
    for (const index of indexes) {
      const id = (elements[index] as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return null;
      refusedIds.push(id);
    }
    const kept = elements.flatMap((_, index) => (indexes.has(index) ? [] : [index]));
    rest[list] = kept.map((index) => elements[index]);
    placesInTheFile.set(list, kept);
  }
  // A problem's path, and a message naming another place (`also at products[0]`), renumbered.
  const inTheFile = (text: string) =>
    text.replace(/\b([a-z]+)\[(\d+)\]/g, (place, list: string, index: string) => {
      const kept = isElementList(list) ? placesInTheFile.get(list) : undefined;
      return kept ? `${list}[${kept[Number(index)]}]` : place;
    });
  return {
    rest,
    asInTheFile: (problem) =>
      refusedIds.some((id) => problem.message.includes(`'${id}'`))
        ? []
        : [{ ...problem, path: inTheFile(problem.path), message: inTheFile(problem.message) }],
  };
}
