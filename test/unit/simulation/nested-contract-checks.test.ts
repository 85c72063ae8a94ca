import { describe, expect, it } from 'vitest';
import { WHOLE_MESH } from '../../../shared/export';
import { jsonSchemaTarget } from '../../../shared/export/jsonschema/json-schema-target';
import type { Mesh } from '../../../shared/model/mesh';
import { filesOf } from '../export/golden-cases';
import { compileJsonSchemas } from '../export/real-validators';
import { aContract, aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

type NestedProperty = Record<string, unknown> & { name: string };

/** The rules of the attributes' keys: short names, from a list. */
const ATTRIBUTE_KEY = {
  logicalType: 'string',
  logicalTypeOptions: { maxLength: 6 },
  quality: [allowed(['brand', 'colour', 'weight', 'size'])],
};

/**
 * A listing's JSON columns as a contract nests them: an object (with `moreOfSize`), an array of
 * objects and a 3.2 map (its keys ruled by `attributeKey`).
 */
function aListingMesh(moreOfSize: NestedProperty[] = [], attributeKey: Record<string, unknown> = ATTRIBUTE_KEY): Mesh {
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
              { name: 'folded', logicalType: 'boolean', quality: [allowed([true])] },
              ...moreOfSize,
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
                { name: 'rotation', logicalType: 'integer', quality: [allowed([0, 90, 180, 270])] },
              ],
            },
          },
        })
        .withProperty('attributes', 'map', {
          nested: { map: { key: attributeKey, value: { logicalType: 'string' } } },
        }),
    )
    .withLink('market/listings-cdc', 'catalog/listings-in')
    .build();
}

/** ODCS's allowed values as a 3.1 rule, which the model reads as the property's `enum`. */
function allowed(validValues: (string | number | boolean)[]) {
  return { metric: 'invalidValues', arguments: { validValues }, mustBe: 0 };
}

const GOOD = {
  size: '{"system":"EU","label":"38"}',
  photos: '[{"url":"a.jpg","width":640},{"url":"b.jpg"}]',
  attributes: '{"brand":"Acme","colour":"red"}',
};

async function publishOne(values: Record<string, string | null>, mesh = aListingMesh()) {
  const scenario = aScenario()
    .at(1, 'market', 'listings', 'insert', { values: { id: 1, ...GOOD, ...values } })
    .build();
  const simulation = await simulate(mesh, scenario);
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

  it.each([
    [
      { size: '{"system":"XX","label":"38"}' },
      'enum',
      'size.system',
      "size.system must be one of EU, US, JP, got 'XX'",
    ],
    [{ size: '{"label":"38"}' }, 'required', 'size.system', 'size.system is required'],
    [{ size: '{"system":null}' }, 'required', 'size.system', 'size.system is required'],
    [{ size: '{"system":"EU","label":38}' }, 'type', 'size.label', 'size.label must be a string, got 38'],
    [
      { size: '{"system":"EU","label":"XXXXL"}' },
      'length',
      'size.label',
      "size.label must be at most 4 characters long, got 'XXXXL'",
    ],
    [
      { photos: '[{"url":"a.jpg"},{"url":"b.jpg"},{"width":2}]' },
      'required',
      'photos[2].url',
      'photos[2].url is required',
    ],
    [
      { photos: '[{"url":"a.jpg","width":0}]' },
      'range',
      'photos[0].width',
      'photos[0].width must be at least 1, got 0',
    ],
    [{ photos: '["a.jpg"]' }, 'type', 'photos[0]', "photos[0] must be an object, got 'a.jpg'"],
    [
      { photos: '[{"url":"a.jpg","rotation":45}]' },
      'enum',
      'photos[0].rotation',
      'photos[0].rotation must be one of 0, 90, 180, 270, got 45',
    ],
    [{ size: '{"system":"EU","folded":false}' }, 'enum', 'size.folded', 'size.folded must be one of true, got 0'],
    [
      { attributes: '{"brand":"Acme","BRAND":"Acme"}' },
      'enum',
      'attributes.BRAND',
      "the key of attributes.BRAND must be one of brand, colour, weight, size, got 'BRAND'",
    ],
    [
      { photos: '[{"url":"a.jpg","width":2.5}]' },
      'type',
      'photos[0].width',
      'photos[0].width must be an integer, got 2.5',
    ],
    [
      { attributes: '{"brand":"Acme","weight":3}' },
      'type',
      'attributes.weight',
      'attributes.weight must be a string, got 3',
    ],
  ])('quarantines %j for breaking the %s rule at %s', async (values, rule, property, message) => {
    const simulation = await publishOne(values);

    expect(rowsOf(simulation, 'catalog', 'SELECT rule, property, message FROM quarantine')).toEqual([
      { rule, property, message },
    ]);
    expect(simulation.metrics().ports['catalog/listings-out']).toMatchObject({ published: 0, quarantined: 1 });
  });

  it.each([
    ['a quote', 'a"b', '{"system":"EU","a\\"b":"x"}'],
    ['a backslash', 'c\\d', '{"system":"EU","c\\\\d":"x"}'],
    ['a dot', 'e.f', '{"system":"EU","e.f":"x"}'],
  ])('checks a nested field whose name holds %s (%s), escaped in its JSON path', async (_, name, breaking) => {
    const mesh = aListingMesh([{ name, logicalType: 'integer', required: true }]);
    const kept = await publishOne({ size: JSON.stringify({ system: 'EU', [name]: 7 }) }, mesh);
    expect(kept.metrics().ports['catalog/listings-out']).toMatchObject({ published: 1, quarantined: 0 });

    const broken = await publishOne({ size: breaking }, mesh);
    expect(rowsOf(broken, 'catalog', 'SELECT rule, property, message FROM quarantine')).toEqual([
      { rule: 'type', property: `size.${name}`, message: `size.${name} must be an integer, got 'x'` },
    ]);
  });

  it('takes a JSON number with an integral value (640.0) as an integer, as JSON Schema does', async () => {
    const simulation = await publishOne({ photos: '[{"url":"a.jpg","width":640.0}]' });

    expect(rowsOf(simulation, 'catalog', 'SELECT message FROM quarantine')).toEqual([]);
    expect(simulation.metrics().ports['catalog/listings-out']).toMatchObject({ published: 1, quarantined: 0 });
  });

  it('checks the length of a map key', async () => {
    const mesh = aListingMesh([], { logicalType: 'string', logicalTypeOptions: { maxLength: 6 } });
    const broken = await publishOne({ attributes: '{"brand":"Acme","colours":"red"}' }, mesh);

    expect(rowsOf(broken, 'catalog', 'SELECT rule, property, message FROM quarantine')).toEqual([
      {
        rule: 'length',
        property: 'attributes.colours',
        message: "the key of attributes.colours must be at most 6 characters long, got 'colours'",
      },
    ]);
  });

  it('checks the pattern of a map key, as the exported JSON Schema does (propertyNames)', async () => {
    const mesh = aListingMesh([], { logicalType: 'string', logicalTypeOptions: { pattern: '^[a-z_]+$' } });
    const kept = await publishOne({ attributes: '{"brand":"Acme","shelf_life":"2y"}' }, mesh);
    expect(kept.metrics().ports['catalog/listings-out']).toMatchObject({ published: 1, quarantined: 0 });

    const broken = await publishOne({ attributes: '{"brand":"Acme","HUMIDITY":"40"}' }, mesh);
    expect(rowsOf(broken, 'catalog', 'SELECT rule, property, message FROM quarantine')).toEqual([
      {
        rule: 'pattern',
        property: 'attributes.HUMIDITY',
        message: "the key of attributes.HUMIDITY must match ^[a-z_]+$, got 'HUMIDITY'",
      },
    ]);
  });

  it('checks the pattern of a nested text field', async () => {
    const mesh = aListingMesh([{ name: 'code', logicalType: 'string', logicalTypeOptions: { pattern: '^[A-Z]{2}$' } }]);
    const broken = await publishOne({ size: '{"system":"EU","code":"eu"}' }, mesh);

    expect(rowsOf(broken, 'catalog', 'SELECT rule, property, message FROM quarantine')).toEqual([
      { rule: 'pattern', property: 'size.code', message: "size.code must match ^[A-Z]{2}$, got 'eu'" },
    ]);
  });

  it('checks the type of a map key written as text: an integer key reads as one', async () => {
    const mesh = aListingMesh([], { logicalType: 'integer' });
    const kept = await publishOne({ attributes: '{"12":"Acme","-3":"red"}' }, mesh);
    expect(kept.metrics().ports['catalog/listings-out']).toMatchObject({ published: 1, quarantined: 0 });

    const broken = await publishOne({ attributes: '{"12":"Acme","x1":"red"}' }, mesh);
    expect(rowsOf(broken, 'catalog', 'SELECT rule, property, message FROM quarantine')).toEqual([
      { rule: 'type', property: 'attributes.x1', message: "the key of attributes.x1 must be an integer, got 'x1'" },
    ]);
  });

  it('lets optional nested fields be missing or null, and an optional object or map be null', async () => {
    const simulation = await publishOne({ size: '{"system":"US","label":null}', photos: '[]', attributes: null });

    expect(rowsOf(simulation, 'catalog', 'SELECT rule FROM quarantine')).toEqual([]);
    expect(simulation.metrics().ports['catalog/listings-out']).toMatchObject({ published: 1, quarantined: 0 });
  });

  it.each(Object.entries(VARIANTS))(
    'publishes exactly the records the exported JSON Schema accepts, and quarantines the rest: %s',
    async (column, values) => {
      await expectAgreementWithJsonSchema(aListingMesh(), { [column]: oneOf(values) });
    },
  );

  it.each([
    ['integer', ['{"12":"a"}', '{"-3":"b","0":"c"}', '{"012":"d"}', '{"x1":"e"}', '{"1.5":"f"}', '{" 12":"g"}']],
    ['number', ['{"1.5":"a"}', '{"-2e3":"b"}', '{"1.":"c"}', '{".5":"d"}', '{"NaN":"e"}', '{"7":"f"}']],
    ['boolean', ['{"true":"a"}', '{"false":"b"}', '{"yes":"c"}', '{"True":"d"}']],
  ])('agrees with the exported JSON Schema on map keys of type %s', async (type, values) => {
    await expectAgreementWithJsonSchema(aListingMesh([], { logicalType: type }), { attributes: oneOf(values) });
  });

  it('agrees with the exported JSON Schema on map keys and text with a pattern, unanchored as JSON Schema reads it', async () => {
    const mesh = aListingMesh([{ name: 'code', logicalType: 'string', logicalTypeOptions: { pattern: '[A-Z]{2}' } }], {
      logicalType: 'string',
      logicalTypeOptions: { pattern: '^[a-z_]+$' },
    });
    await expectAgreementWithJsonSchema(mesh, {
      attributes: oneOf(['{"brand":"a"}', '{"shelf_life":"b"}', '{"HUMIDITY":"c"}', '{"a-b":"d"}', '{"":"e"}']),
      size: oneOf([
        '{"system":"EU","code":"EU"}',
        '{"system":"EU","code":"xEUx"}',
        '{"system":"EU","code":"eu"}',
        '{"system":"EU"}',
      ]),
    });
  });
});

/** Per column, the values the agreement test draws from while the other columns hold good ones. */
const VARIANTS = {
  size: [
    '{"system":"EU","label":"38"}',
    '{"system":"XX"}',
    '{"label":"M"}',
    '{"system":"US","label":7}',
    '[]',
    '{"system":"JP","folded":true}',
    '{"system":"JP","folded":false}',
  ],
  photos: [
    '[]',
    '[{"url":"a.jpg","width":2}]',
    '[{"url":"a.jpg"},{"width":2}]',
    '[{"url":"a.jpg","width":0}]',
    '[{"url":null}]',
    '[{"url":"a.jpg","width":2.0}]',
    '[{"url":"a.jpg","width":2.5}]',
    '[{"url":"a.jpg","rotation":90}]',
    '[{"url":"a.jpg","rotation":45}]',
  ],
  attributes: [
    '{"brand":"Acme"}',
    '{}',
    '{"brand":"Acme","weight":3}',
    '{"brand":null}',
    'null',
    '{"BRAND":"Acme"}',
    '{"size":"XL"}',
    '{"colours":"red"}',
  ],
};

/**
 * Runs 60 listings with the good values but for `varied` columns, and expects every published
 * record valid against the exported JSON Schema and every quarantined one invalid.
 */
async function expectAgreementWithJsonSchema(mesh: Mesh, varied: Record<string, ReturnType<typeof oneOf>>) {
  const validate = compileJsonSchemas(filesOf(jsonSchemaTarget.files(mesh, WHOLE_MESH))).getSchema(
    'urn:data-contract:listing:1.0.0:listings',
  )!;
  const good = Object.fromEntries(Object.entries(GOOD).map(([column, value]) => [column, oneOf([value])]));
  const scenario = aScenario()
    .withData('market', 'listings', 60, { ...good, ...varied })
    .build();
  // Every published record, not the last five the metrics show by default.
  const simulation = await simulate(mesh, scenario, { recentMessages: 60 });
  simulation.step(1);

  const published = simulation.metrics().logs['catalog/listings-out']!.recent.map((message) => message.value);
  const quarantined = rowsOf(simulation, 'catalog', 'SELECT record FROM quarantine').map(({ record }) =>
    JSON.parse(String(record)),
  );
  expect(published.length + quarantined.length).toBe(60);
  expect(published.length).toBeGreaterThan(0);
  expect(quarantined.length).toBeGreaterThan(0);
  for (const record of published) expect(validate(record) ? [] : validate.errors, JSON.stringify(record)).toEqual([]);
  for (const record of quarantined) expect(validate(record), JSON.stringify(record)).toBe(false);
}

function oneOf(values: string[]) {
  return { kind: 'oneOf', values } as const;
}
