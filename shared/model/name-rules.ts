import { codePointLabel, hiddenCharactersIn } from './control-characters';
import type { Mesh } from './mesh';

/** A name the user typed: accepted (trimmed) or refused with a message to show beside the field. */
export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

/** The elements whose names must be unique among their siblings in the document. */
export type NamedElement =
  | { kind: 'domain'; id: string }
  | { kind: 'product'; id: string }
  | { kind: 'system'; id: string }
  | { kind: 'port'; productId: string; portId: string }
  | { kind: 'topic'; systemId: string; topicId: string };

export interface NameScope {
  /** Names of the siblings the element must differ from (the element itself excluded). */
  takenNames: string[];
  /** How a clash reads: `Another product in Orders`. */
  clashSubject: string;
}

/** Names are compared trimmed and case-insensitively: `Orders` and ` orders` would confuse a reader. */
export function checkName(candidate: string, takenNames: Iterable<string>, clashSubject: string): NameCheck {
  const name = candidate.trim();
  if (name === '') return { ok: false, message: 'A name is required.' };
  const controls = controlCharactersHeld(name);
  if (controls) return { ok: false, message: `A name cannot hold ${controls}.` };
  const key = comparableName(name);
  for (const taken of takenNames) {
    if (comparableName(taken) === key) return { ok: false, message: `${clashSubject} is already called '${taken}'.` };
  }
  return { ok: true, name };
}

/**
 * The control characters a name holds, said by code point (`a control character (U+0007)`), as
 * a name must not hold them (a tab or a line break pasted with it): they show as nothing and break
 * the files exports write. Undefined for a name without.
 */
export function controlCharactersHeld(name: string): string | undefined {
  const { controls } = hiddenCharactersIn(name);
  if (controls.length === 0) return undefined;
  const labels = controls.map(codePointLabel).join(', ');
  return controls.length === 1 ? `a control character (${labels})` : `control characters (${labels})`;
}

export function checkElementName(mesh: Mesh, element: NamedElement, candidate: string): NameCheck {
  const scope = nameScope(mesh, element);
  return checkName(candidate, scope.takenNames, scope.clashSubject);
}

/**
 * Domains are unique in the mesh; products and systems within their domain (two domains may
 * each own a `customers` product); ports within their product; topics within their system.
 */
export function nameScope(mesh: Mesh, element: NamedElement): NameScope {
  switch (element.kind) {
    case 'domain':
      return {
        takenNames: mesh.domains.filter((domain) => domain.id !== element.id).map((domain) => domain.name),
        clashSubject: 'Another domain',
      };
    case 'product':
    case 'system': {
      const nodes = element.kind === 'product' ? mesh.products : mesh.systems;
      const domainId = nodes.find((node) => node.id === element.id)?.domainId;
      const domainName = mesh.domains.find((domain) => domain.id === domainId)?.name ?? 'this domain';
      return {
        takenNames: nodes
          .filter((node) => node.domainId === domainId && node.id !== element.id)
          .map((node) => node.name),
        clashSubject: `Another ${element.kind} in ${domainName}`,
      };
    }
    case 'port': {
      const product = mesh.products.find((candidate) => candidate.id === element.productId);
      const ports = product ? [...product.inputPorts, ...product.outputPorts, product.discoveryPort] : [];
      return {
        takenNames: ports.filter((port) => port.id !== element.portId).map((port) => port.name),
        clashSubject: `Another port of ${product?.name ?? 'this product'}`,
      };
    }
    case 'topic': {
      const system = mesh.systems.find((candidate) => candidate.id === element.systemId);
      const topics = system?.messaging.topics ?? [];
      return {
        takenNames: topics.filter((topic) => topic.id !== element.topicId).map((topic) => topic.name),
        clashSubject: `Another topic of ${system?.name ?? 'this system'}`,
      };
    }
  }
}

/**
 * The first of `Base`, `Base 2`, `Base 3`… that no sibling uses, for newly added elements;
 * SQL names take `_` (`column_2`) as separator.
 */
export function firstFreeName(base: string, takenNames: Iterable<string>, separator = ' '): string {
  const taken = new Set([...takenNames].map(comparableName));
  if (!taken.has(comparableName(base))) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}${separator}${suffix}`;
    if (!taken.has(comparableName(candidate))) return candidate;
  }
}

/**
 * How names are compared for clashes: trimmed, case-insensitive, and in one Unicode
 * normalization (an `é` typed as one character or as `e` and an accent are one file name on macOS).
 */
export function comparableName(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase();
}
