/** How many of each element a design draws, as the status bar and the start screen count them. */
export interface MeshElementCounts {
  domains: number;
  products: number;
  systems: number;
  links: number;
  /** Sticky notes: not elements of the mesh, but work a design holds all the same. */
  notes: number;
}

/** What tells a saved design from another at a glance: its name and its counts. */
export interface DesignOutline {
  name: string;
  counts: MeshElementCounts;
}

/** A design's counts, or a file's JSON counted leniently: a list it lacks, or one that is no list, counts 0. */
export function elementCountsOf(design: Partial<Record<keyof MeshElementCounts, unknown>>): MeshElementCounts {
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return {
    domains: count(design.domains),
    products: count(design.products),
    systems: count(design.systems),
    links: count(design.links),
    notes: count(design.notes),
  };
}

/**
 * The outline of a design's file text, read leniently, so an autosaved copy the file format would
 * refuse still shows what it can; undefined when the text is not a JSON object with a name.
 */
export function designOutlineOf(text: string): DesignOutline | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || !('name' in json) || typeof json.name !== 'string') return undefined;
  return { name: json.name, counts: elementCountsOf(json as Record<string, unknown>) };
}

/**
 * The names of a copy kept under another name (an autosaved copy, named after its file): its
 * design's own name, and the name it was kept under where that differs.
 */
export function namesOfCopy(
  outline: DesignOutline | undefined,
  keptUnder: string,
): { designName: string; keptAs?: string } {
  const designName = outline?.name ?? keptUnder;
  return designName === keptUnder ? { designName } : { designName, keptAs: keptUnder };
}
