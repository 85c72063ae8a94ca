import { type DataProduct, distinctNodeName, type Mesh, type OperationalSystem } from '../model';
import { memoizedOn } from './memo';
import { noteWords } from './note-words';

/** A property of a contract's schema object, by the names its text gives them. */
export interface ContractPropertyRef {
  contractId: string;
  object: string;
  property: string;
}

/** Something quick search can jump to; `nodeId` is what the canvas shows and selects for it. */
export interface SearchEntry {
  kind: 'domain' | 'product' | 'system' | 'port' | 'topic' | 'contract' | 'column' | 'property' | 'note';
  label: string;
  /** Where it is, e.g. the product a port belongs to, or `system › table` for a column. */
  context: string;
  nodeId: string;
  /** What is searched in place of the label where the label shows only the start of it: a note's text. */
  searchedText?: string;
  /** A contract's property: where the contract editor opens. */
  contractProperty?: ContractPropertyRef;
}

/** Where the canvas shows a contract: the product or system serving it and the port or event it serves. */
interface ContractPlace {
  owner: DataProduct | OperationalSystem;
  servedAs: string;
}

/** The place of each contract the canvas shows (of several, the last, as the contract's own entry names). */
function contractPlaces(mesh: Mesh): Map<string, ContractPlace> {
  const places = new Map<string, ContractPlace>();
  for (const product of mesh.products) {
    for (const port of product.outputPorts) {
      if (port.contractId) places.set(port.contractId, { owner: product, servedAs: port.name });
    }
  }
  for (const system of mesh.systems) {
    for (const event of system.publishes) {
      if (event.contractId) places.set(event.contractId, { owner: system, servedAs: event.name });
    }
  }
  return places;
}

/**
 * Every named element of the mesh, in the order a reader meets them, then the notes that have
 * words, then the columns of systems' tables and the properties of contracts. Built on the first
 * search of a version of the document, not per keystroke.
 */
export const searchEntries = memoizedOn((mesh: Mesh): SearchEntry[] => {
  const domainName = new Map(mesh.domains.map((domain) => [domain.id, domain.name]));
  const nodeNames = new Map([...mesh.products, ...mesh.systems].map((node) => [node.id, distinctNodeName(mesh, node)]));
  const ownerName = (node: DataProduct | OperationalSystem) => nodeNames.get(node.id) ?? node.name;
  const placeOf = contractPlaces(mesh);
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
      const place = placeOf.get(contract.id);
      return place
        ? [
            {
              kind: 'contract' as const,
              label: contract.name,
              context: `contract of ${ownerName(place.owner)}`,
              nodeId: place.owner.id,
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
    ...mesh.systems.flatMap((system) =>
      system.database.tables.flatMap((table) =>
        table.columns.map((column) => ({
          kind: 'column' as const,
          label: column.name,
          context: `${ownerName(system)} › ${table.name}`,
          nodeId: system.id,
        })),
      ),
    ),
    // A contract the canvas does not show has no place to jump to, as for the contract's own entry.
    ...mesh.contracts.flatMap((contract) => {
      const place = placeOf.get(contract.id);
      if (!place) return [];
      return contract.schema.flatMap((object) =>
        object.properties.map((property) => ({
          kind: 'property' as const,
          label: property.name,
          context: `${ownerName(place.owner)} › ${place.servedAs} › ${object.name}`,
          nodeId: place.owner.id,
          contractProperty: { contractId: contract.id, object: object.name, property: property.name },
        })),
      );
    }),
  ];
  return entries;
});

/** What each entry is matched against, made searchable once per set of entries rather than per keystroke. */
const searchedTexts = memoizedOn((entries: SearchEntry[]): string[] =>
  entries.map((entry) => searchable(`${entry.searchedText ?? entry.label} ${entry.context}`)),
);

/** Text as search compares it: without case or accents, in one Unicode normalization (`Café` matches `cafe`). */
export function searchable(text: string): string {
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
  const entries = searchEntries(mesh);
  const texts = searchedTexts(entries);
  const matches = entries.filter((_entry, index) => words.every((word) => texts[index]?.includes(word)));
  const startsWithQuery = (entry: SearchEntry) => (searchable(entry.label).startsWith(first) ? 0 : 1);
  return matches.sort((a, b) => startsWithQuery(a) - startsWithQuery(b)).slice(0, limit);
}
