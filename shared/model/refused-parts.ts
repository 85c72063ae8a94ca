import type { z } from 'zod';
import { emptyMesh } from './mesh';
import type { Problem } from './problem';

/** The lists of a design whose elements can be set aside one by one, the others still making a design. */
const ELEMENT_LISTS = ['domains', 'products', 'systems', 'contracts', 'links', 'notes', 'scenarios'] as const;
type ElementList = (typeof ELEMENT_LISTS)[number];

const isElementList = (key: PropertyKey | undefined): key is ElementList =>
  (ELEMENT_LISTS as readonly PropertyKey[]).includes(key as PropertyKey);

/** The design's own fields and its layout: no reference resolves in them, so a refused one is stood in for. */
const STAND_INS: Record<string, unknown> = (({ schemaVersion, id, name, description, layout, policies }) => ({
  schemaVersion,
  id,
  name,
  description,
  layout,
  policies,
}))(emptyMesh('design', 'Design'));

/** A design without the parts its schema refuses, so that the rest can still be checked. */
export interface DesignWithoutRefusedParts {
  /** The document with each refused element left out of its list, and each refused part no reference needs stood in for. */
  rest: Record<string, unknown>;
  /**
   * A problem found in the rest, placed as in the file (`products[0]` of the rest may be the file's
   * `products[1]`); none when it may come from leaving an element out: it names the id of one.
   */
  asInTheFile(problem: Problem): Problem[];
}

/** What else is refused beside the schema's issues, and how a contract entry, which keeps its id in its text, names it. */
export interface RefusedContracts {
  /** The indexes of the contracts whose text does not read as a contract. */
  unreadable: ReadonlySet<number>;
  idOf(entry: unknown): string | undefined;
}

/**
 * The document without the parts the schema refuses, or whose contract text does not read: an
 * element (a product, a link, a contract…) left out of its list, a layout entry left out (its
 * node is then unplaced), a field of the design itself (its name, its policies, a field it does
 * not know) stood in for or dropped. Null when it refuses a whole list references resolve in, or
 * an element without an id, which a reference to it could not be told from.
 */
export function withoutRefusedParts(
  document: unknown,
  issues: readonly z.core.$ZodIssue[],
  contracts: RefusedContracts,
): DesignWithoutRefusedParts | null {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return null;
  const design = document as Record<string, unknown>;
  const rest: Record<string, unknown> = { ...design };
  const refused = new Map<ElementList, Set<number>>();
  const refuse = (list: ElementList, index: number) => refused.set(list, (refused.get(list) ?? new Set()).add(index));
  const refusedLayoutIds = new Set<string>();
  for (const issue of issues) {
    const [part, index, id] = issue.path;
    if (isElementList(part) && typeof index === 'number' && Array.isArray(design[part])) {
      refuse(part, index);
    } else if (part === 'layout' && index === 'nodes' && typeof id === 'string') {
      refusedLayoutIds.add(id);
    } else if (typeof part === 'string' && part in STAND_INS) {
      rest[part] = STAND_INS[part];
    } else if (part === undefined && issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) delete rest[key];
    } else {
      return null;
    }
  }
  for (const index of contracts.unreadable) refuse('contracts', index);
  if (refusedLayoutIds.size > 0 && rest.layout === design.layout)
    rest.layout = withoutEntries(design.layout, refusedLayoutIds);
  const placesInTheFile = new Map<ElementList, number[]>();
  const refusedIds: string[] = [];
  for (const [list, indexes] of refused) {
    const elements = design[list] as unknown[];
    for (const index of indexes) {
      const element = elements[index];
      const id = list === 'contracts' ? contracts.idOf(element) : (element as { id?: unknown } | null)?.id;
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

/** A layout (whose entries the schema reached, so it has them) without the entries of `ids`. */
function withoutEntries(layout: unknown, ids: ReadonlySet<string>): unknown {
  const { nodes, ...others } = layout as { nodes: Record<string, unknown> };
  return { ...others, nodes: Object.fromEntries(Object.entries(nodes).filter(([id]) => !ids.has(id))) };
}
