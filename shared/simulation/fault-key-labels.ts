import type { FaultKind, Mesh } from '../model';
import { faultTargetName } from '../model/topic-references';
import { cardRefusal, FAULT_CARDS, type FaultSettings, faultFrom } from './fault-deck';

const SHORT_NAMES: Record<FaultKind, string> = {
  'consumer-offline': 'offline',
  redeliver: 'redeliver',
  'null-field': 'null',
  'out-of-order': 'out-of-order',
  'rename-column': 'rename',
};

/** A number key of presenter mode and what it fires as its card is set now: `1 offline · Registrations`. */
export interface FaultKeyLabel {
  key: number;
  kind: FaultKind;
  label: string;
  /** The product or system the fault is aimed at, none when the card has nothing to aim at. */
  nodeId?: string;
  /** Why the key fires nothing now, as its card's Fire button waits: the count typed on the card is refused. */
  refusal?: string;
}

export function faultKeyLabels(mesh: Mesh, settings: Partial<Record<FaultKind, FaultSettings>>): FaultKeyLabel[] {
  return FAULT_CARDS.map(({ kind, title }, index) => {
    // The label names what the card aims at, which no earlier rename changes: only a rename's new name does.
    const fault = faultFrom(mesh, kind, settings[kind] ?? {}, 0, []);
    const aimedAt = fault ? ` · ${faultTargetName(mesh, fault)}` : ` (${title}: nothing to aim at)`;
    const nodeId = fault && ('productId' in fault ? fault.productId : fault.systemId);
    const refusal = cardRefusal(kind, settings[kind] ?? {}) ?? undefined;
    const label = `${index + 1} ${SHORT_NAMES[kind]}${aimedAt}${refusal ? ` — does not fire: ${refusal}` : ''}`;
    return { key: index + 1, kind, label, nodeId, ...(refusal && { refusal }) };
  });
}
