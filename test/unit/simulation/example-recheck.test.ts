import { describe, expect, it } from 'vitest';
import type { LogMessage } from '../../../shared/simulation';
import { createSimulationHost } from '../../../shared/simulation/simulation-host';
import { aContract, aScenario, aShopMesh, PREDICTABLE_ITEMS, testWorkspace } from './builders';

/** The shop's item contract as it is edited after the run: a price of at most `maximum`. */
const itemsPricedAtMost = (maximum: number) =>
  aContract('item', 'entity', 'items')
    .withKey('id', 'integer')
    .withProperty('name', 'string', { required: true })
    .withProperty('price', 'number', { required: true, logicalTypeOptions: { maximum } })
    .withProperty('status', 'string', { enum: ['new', 'listed', 'sold'] })
    .build();

async function examplesOfARun(): Promise<Record<string, LogMessage[]>> {
  const scenario = aScenario()
    .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'update', { values: { price: 15 }, where: { id: 1 } })
    .build();
  const host = createSimulationHost(testWorkspace);
  await host.handle({ id: 1, type: 'create', mesh: aShopMesh().build(), scenario });
  await host.handle({ id: 2, type: 'step', ticks: 1 });
  const answer = await host.handle({ id: 3, type: 'examples', limit: 20 });
  if (answer.type !== 'examples') throw new Error(JSON.stringify(answer));
  return answer.examples;
}

describe('example records checked again against the contract as it is now', () => {
  it('names the rule a record now breaks, and passes the records that still keep the contract', async () => {
    const examples = await examplesOfARun();
    const edited = aShopMesh().build();
    edited.contracts = [itemsPricedAtMost(10)];
    // A host with no run: the run that published the records ended when the contract changed.
    const host = createSimulationHost(testWorkspace);

    const answer = await host.handle({ id: 1, type: 'recheck-examples', mesh: edited, examples });

    if (answer.type !== 'rechecked-examples') throw new Error(JSON.stringify(answer));
    expect(examples['catalog/items-out']?.map((message) => message.value)).toEqual([
      { id: 1, name: 'lamp', price: 15, status: 'new' },
      { id: 2, name: 'lamp', price: 9.5, status: 'new' },
    ]);
    expect(answer.violations['catalog/items-out']).toEqual([
      { rule: 'range', property: 'price', message: 'price must be at most 10, got 15.0' },
      null,
    ]);
  });

  it('passes every record under the contract the run published them under', async () => {
    const examples = await examplesOfARun();
    const host = createSimulationHost(testWorkspace);

    const answer = await host.handle({ id: 1, type: 'recheck-examples', mesh: aShopMesh().build(), examples });

    if (answer.type !== 'rechecked-examples') throw new Error(JSON.stringify(answer));
    expect(answer.violations).toEqual({ 'catalog/items-out': [null, null] });
  });
});
