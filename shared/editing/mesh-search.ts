import { type DataProduct, distinctNodeName, type Mesh, type OperationalSystem } from '../model';
import { contractIdsOf } from './mesh-index';
import { noteWords } from './note-words';

/** Something quick search can jump to; `nodeId` is what the canvas shows and selects for it. */
export interface SearchEntry {
  kind: 'domain' | 'product' | 'system' | 'port' | 'topic' | 'contract' | 'note';
  label: string;
  /** Where it is, e.g. the product a port belongs to. */
  context: string;
  nodeId: string;
  /** What is searched in place of the label where the label shows only the start of it: a note's text. */
  searchedText?: string;
}

const entryCache = new WeakMap<Mesh, SearchEntry[]>();

/** Every named element of the mesh, in the order a reader meets them, and the notes that have words. */
export function searchEntries(mesh: Mesh): SearchEntry[] {
  const cached = entryCache.get(mesh);
  if (cached) return cached;
  const domainName = new Map(mesh.domains.map((domain) => [domain.id, domain.name]));
  const nodeNames = new Map([...mesh.products, ...mesh.systems].map((node) => [node.id, distinctNodeName(mesh, node)]));
  const ownerName = (node: DataProduct | OperationalSystem) => nodeNames.get(node.id) ?? node.name;
  const contractOwner = new Map<string, DataProduct | OperationalSystem>();
  for (const node of [...mesh.products, ...mesh.systems]) {
    for (const contractId of contractIdsOf(node)) contractOwner.set(contractId, node);
  }
  const entries: SearchEntry[] = [
    ...mesh.domains.map((domain) => ({
      kind: 'domain' as const,
      label: domain.name,
      context: 'domain',
      nodeId: domain.id,
    })),
    ...mesh.products.flatMap((product) => [
      {
        kind: 'product' as const,
        label: product.name,
        context: domainName.get(product.domainId) ?? '',
        nodeId: product.id,
      },
      ...[...product.inputPorts, ...product.outputPorts, product.discoveryPort].map((port) => ({
        kind: 'port' as const,
        label: port.name,
        context: `${port.direction} port of ${ownerName(product)}`,
        nodeId: product.id,
      })),
    ]),
    ...mesh.systems.flatMap((system) => [
      {
        kind: 'system' as const,
        label: system.name,
        context: domainName.get(system.domainId) ?? '',
        nodeId: system.id,
      },
      ...system.messaging.topics.map((topic) => ({
        kind: 'topic' as const,
        label: topic.name,
        context: `topic of ${ownerName(system)}`,
        nodeId: system.id,
      })),
    ]),
    ...mesh.contracts.flatMap((contract) => {
      const owner = contractOwner.get(contract.id);
      return owner
        ? [
            {
              kind: 'contract' as const,
              label: contract.name,
              context: `contract of ${ownerName(owner)}`,
              nodeId: owner.id,
            },
          ]
        : [];
    }),
    ...(mesh.notes ?? []).flatMap((note) => {
      const words = noteWords(note);
      return words
        ? [{ kind: 'note' as const, label: words, context: 'sticky note', nodeId: note.id, searchedText: note.text }]
        : [];
    }),
  ];
  entryCache.set(mesh, entries);
  return entries;
}

/** Text as search compares it: without case or accents, in one Unicode normalization (`Café` matches `cafe`). */
function searchable(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * Entries matching every word of the query (case- and accent-insensitive, in label or context, in
 * a note's whole text), names that start with the query first.
 */
export function searchMesh(mesh: Mesh, query: string, limit = 50): SearchEntry[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return searchEntries(mesh).slice(0, limit);
  const first = words.join(' ');
  const matches = searchEntries(mesh).filter((entry) => {
    const text = searchable(`${entry.searchedText ?? entry.label} ${entry.context}`);
    return words.every((word) => text.includes(word));
  });
  const startsWithQuery = (entry: SearchEntry) => (searchable(entry.label).startsWith(first) ? 0 : 1);
  return matches.sort((a, b) => startsWithQuery(a) - startsWithQuery(b)).slice(0, limit);
}
