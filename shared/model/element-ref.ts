/**
 * A part of the mesh document a finding or an impact is about, by id: what the app selects
 * and zooms to, and what a report names.
 */
export type ElementRef =
  | { kind: 'mesh' }
  | { kind: 'domain'; domainId: string }
  | { kind: 'product'; productId: string }
  | { kind: 'system'; systemId: string }
  | { kind: 'port'; productId: string; portId: string }
  | { kind: 'topic'; systemId: string; topicId: string }
  | { kind: 'link'; linkId: string }
  | { kind: 'contract'; contractId: string }
  | { kind: 'field'; contractId: string; object: string; field: string }
  | { kind: 'transformation'; productId: string; name: string }
  | { kind: 'policy'; ruleId: string }
  | { kind: 'scenario'; scenarioId: string };

/** The node (domain, product or system) that shows an element on the canvas, if any. */
export function nodeIdOf(element: ElementRef): string | undefined {
  switch (element.kind) {
    case 'domain':
      return element.domainId;
    case 'product':
    case 'port':
    case 'transformation':
      return element.productId;
    case 'system':
    case 'topic':
      return element.systemId;
    default:
      return undefined;
  }
}

/** Whether two references name the same element. */
export function isSameElement(a: ElementRef, b: ElementRef): boolean {
  if (a.kind !== b.kind) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return Object.keys(left).every((key) => left[key] === right[key]);
}
