import type { ElementRef } from '../model';

/** How much a finding matters; `off` is a severity a policy can set, never one a finding is shown with. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A one-click repair that is safe to offer: each is a pure edit of the mesh, or of a contract's text (see fixes.ts), undoable in the app. */
export type Fix =
  | { kind: 'set-owner'; element: Extract<ElementRef, { kind: 'domain' | 'product' }>; owner: string }
  | { kind: 'remove-link'; linkId: string }
  | { kind: 'add-port-contract'; productId: string; portId: string }
  | { kind: 'add-transformation'; productId: string; name: string }
  | { kind: 'capture-table'; systemId: string; table: string }
  | { kind: 'set-contract-version'; contractId: string; version: string }
  | { kind: 'classify-field'; contractId: string; object: string; field: string; classification: string }
  | { kind: 'name-serving'; contractId: string; domain?: string; dataProduct?: string }
  | { kind: 'name-team'; contractId: string; team: string };

/** What a rule reports: where, what, and how to repair it. */
export interface RuleFinding {
  message: string;
  element: ElementRef;
  /** Where in the document, as the file format names it: `products[2].outputPorts[0]`. */
  path: string;
  /** What to do about it, in words. */
  fixHint: string;
  /** Other elements the finding is about: the products and links of a cycle, the chain of a freshness promise. */
  related?: ElementRef[];
  /** Whether each related element shows the finding as its own, badge included: a cycle belongs to all its products and links. */
  isShownOnRelated?: boolean;
  /**
   * The contract whose demand the finding is, filed on what fails it (a port whose table lacks a
   * field the contract requires): the contract's editor lists it too.
   */
  causingContractId?: string;
  fix?: Fix;
  /**
   * A finding about the policies themselves (an unknown rule id, an unreadable entry), which the
   * same policies can neither turn off nor weaken: it keeps its own severity.
   */
  cannotBeTurnedOff?: boolean;
  /** For a rule whose findings differ in weight (a contract's errors and warnings): this one's, unless a policy sets the rule's. */
  severity?: Severity;
}

/** A rule's finding with the severity the mesh's policies give it. */
export interface Finding extends RuleFinding {
  ruleId: string;
  severity: Severity;
  /** Set when a policy turned the rule off: the finding is shown muted, with the reason, and counts for nothing. */
  suppressed?: { reason: string };
  /** The policy's reason for a changed severity, shown beside the finding. */
  policyReason?: string;
}
