import type { Contract, SlaProperty } from '../model/contract';
import { slaPropertyName } from './sla-property-name';

/** An SLA on how long the contract's data stays available (ODCS `retention`). */
export const isRetentionSla = (sla: SlaProperty) => slaPropertyName(sla) === 'retention';

/** What the contract's retention SLAs promise, as written (`10 y`); undefined when it gives none. */
export function promisedRetentionText(contract: Contract): string | undefined {
  const promises = contract.sla
    .filter(isRetentionSla)
    .map((sla) => [sla.value, sla.unit].filter((part) => part !== undefined && part !== null).join(' '));
  return promises.length > 0 ? promises.join(', ') : undefined;
}
