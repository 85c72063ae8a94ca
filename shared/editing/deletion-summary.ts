import { counted, isolated, type Mesh, type Note, quoted } from '../model';
import { countedNodesAndLinks } from './element-count';
import type { MeshFragment } from './mesh-fragment';
import { noteWords } from './note-words';

const LISTED_NAMES = 3;

function listed(names: readonly string[], singular: string, plural: string): string {
  if (names.length === 0) return '';
  const noun = names.length === 1 ? singular : plural;
  if (names.length > LISTED_NAMES) return `${names.length} ${plural}`;
  return `${noun} ${names.join(', ')}`;
}

function gone<T extends { id: string }>(before: readonly T[], after: readonly T[]): T[] {
  const kept = new Set(after.map((item) => item.id));
  return before.filter((item) => !kept.has(item.id));
}

function namesGone<T extends { id: string; name: string }>(before: readonly T[], after: readonly T[]): string[] {
  // Isolated, so a right-to-left name (or one holding an override) reorders nothing after it.
  return gone(before, after).map((item) => isolated(item.name));
}

/** `note 'Allergen labels must…'`: a note has no name, so the start of its text stands for one. */
function noteName(note: Note): string {
  const words = noteWords(note);
  return words ? `note ${quoted(words)}` : 'empty note';
}

/**
 * What a deletion took, in words for the status line: the elements, and what went with them that
 * the user did not select, contracts above all (`Deleted orders and its contract Order`).
 */
export function describeDeletion(before: Mesh, after: Mesh): string {
  return describeElementsOnlyIn('Deleted', before, after);
}

/** What a cut took out of the design, in the words a deletion uses: `Cut orders and its contract Order`. */
export function describeCut(before: Mesh, after: Mesh): string {
  return describeElementsOnlyIn('Cut', before, after);
}

/** What a paste added, in the words a deletion uses: `Pasted orders 2 and its contract Order 2`. */
export function describePaste(before: Mesh, after: Mesh): string {
  return describeElementsOnlyIn('Pasted', after, before);
}

/** What Ctrl+D added beside the originals: `Duplicated orders 2 and its contract Order 2`. */
export function describeDuplicate(before: Mesh, after: Mesh): string {
  return describeElementsOnlyIn('Duplicated', after, before);
}

/** What Ctrl+G did, named as the new domain is now: `Grouped 2 products into Domain 2`, `Grouped 1 product and 1 system into …`. */
export function describeGrouping(after: Mesh, domainId: string): string {
  const held = (nodes: ReadonlyArray<{ domainId: string }>) =>
    nodes.filter((node) => node.domainId === domainId).length;
  const what = productsAndSystems(held(after.products), held(after.systems));
  const name = after.domains.find((domain) => domain.id === domainId)?.name ?? domainId;
  return `Grouped ${what} into ${isolated(name)}`;
}

/** `2 products and 1 system`, `1 product`: counted, leaving out a kind there is none of. */
function productsAndSystems(products: number, systems: number): string {
  const counts = [counted(products, 'product'), counted(systems, 'system')];
  return counts.filter((count) => !count.startsWith('0 ')).join(' and ');
}

/** What Ctrl+C put on the clipboard, counted: `Copied 1 domain with 2 products`, `Copied 2 products and 1 note`. */
export function describeCopy({ domains, products, systems, notes }: MeshFragment): string {
  const held = productsAndSystems(products.length, systems.length);
  const topLevel = domains.length > 0 ? [`${counted(domains.length, 'domain')}${held && ` with ${held}`}`] : [held];
  const what = [...topLevel, ...(notes.length > 0 ? [counted(notes.length, 'note')] : [])].filter(Boolean);
  return `Copied ${what.join(' and ')}`;
}

/** `verb` and the nodes (notes too), links and contracts `withThem` holds and `withoutThem` does not. */
function describeElementsOnlyIn(verb: string, withThem: Mesh, withoutThem: Mesh): string {
  const nodes = [
    ...namesGone(withThem.domains, withoutThem.domains),
    ...namesGone(withThem.products, withoutThem.products),
    ...namesGone(withThem.systems, withoutThem.systems),
    ...gone(withThem.notes ?? [], withoutThem.notes ?? []).map(noteName),
  ];
  const contracts = namesGone(withThem.contracts, withoutThem.contracts);
  const linkCount = withThem.links.length - withoutThem.links.length;
  // Counted as the inspector counts a selection: Ctrl+A's "49 nodes and 36 links selected" deletes as many.
  const what =
    nodes.length === 0 || nodes.length > LISTED_NAMES
      ? [countedNodesAndLinks(nodes.length, linkCount)]
      : [nodes.join(', '), ...(linkCount > 0 ? [counted(linkCount, 'link')] : [])];
  if (contracts.length === 0) return `${verb} ${what.join(' and ')}`;
  const owner = nodes.length === 1 ? 'its' : 'their';
  return `${verb} ${what.join(', ')} and ${owner} ${listed(contracts, 'contract', 'contracts')}`;
}
