import type { SlaProperty } from '../model/contract';

/** An SLA property's name as the app reads it: `Latency` and `latency ` are the one promise `latency`. */
export const slaPropertyName = (sla: Pick<SlaProperty, 'property'>): string => sla.property.trim().toLowerCase();
