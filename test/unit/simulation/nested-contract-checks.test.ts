import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import { aContract, aMesh, aProduct, aScenario, aSystem, simulate } from './builders';

/** A listing's JSON columns as a contract nests them: an object, an array of objects and a 3.2 map. */
function aListingMesh(): Mesh {
  return aMesh()
    .with(
      aSystem('market')
        .withTable('listings', { id: 'integer', size: 'json', photos: 'json', attributes: 'json' })
        .withCdcTopic('listings-cdc', 'listings'),
      aProduct('catalog').withInput('listings-in').withOutput('listings-out', 'listing'),
      aContract('listing', 'entity', 'listings')
        .inApiVersion('v3.2.0')
        .withKey('id', 'integer')
        .withProperty('size', 'object', {
          nested: {
            properties: [
              { name: 'system', logicalType: 'string', required: true, quality: [allowed(['EU', 'US', 'JP'])] },
              { name: 'label', logicalType: 'string', logicalTypeOptions: { maxLength: 4 } },
            ],
          },
        })
        .withProperty('photos', 'array', {
          nested: {
            items: {
              logicalType: 'object',
              properties: [
                { name: 'url', logicalType: 'string', required: true },
                { name: 'width', logicalType: 'integer', logicalTypeOptions: { minimum: 1 } },
              ],
            },
          },
        })
        .withProperty('attributes', 'map', {
          nested: { map: { key: { logicalType: 'string' }, value: { logicalType: 'string' } } },
        }),
    )
    .withLink('market/listings-cdc', 'catalog/listings-in')
    .build();
}

/** ODCS's allowed values as a 3.1 rule, which the model reads as the property's `enum`. */
function allowed(validValues: string[]) {
  return { metric: 'invalidValues', arguments: { validValues }, mustBe: 0 };
}

const GOOD = {
  size: '{"system":"EU","label":"38"}',
  photos: '[{"url":"a.jpg","width":640},{"url":"b.jpg"}]',
  attributes: '{"brand":"Acme","colour":"red"}',
};

async function publishOne(values: Record<string, string | null>) {
  const scenario = aScenario()
    .at(1, 'market', 'listings', 'insert', { values: { id: 1, ...GOOD, ...values } })
    .build();
  const simulation = await simulate(aListingMesh(), scenario);
  simulation.step(1);
  return simulation;
}

describe('contract checks of nested fields on output ports', () => {
  it('publishes a map property as the JSON object it holds, as it does an object property', async () => {
    const simulation = await publishOne({});

    expect(simulation.metrics().ports['catalog/listings-out']).toMatchObject({ published: 1, quarantined: 0 });
    expect(simulation.metrics().logs['catalog/listings-out']?.recent.map((message) => message.value)).toEqual([
      {
        id: 1,
        size: { system: 'EU', label: '38' },
        photos: [{ url: 'a.jpg', width: 640 }, { url: 'b.jpg' }],
        attributes: { brand: 'Acme', colour: 'red' },
      },
    ]);
  });
});
