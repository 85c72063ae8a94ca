import { aMesh, anOutboxTopic } from '../../builders/mesh-builder';
import { aProperty } from '../contracts/builders';

/**
 * Domain `vets` (team-vets) whose system `vet-service` publishes VetCheckFailed, contract
 * `vet-check-failed` with `notes` confidential, on its outbox topic `failed` (vet.events.vet-check-failed).
 */
export function aMeshWithAnOutboxEvent() {
  return aMesh()
    .withDomain('vets', { owner: 'team-vets' })
    .withContract('vet-check-failed', {
      schema: [
        {
          name: 'vet_check_failed',
          properties: [aProperty('horse_id'), aProperty('notes', 'string', { classification: 'confidential' })],
        },
      ],
    })
    .withSystem('vet-service', 'vets', {
      messaging: {
        broker: 'kafka',
        topics: [anOutboxTopic('failed', 'vet.events.vet-check-failed', 'VetCheckFailed')],
      },
      publishes: [{ name: 'VetCheckFailed', table: 'items', on: ['insert'], contractId: 'vet-check-failed' }],
    });
}
