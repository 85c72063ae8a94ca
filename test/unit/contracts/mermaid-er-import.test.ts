import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';
import type { ContractProperty } from '../../../shared/model/contract';
import { parseErDiagram, whereMermaidRefuses } from '../diagrams/real-mermaid';

/** A hand-written erDiagram imported as a contract: its objects' properties and what was noted. */
function imported(text: string) {
  const result = importContractSource('snow-stations.mmd', text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const propertyOf = (object: string, name: string): ContractProperty | undefined =>
    result.contract.schema
      .find((candidate) => candidate.name === object)
      ?.properties.find((property) => property.name === name);
  return { propertyOf, notes: result.notes.map((note) => `${note.line}: ${note.message}`) };
}

const stationsWith = (relationship: string) => `erDiagram
  STATION ${relationship} READING : records
  STATION {
    string station_id PK
  }
  READING {
    int reading_id PK
    string station_id FK
  }
`;

describe('a relationship line, however Mermaid lets it be written', () => {
  it.each([
    ['crow’s feet', '||--o{'],
    ['words', 'only one to zero or more'],
    ['numbers', '1 to 1+'],
    ['an optional relationship in words', 'one or zero optionally to many(1)'],
    ['a dotted line', '|o..o{'],
    ['a number right before the line', '1--0+'],
    ['a number before a space and a name', '}o--1'],
  ])('makes the FK attribute a foreign key when written with %s (%s)', (_, relationship) => {
    const { propertyOf, notes } = imported(stationsWith(relationship));
    expect(propertyOf('READING', 'station_id')?.extensions?.relationships).toEqual([
      { type: 'foreignKey', to: 'STATION.station_id' },
    ]);
    expect(notes).toEqual([]);
  });
});

describe('names beyond ASCII, which Mermaid takes in attributes', () => {
  it('imports each attribute, its name and comment as written', () => {
    const { propertyOf, notes } = imported(`erDiagram
  MESSSTATION {
    string station_id PK
    int höhe_m "Höhe über Meer"
    number schneehöhe_cm
    décimal neige_cm
  }
`);
    expect(propertyOf('MESSSTATION', 'höhe_m')).toMatchObject({
      logicalType: 'integer',
      description: 'Höhe über Meer',
    });
    expect(propertyOf('MESSSTATION', 'schneehöhe_cm')).toMatchObject({ logicalType: 'number' });
    expect(propertyOf('MESSSTATION', 'neige_cm')).toMatchObject({ logicalType: 'string', physicalType: 'décimal' });
    expect(notes).toEqual(['6: décimal has no ODCS logical type: imported as a string (physicalType décimal)']);
  });
});

describe('entities written as Mermaid lets them be', () => {
  it('reads a block on one line, several attributes to a line, and the block closed after its last attribute', () => {
    const { propertyOf, notes } = imported(`erDiagram
  STATION { string station_id PK }
  READING { int reading_id PK string station_id FK "the station" }
  OBSERVER {
    int observer_id PK string name
    string region "home region" }
  STATION ||--o{ READING : records
`);
    expect(propertyOf('STATION', 'station_id')).toMatchObject({ primaryKey: true });
    expect(propertyOf('READING', 'station_id')).toMatchObject({
      description: 'the station',
      extensions: { relationships: [{ type: 'foreignKey', to: 'STATION.station_id' }] },
    });
    expect(propertyOf('OBSERVER', 'name')).toMatchObject({ logicalType: 'string' });
    expect(propertyOf('OBSERVER', 'region')).toMatchObject({ description: 'home region' });
    expect(notes).toEqual([]);
  });

  it('reads an entity that has classes (`A:::hot {`), noting only the lines it does not read', () => {
    const { propertyOf, notes } = imported(`erDiagram
  STATION:::sensor,alpine {
    string station_id PK
  }
  alert["Resort alert"]:::urgent {
    int alert_id PK
  }
  classDef sensor fill:#eef
`);
    expect(propertyOf('STATION', 'station_id')).toMatchObject({ primaryKey: true });
    expect(propertyOf('resort_alert', 'alert_id')).toMatchObject({ primaryKey: true });
    expect(notes).toEqual(['8: not read: classDef sensor fill:#eef']);
  });

  it('reports what is left of a line after the attributes it reads', () => {
    const { propertyOf, notes } = imported('erDiagram\n  STATION {\n    string station_id PK 42\n  }\n');
    expect(propertyOf('STATION', 'station_id')).toMatchObject({ primaryKey: true });
    expect(notes).toEqual(['3: attribute not read: 42']);
  });
});

describe('a comment (`%%`)', () => {
  it('is no comment inside an attribute\'s quoted comment, which Mermaid reads whole ("HbA1c in %% of total")', async () => {
    const text = `erDiagram
  %% the central lab's panel
  LAB_PANEL {
    string panel_id PK "LOINC panel"
    decimal hba1c_pct "HbA1c in %% of total haemoglobin"
  }
`;
    const { propertyOf, notes } = imported(text);
    expect(propertyOf('LAB_PANEL', 'hba1c_pct')).toMatchObject({ description: 'HbA1c in %% of total haemoglobin' });
    expect(notes).toEqual([]);
    expect((await parseErDiagram(text)).entities[0]?.attributes).toEqual([
      'string panel_id PK LOINC panel',
      'decimal hba1c_pct HbA1c in %% of total haemoglobin',
    ]);
  });
});

describe('an optional type (`date? death_date`), which Mermaid takes since 11.16', () => {
  it("imports the attribute with its type's logical type, not required, its comment its description", async () => {
    const text = `erDiagram
  SUBJECT {
    string subject_id PK
    date? death_date "if deceased"
    int ? age
  }
`;
    const { propertyOf, notes } = imported(text);
    expect(propertyOf('SUBJECT', 'death_date')).toEqual({
      name: 'death_date',
      logicalType: 'date',
      required: false,
      unique: false,
      primaryKey: false,
      description: 'if deceased',
    });
    expect(propertyOf('SUBJECT', 'age')).toMatchObject({
      logicalType: 'integer',
      physicalType: 'int',
      required: false,
    });
    expect(notes).toEqual([]);
    expect((await parseErDiagram(text)).entities[0]?.attributes).toEqual([
      'string subject_id PK',
      'date? death_date if deceased',
      'int? age',
    ]);
  });
});

describe('a subgraph, which Mermaid draws around entities since 11.17', () => {
  it('imports the entities in it, noting the frame, which is no schema object, and reading its `end` as no entity', async () => {
    const text = `erDiagram
  subgraph enrol["Patient Enrolment"]
    SUBJECT {
      string subject_id PK
    }
  end
  SITE {
    string site_id PK
  }
`;
    const { propertyOf, notes } = imported(text);
    expect(propertyOf('SUBJECT', 'subject_id')).toMatchObject({ primaryKey: true });
    expect(propertyOf('SITE', 'site_id')).toMatchObject({ primaryKey: true });
    expect(notes).toEqual([
      '2: subgraph enrol["Patient Enrolment"] not imported: a contract does not group its schema objects (the entities in it are)',
    ]);
    expect((await parseErDiagram(text)).entities.map((entity) => entity.attributes)).toEqual([
      ['string subject_id PK'],
      ['string site_id PK'],
    ]);
  });
});

describe('an FK attribute named unlike the key it refers to, as hand-written diagrams name them', () => {
  const foreignKeyOf = (propertyOf: ReturnType<typeof imported>['propertyOf'], object: string, name: string) =>
    propertyOf(object, name)?.extensions?.relationships;

  it("refers to the key of the joined entity its name holds (BOOKING's customer_id: CUSTOMER.id)", () => {
    const { propertyOf, notes } = imported(`erDiagram
  CUSTOMER ||--o{ BOOKING : places
  BOOKING }o--|| SAILING : "travels on"
  CUSTOMER {
    int id PK
  }
  SAILING {
    string id PK
  }
  BOOKING {
    string booking_ref PK
    int customer_id FK
    string sailing_id FK
  }
`);
    expect(foreignKeyOf(propertyOf, 'BOOKING', 'customer_id')).toEqual([{ type: 'foreignKey', to: 'CUSTOMER.id' }]);
    expect(foreignKeyOf(propertyOf, 'BOOKING', 'sailing_id')).toEqual([{ type: 'foreignKey', to: 'SAILING.id' }]);
    expect(notes).toEqual([]);
  });

  it("reads Mermaid's own example: NAMED-DRIVER's keys refer to CAR's and, the one left, PERSON's", () => {
    const { propertyOf, notes } = imported(`erDiagram
    CAR ||--o{ NAMED-DRIVER : allows
    CAR {
        string registrationNumber PK
        string make
    }
    PERSON ||--o{ NAMED-DRIVER : is
    PERSON {
        string driversLicense PK "The license #"
        string(99) firstName "Only 99 characters are allowed"
    }
    NAMED-DRIVER {
        string carRegistrationNumber PK, FK
        string driverLicence PK, FK
    }
`);
    expect(foreignKeyOf(propertyOf, 'named_driver', 'carRegistrationNumber')).toEqual([
      { type: 'foreignKey', to: 'CAR.registrationNumber' },
    ]);
    expect(foreignKeyOf(propertyOf, 'named_driver', 'driverLicence')).toEqual([
      { type: 'foreignKey', to: 'PERSON.driversLicense' },
    ]);
    expect(notes.filter((note) => /FK|relationship/.test(note))).toEqual([]);
  });

  it('refers to the key of the only joined entity no FK explains by name (from_port, to_port: PORT.locode)', () => {
    const { propertyOf, notes } = imported(`erDiagram
  VESSEL ||--|{ LEG : sails
  LEG }|..|{ HARBOUR : "calls at"
  VESSEL {
    string imo_number PK
  }
  HARBOUR {
    string locode PK
  }
  LEG {
    string leg_id PK
    string imo_number FK
    string from_port FK
    string to_port FK
  }
`);
    expect(foreignKeyOf(propertyOf, 'LEG', 'imo_number')).toEqual([{ type: 'foreignKey', to: 'VESSEL.imo_number' }]);
    expect(foreignKeyOf(propertyOf, 'LEG', 'from_port')).toEqual([{ type: 'foreignKey', to: 'HARBOUR.locode' }]);
    expect(foreignKeyOf(propertyOf, 'LEG', 'to_port')).toEqual([{ type: 'foreignKey', to: 'HARBOUR.locode' }]);
    expect(notes).toEqual([]);
  });

  it("refers to its own entity's key through a line joining the entity to itself (mentor_id)", () => {
    const { propertyOf, notes } = imported(`erDiagram
  SEAFARER |o--o{ SEAFARER : mentors
  SEAFARER {
    string seafarer_id PK
    string mentor_id FK
  }
`);
    expect(foreignKeyOf(propertyOf, 'SEAFARER', 'mentor_id')).toEqual([
      { type: 'foreignKey', to: 'SEAFARER.seafarer_id' },
    ]);
    expect(notes).toEqual([]);
  });

  it('is still noted, with the lines, where either of two joined entities could hold its key', () => {
    const { propertyOf, notes } = imported(`erDiagram
  BOOKING }o--|| CUSTOMER : "made by"
  BOOKING }o--|| AGENT : "sold by"
  CUSTOMER {
    int id PK
  }
  AGENT {
    int id PK
  }
  BOOKING {
    string booking_ref PK
    int party FK
  }
`);
    expect(foreignKeyOf(propertyOf, 'BOOKING', 'party')).toBeUndefined();
    expect(notes).toEqual([
      '2: relationship BOOKING – CUSTOMER "made by" names no FK attribute: not imported',
      '3: relationship BOOKING – AGENT "sold by" names no FK attribute: not imported',
      '12: FK party: no relationship line says which entity it refers to, not imported as a relationship',
    ]);
  });
});

describe('an FK attribute whose name two joined entities hold', () => {
  it('refers to the one whose key it names, not to another FK of that name (tank_id: TANK.tank_id)', () => {
    const { propertyOf, notes } = imported(`erDiagram
  BREW_BATCH ||--|{ FERMENTATION_READING : "sampled by"
  TANK ||--o{ FERMENTATION_READING : hosts
  BREW_BATCH }o--|| TANK : "fermented in"
  BREW_BATCH {
    string batch_id PK
    string tank_id FK
  }
  TANK {
    string tank_id PK
  }
  FERMENTATION_READING {
    string batch_id PK, FK
    timestamp read_at PK
    string tank_id FK
  }
`);
    expect(propertyOf('BREW_BATCH', 'tank_id')?.extensions?.relationships).toEqual([
      { type: 'foreignKey', to: 'TANK.tank_id' },
    ]);
    expect(propertyOf('FERMENTATION_READING', 'tank_id')?.extensions?.relationships).toEqual([
      { type: 'foreignKey', to: 'TANK.tank_id' },
    ]);
    expect(propertyOf('FERMENTATION_READING', 'batch_id')?.extensions?.relationships).toEqual([
      { type: 'foreignKey', to: 'BREW_BATCH.batch_id' },
    ]);
    expect(notes).toEqual([]);
  });

  it("is not another FK of its name, which refers to the same key: KEG's and TAP_POUR's batch_id are BATCH's id", () => {
    const { propertyOf, notes } = imported(`erDiagram
  BATCH ||--o{ KEG : fills
  BATCH ||--o{ TAP_POUR : "poured from"
  KEG ||--o{ TAP_POUR : "tapped as"
  BATCH {
    int id PK
  }
  KEG {
    string keg_serial PK
    int batch_id FK
  }
  TAP_POUR {
    int pour_id PK
    int batch_id FK
    string keg_serial FK
  }
`);
    expect(propertyOf('KEG', 'batch_id')?.extensions?.relationships).toEqual([{ type: 'foreignKey', to: 'BATCH.id' }]);
    expect(propertyOf('TAP_POUR', 'batch_id')?.extensions?.relationships).toEqual([
      { type: 'foreignKey', to: 'BATCH.id' },
    ]);
    expect(propertyOf('TAP_POUR', 'keg_serial')?.extensions?.relationships).toEqual([
      { type: 'foreignKey', to: 'KEG.keg_serial' },
    ]);
    expect(notes).toEqual([]);
  });
});

describe('a relationship line an FK named after the other entity explains', () => {
  it('is not taken by an FK of the entity at its other end (CUSTOMER.referrer is no order)', () => {
    const { propertyOf, notes } = imported(`erDiagram
  CUSTOMER ||--o{ ORDER : places
  CUSTOMER {
    int id PK
    int referrer FK
  }
  ORDER {
    int order_no PK
    int customer_id FK
  }
`);
    expect(propertyOf('ORDER', 'customer_id')?.extensions?.relationships).toEqual([
      { type: 'foreignKey', to: 'CUSTOMER.id' },
    ]);
    expect(propertyOf('CUSTOMER', 'referrer')?.extensions?.relationships).toBeUndefined();
    expect(notes).toEqual([
      '5: FK referrer: no relationship line says which entity it refers to, not imported as a relationship',
    ]);
  });
});

describe('a second relationship line between two entities an FK already joins', () => {
  it('is not noted: the FK imports their join, as it does for the first line (customer_id: CUSTOMER.customer_id)', () => {
    const { propertyOf, notes } = imported(`erDiagram
  CUSTOMER ||--o{ ORDER : places
  ORDER }o--|| CUSTOMER : "is paid for by"
  CUSTOMER {
    int customer_id PK
  }
  ORDER {
    int order_id PK
    int customer_id FK
  }
`);
    expect(propertyOf('ORDER', 'customer_id')?.extensions?.relationships).toEqual([
      { type: 'foreignKey', to: 'CUSTOMER.customer_id' },
    ]);
    expect(notes).toEqual([]);
  });

  it('is not noted where each line has an FK of its own (buyer_id, recipient_id: CUSTOMER.id)', () => {
    const { propertyOf, notes } = imported(`erDiagram
  ORDER }o--|| CUSTOMER : "placed by"
  ORDER }o--|| CUSTOMER : "shipped to"
  CUSTOMER {
    int id PK
  }
  ORDER {
    int order_id PK
    int buyer_id FK
    int recipient_id FK
  }
`);
    for (const fk of ['buyer_id', 'recipient_id'])
      expect(propertyOf('ORDER', fk)?.extensions?.relationships).toEqual([{ type: 'foreignKey', to: 'CUSTOMER.id' }]);
    expect(notes).toEqual([]);
  });
});

describe('an attribute typed as a list of a type (`string[]`)', () => {
  const promotions = `erDiagram
  PROMO {
    string promo_code PK
    string[] tags
    decimal(5,2)[] discount_steps
    int[][] weekly_counts
    any[] extras
    crumb[] toppings
  }
`;

  it('keeps the type its items are of, as an array of them, the type written kept as physicalType', () => {
    const { propertyOf } = imported(promotions);
    expect(propertyOf('PROMO', 'tags')).toMatchObject({
      logicalType: 'array',
      physicalType: 'string[]',
      extensions: { items: { logicalType: 'string' } },
    });
    expect(propertyOf('PROMO', 'discount_steps')).toMatchObject({
      logicalType: 'array',
      physicalType: 'decimal(5,2)[]',
      extensions: { items: { logicalType: 'number' } },
    });
    expect(propertyOf('PROMO', 'weekly_counts')?.extensions?.items).toEqual({
      logicalType: 'array',
      items: { logicalType: 'integer' },
    });
  });

  it('is an array of items of no known type where the items are `any`, and notes a type it does not know', () => {
    const { propertyOf, notes } = imported(promotions);
    expect(propertyOf('PROMO', 'extras')).toMatchObject({ logicalType: 'array', physicalType: 'any[]' });
    expect(propertyOf('PROMO', 'extras')?.extensions?.items).toBeUndefined();
    expect(propertyOf('PROMO', 'toppings')).toMatchObject({
      logicalType: 'array',
      physicalType: 'crumb[]',
      extensions: { items: { logicalType: 'string' } },
    });
    expect(notes).toEqual(['8: crumb has no ODCS logical type: its items imported as strings (physicalType crumb[])']);
  });
});

describe('FK attributes that together refer to a key of several attributes', () => {
  it('make one foreign key to the whole key, in its order, however the FKs are ordered', () => {
    const result = importContractSource(
      'refunds.mmd',
      `erDiagram
  RECEIPT_LINE ||--o{ REFUND_LINE : "refunded by"
  RECEIPT_LINE {
    string receipt_id PK
    int line_no PK
  }
  REFUND_LINE {
    string refund_id PK
    int line_no FK
    string receipt_id FK
  }
`,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const refundLine = result.contract.schema.find((object) => object.name === 'REFUND_LINE');
    expect(refundLine?.extensions?.relationships).toEqual([
      {
        type: 'foreignKey',
        from: ['REFUND_LINE.receipt_id', 'REFUND_LINE.line_no'],
        to: ['RECEIPT_LINE.receipt_id', 'RECEIPT_LINE.line_no'],
      },
    ]);
    expect(refundLine?.properties.some((property) => property.extensions?.relationships)).toBe(false);
    expect(result.notes).toEqual([]);
  });

  it.each([
    [
      'the batch line first',
      ['BREW_BATCH ||--o{ SENSOR_ALERT : "raised for"', 'FERMENTATION_READING ||--o{ SENSOR_ALERT : triggers'],
    ],
    [
      'the reading line first',
      ['FERMENTATION_READING ||--o{ SENSOR_ALERT : triggers', 'BREW_BATCH ||--o{ SENSOR_ALERT : "raised for"'],
    ],
  ])(
    'make one foreign key to the whole key of a reading, not a part of it, whichever line comes first (%s)',
    (_, lines) => {
      const result = importContractSource(
        'alerts.mmd',
        `erDiagram
  ${lines.join('\n  ')}
  BREW_BATCH ||--|{ FERMENTATION_READING : "sampled by"
  BREW_BATCH {
    string batch_id PK
  }
  FERMENTATION_READING {
    string batch_id PK, FK
    timestamp read_at PK
  }
  SENSOR_ALERT {
    string alert_id PK
    string batch_id FK
    timestamp read_at FK
  }
`,
      );
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const alert = result.contract.schema.find((object) => object.name === 'SENSOR_ALERT');
      expect(alert?.extensions?.relationships).toEqual([
        {
          type: 'foreignKey',
          from: ['SENSOR_ALERT.batch_id', 'SENSOR_ALERT.read_at'],
          to: ['FERMENTATION_READING.batch_id', 'FERMENTATION_READING.read_at'],
        },
      ]);
      expect(alert?.properties.some((property) => property.extensions?.relationships)).toBe(false);
    },
  );
});

describe('an attribute of a generic type (`List~string~`), which Mermaid draws as `List<string>`', () => {
  const playlists = `erDiagram
  PLAYLIST {
    string playlist_id PK
    List~string~ tags "moods"
    array~int~ track_numbers
    Map~string, int~ plays_by_country
    List~List~decimal(5,2)~~? ratings
    Map~string,List~crumb~~ toppings
    Set~string~ genres
    Map~string~ labels
  }
`;

  it('is read as Mermaid reads it: its type the whole word between the tildes and past them', async () => {
    expect((await parseErDiagram(playlists)).entities[0]?.attributes).toEqual([
      'string playlist_id PK',
      'List~string~ tags moods',
      'array~int~ track_numbers',
      'Map~string, int~ plays_by_country',
      'List~List~decimal(5,2)~~? ratings',
      'Map~string,List~crumb~~ toppings',
      'Set~string~ genres',
      'Map~string~ labels',
    ]);
  });

  it('imports a list as an array of its type, a map as a map from its key type to its value type, the type written kept as physicalType', () => {
    const { propertyOf } = imported(playlists);
    expect(propertyOf('PLAYLIST', 'tags')).toMatchObject({
      logicalType: 'array',
      physicalType: 'List~string~',
      description: 'moods',
      extensions: { items: { logicalType: 'string' } },
    });
    expect(propertyOf('PLAYLIST', 'track_numbers')).toMatchObject({
      logicalType: 'array',
      extensions: { items: { logicalType: 'integer' } },
    });
    expect(propertyOf('PLAYLIST', 'plays_by_country')).toMatchObject({
      logicalType: 'map',
      physicalType: 'Map~string, int~',
      extensions: { map: { key: { logicalType: 'string' }, value: { logicalType: 'integer' } } },
    });
    expect(propertyOf('PLAYLIST', 'ratings')).toMatchObject({
      logicalType: 'array',
      physicalType: 'List~List~decimal(5,2)~~',
      required: false,
      extensions: { items: { logicalType: 'array', items: { logicalType: 'number' } } },
    });
    expect(propertyOf('PLAYLIST', 'toppings')).toMatchObject({
      logicalType: 'map',
      extensions: {
        map: { key: { logicalType: 'string' }, value: { logicalType: 'array', items: { logicalType: 'string' } } },
      },
    });
  });

  it('notes, naming the type, what ODCS has no type for: an unknown item type, a set, a map of one type', () => {
    const { propertyOf, notes } = imported(playlists);
    expect(propertyOf('PLAYLIST', 'genres')).toMatchObject({ logicalType: 'string', physicalType: 'Set~string~' });
    expect(propertyOf('PLAYLIST', 'labels')).toMatchObject({ logicalType: 'string', physicalType: 'Map~string~' });
    expect(notes).toEqual([
      '8: crumb has no ODCS logical type: its items imported as strings (physicalType Map~string,List~crumb~~)',
      '9: Set~string~ has no ODCS logical type: imported as a string (physicalType Set~string~)',
      '10: Map~string~ names 1 type where a map takes 2 (key, value): imported as a string (physicalType Map~string~)',
    ]);
  });
});

describe('what Mermaid refuses to draw, refused with its line rather than imported', () => {
  const refusal = (text: string) => {
    const result = importContractSource('snow-stations.mmd', text);
    return result.ok ? 'imported' : result.errors.map((error) => `${error.line}:${error.column}: ${error.message}`);
  };

  it.each([
    ['after an attribute', 'erDiagram\n  STATION {\n    int altitude "metres" %% above sea level\n  }\n', 3, 27],
    [
      'after a relationship line',
      'erDiagram\n  STATION ||--o{ READING : records %% daily\n  STATION {\n    int id PK\n  }\n',
      2,
      36,
    ],
    ['after the block’s `}`', 'erDiagram\n  STATION {\n    int id PK\n  } %% done\n', 4, 5],
    ['after `erDiagram`', 'erDiagram %% stations\n  STATION {\n    int id PK\n  }\n', 1, 11],
  ])('a comment %s, on the same line', async (_, text, line, column) => {
    await expect(parseErDiagram(text)).rejects.toThrow(`Parse error on line ${line}`);
    expect(refusal(text)).toEqual([
      `${line}:${column}: Mermaid refuses a \`%%\` comment after a statement: give the comment a line of its own`,
    ]);
  });

  it.each([
    ['1 -- 0+', '--'],
    ['1 .. 1+', '..'],
    ['1 --o{', '--'],
  ])(
    'a cardinality `1` before a space and the line (%s), which Mermaid reads as no cardinality',
    async (relationship, line) => {
      const text = stationsWith(relationship);
      await expect(parseErDiagram(text)).rejects.toThrow('Parse error on line 2');
      expect(refusal(text)).toEqual([
        `2:11: Mermaid reads \`1\` as a cardinality only right before the line (\`1${line}\`) or before a space and a name, not before a space and \`${line}\`: write \`1${line}\` or \`||${line}\``,
      ]);
    },
  );

  it.each([
    [
      'numbers written as its cardinalities',
      'METER 1 }o--o{ 2 READING : takes',
      20,
      'Mermaid expects `:` and the relationship’s label after `1 }o--o{ 2`, not `READING`',
    ],
    [
      'no label',
      'METER ||--o{ READING',
      23,
      'Mermaid expects `:` and the relationship’s label after `METER ||--o{ READING`, the line ends there',
    ],
    [
      'no second cardinality',
      'METER ||-- READING : takes',
      14,
      'Mermaid expects the cardinality of the relationship’s second end after `METER ||--`, not `READING`',
    ],
    [
      'no first cardinality',
      'METER --o{ READING : takes',
      9,
      'Mermaid expects an entity’s name at the start of a statement, not `--`',
    ],
  ])(
    'a relationship line with %s, refused where Mermaid stops rather than left out',
    async (_, relationship, column, why) => {
      const text = `erDiagram\n  ${relationship}\n  METER {\n    int id PK\n  }\n  READING {\n    int id PK\n    int meter_id FK\n  }\n`;
      await expect(whereMermaidRefuses(text)).resolves.toEqual({ line: 2, column });
      expect(refusal(text)).toEqual([
        `2:${column}: ${why}, and refuses the diagram: write a relationship line as \`A ||--o{ B : label\`, each end a cardinality (\`||\`, \`|o\`, \`}o\`, \`}|\`, \`one\`, \`zero or more\`…)`,
      ]);
    },
  );

  it('but notes only what Mermaid reads and the contract has no place for: classes, styles, entities named alone', async () => {
    const text =
      'erDiagram\n  classDef sensor fill:#eef\n  class METER sensor\n  style METER fill:#f9f\n  title Meters\n  METER {\n    int id PK\n  }\n';
    expect((await parseErDiagram(text)).entities.map((entity) => entity.label)).toEqual(['title', 'Meters', 'METER']);
    const { notes } = imported(text);
    expect(notes).toEqual([
      '2: not read: classDef sensor fill:#eef',
      '3: not read: class METER sensor',
      '4: not read: style METER fill:#f9f',
      '5: not read: title Meters',
    ]);
  });

  it('an `end` that closes no subgraph', async () => {
    const text = 'erDiagram\n  subgraph alps\n    STATION {\n      int id PK\n    }\n  end\n  end\n';
    await expect(parseErDiagram(text)).rejects.toThrow('Parse error on line 7');
    expect(refusal(text)).toEqual(['7:3: Mermaid refuses `end` where no subgraph is open: remove it']);
  });

  it.each([
    [
      'an entity',
      'erDiagram\n  one {\n    int id PK\n  }\n',
      2,
      3,
      "'one' is Mermaid's keyword `one`, so it cannot name an entity: rename it, or quote it (\"one\")",
    ],
    [
      'an entity, `end`',
      'erDiagram\n  End {\n    int id PK\n  }\n',
      2,
      3,
      "'End' is Mermaid's keyword `end`, so it cannot name an entity: rename it, or quote it (\"End\")",
    ],
    [
      'an entity whose name goes on past a `-`, `end`',
      'erDiagram\n  end-point {\n    int id PK\n  }\n',
      2,
      3,
      "'end-point' starts with Mermaid's keyword `end`, so it cannot name an entity: rename it, or quote it (\"end-point\")",
    ],
    [
      'an end of a relationship line, `end`',
      'erDiagram\n  STATION ||--o{ end : has\n  STATION {\n    int id PK\n  }\n',
      2,
      18,
      "'end' is Mermaid's keyword `end`, so it cannot name an entity: rename it, or quote it (\"end\")",
    ],
    [
      'an entity whose name goes on past a `-`, `u`',
      'erDiagram\n  u-boat {\n    int id PK\n  }\n',
      2,
      3,
      "'u-boat' starts with Mermaid's keyword `u`, so it cannot name an entity: rename it, or quote it (\"u-boat\")",
    ],
    [
      'an entity, in another case',
      'erDiagram\n  Many {\n    int id PK\n  }\n',
      2,
      3,
      "'Many' is Mermaid's keyword `many`, so it cannot name an entity: rename it, or quote it (\"Many\")",
    ],
    [
      'an entity whose name goes on past a `-`',
      'erDiagram\n  to-do {\n    int id PK\n  }\n',
      2,
      3,
      "'to-do' starts with Mermaid's keyword `to`, so it cannot name an entity: rename it, or quote it (\"to-do\")",
    ],
    [
      'an end of a relationship line',
      'erDiagram\n  STATION ||--o{ classDef : styles\n  STATION {\n    int id PK\n  }\n',
      2,
      18,
      "'classDef' is Mermaid's keyword `classDef`, so it cannot name an entity: rename it, or quote it (\"classDef\")",
    ],
    [
      'an alias',
      'erDiagram\n  STATION[one] {\n    int id PK\n  }\n',
      2,
      11,
      "'one' is Mermaid's keyword `one`, so it cannot name an entity: rename it, or quote it (\"one\")",
    ],
    [
      'a relationship’s label',
      'erDiagram\n  STATION ||--o{ READING : many\n  STATION {\n    int id PK\n  }\n',
      2,
      28,
      "'many' is Mermaid's keyword `many`, so it cannot label a relationship: rename it, or quote it (\"many\")",
    ],
  ])(
    'a keyword of Mermaid’s (a cardinality word, `end`, `classDef`…) as %s',
    async (_, text, line, column, message) => {
      await expect(parseErDiagram(text)).rejects.toThrow(`Parse error on line ${line}`);
      expect(refusal(text)).toEqual([`${line}:${column}: ${message}`]);
    },
  );

  it.each([
    [
      'an entity',
      'erDiagram\n  1x {\n    int id PK\n  }\n',
      ['1', 'x'],
      "'1x' is read by Mermaid as two entities, '1' and 'x', as it reads a number on its own: rename it, or quote it (\"1x\")",
    ],
    [
      'an end of a relationship line',
      'erDiagram\n  1st-batch ||--o{ READING : has\n  READING {\n    int id PK\n  }\n',
      ['1', 'st-batch', 'READING'],
      "'1st-batch' is read by Mermaid as two entities, '1' and 'st-batch', as it reads a number on its own: rename it, or quote it (\"1st-batch\")",
    ],
  ])('a name starting with a number, which Mermaid reads as two entities, as %s', async (_, text, drawn, message) => {
    expect((await parseErDiagram(text)).entities.map((entity) => entity.label)).toEqual(drawn);
    expect(refusal(text)).toEqual([`2:3: ${message}`]);
  });

  it('`subgraph` as an end of a relationship line, refused as the keyword it is rather than read as a subgraph', async () => {
    const text = 'erDiagram\n  subgraph ||--o{ STATION : holds\n  STATION {\n    int id PK\n  }\n';
    await expect(parseErDiagram(text)).rejects.toThrow('Parse error on line 2');
    expect(refusal(text)).toEqual([
      "2:3: 'subgraph' is Mermaid's keyword `subgraph`, so it cannot name an entity: rename it, or quote it (\"subgraph\")",
    ]);
  });

  it.each([
    ['an entity', 'erDiagram\n  subgraph {\n    int id PK\n  }\n'],
    ['a header with no id', 'erDiagram\n  subgraph\n    STATION {\n      int id PK\n    }\n  end\n'],
    ['a header going on past its id', 'erDiagram\n  subgraph alps {\n    STATION {\n      int id PK\n    }\n  end\n'],
  ])('`subgraph` as %s, which Mermaid reads as a subgraph header it refuses', async (_, text) => {
    await expect(parseErDiagram(text)).rejects.toThrow('Parse error on line 2');
    expect(refusal(text)).toEqual([
      '2:3: Mermaid reads `subgraph` as the start of a subgraph, whose header is `subgraph id` or `subgraph id["Title"]` alone on its line: write it so, or quote an entity named so ("subgraph")',
    ]);
  });

  it('but imports the cardinality words Mermaid reads only in a phrase, and names merely starting with a keyword', async () => {
    const text = `erDiagram
  only ||--o{ zero : "one"
  zero }o--|| optionally : many_of
  zero }o--|| u : ends
  only {
    int id PK
  }
  zero {
    int id PK
    int only_id FK
    int optionally_id FK
    int u_id FK
  }
  optionally {
    int id PK
  }
  oneway {
    int id PK
  }
  u {
    int id PK
  }
  "many" {
    int id PK
  }
`;
    expect((await parseErDiagram(text)).entities.map((entity) => entity.label)).toEqual([
      'only',
      'zero',
      'optionally',
      'u',
      'oneway',
      'many',
    ]);
    const { propertyOf, notes } = imported(text);
    expect(propertyOf('zero', 'only_id')?.extensions?.relationships).toEqual([{ type: 'foreignKey', to: 'only.id' }]);
    expect(notes).toEqual([]);
  });

  it.each([
    [
      'a subgraph’s id starting with a number',
      'erDiagram\n  subgraph 1x\n    STATION {\n      int id PK\n    }\n  end\n',
      12,
      "'1x' starts with a number, which Mermaid reads on its own ('1', then 'x'), so it cannot name a subgraph: rename it, or quote it (\"1x\")",
    ],
    [
      'a subgraph’s id, a keyword',
      'erDiagram\n  subgraph one\n    STATION {\n      int id PK\n    }\n  end\n',
      12,
      "'one' is Mermaid's keyword `one`, so it cannot name a subgraph: rename it, or quote it (\"one\")",
    ],
    [
      'a keyword in a subgraph’s title not in quotes',
      'erDiagram\n  subgraph alps[big one]\n    STATION {\n      int id PK\n    }\n  end\n',
      21,
      "'one' is Mermaid's keyword `one`, so it cannot title a subgraph: rename it, or quote it (\"one\")",
    ],
    [
      'an alias starting with a number',
      'erDiagram\n  B[1x] {\n    int id PK\n  }\n',
      5,
      "'1x' starts with a number, which Mermaid reads on its own ('1', then 'x'), so it cannot name an entity: rename it, or quote it (\"1x\")",
    ],
    [
      'an alias of two words not in quotes',
      'erDiagram\n  B[big keg] {\n    int id PK\n  }\n',
      5,
      'Mermaid reads an alias not in quotes as one name, and \'big keg\' is more: quote it (["big keg"])',
    ],
    [
      'a relationship’s second end starting with a number',
      'erDiagram\n  READING ||--o{ 1st-batch : has\n  READING {\n    int id PK\n  }\n',
      18,
      "'1st-batch' starts with a number, which Mermaid reads on its own ('1', then 'st-batch'), so it cannot name an entity: rename it, or quote it (\"1st-batch\")",
    ],
    ...['12', '1x', '1.5', '1st order'].map((label) => [
      `a relationship’s label, ${label}`,
      `erDiagram\n  STATION ||--o{ READING : ${label}\n  STATION {\n    int id PK\n  }\n`,
      28,
      `'${label}' starts with a number, which Mermaid reads on its own, so it cannot label a relationship: quote it ("${label}")`,
    ]),
    [
      'an alias on a relationship line',
      'erDiagram\n  KEG["Keg (30 l)"] ||--o{ TAP : pours\n  KEG {\n    int id PK\n  }\n',
      6,
      'Mermaid refuses an alias on a relationship line: give the entity its alias where it is declared (KEG["Keg (30 l)"] {…}, or alone on its line)',
    ],
    [
      'an alias on a relationship line’s second end',
      'erDiagram\n  KEG ||--o{ TAP["Tap"] : pours\n  KEG {\n    int id PK\n  }\n',
      17,
      'Mermaid refuses an alias on a relationship line: give the entity its alias where it is declared (TAP["Tap"] {…}, or alone on its line)',
    ],
  ])('%s, which Mermaid cannot read as the one name it expects there', async (_, text, column, message) => {
    await expect(parseErDiagram(text as string)).rejects.toThrow('Parse error on line 2');
    expect(refusal(text as string)).toEqual([`2:${column}: ${message}`]);
  });

  it.each([
    [
      'a label of two words not in quotes',
      'first order',
      'first',
      'order',
      34,
      "Mermaid reads a label not in quotes as one word, 'first', and what follows it ('order') as more of the diagram: quote the label (\"first order\")",
    ],
    [
      'a quoted label followed by a word',
      '"first" order',
      'first',
      'order',
      36,
      'Mermaid reads a label in quotes as the quoted text, "first", and what follows it (\'order\') as more of the diagram: take it into the quotes ("first order")',
    ],
    [
      'a label not in quotes followed by a quoted word',
      'first"order"',
      'first',
      'order',
      33,
      'Mermaid reads a label not in quotes as one word, \'first\', and what follows it (\'"order"\') as more of the diagram: quote the label ("first order")',
    ],
  ])(
    '%s, of which Mermaid takes the first word as the label and reads what follows as an entity',
    async (_, label, drawnLabel, entity, column, message) => {
      const text = `erDiagram\n  STATION ||--o{ READING : ${label}\n  STATION {\n    int id PK\n  }\n`;
      const drawn = await parseErDiagram(text);
      expect(drawn.relationships).toEqual([{ from: 'STATION', to: 'READING', label: drawnLabel }]);
      expect(drawn.entities.map((drawnEntity) => drawnEntity.label)).toContain(entity);
      expect(refusal(text)).toEqual([`2:${column}: ${message}`]);
    },
  );

  it.each([
    [
      'a label of two words not in quotes, the second a keyword',
      'erDiagram\n  STATION ||--o{ READING : records one\n  STATION {\n    int id PK\n  }\n',
      2,
      36,
      "Mermaid reads a label not in quotes as one word, 'records', and what follows it ('one') as more of the diagram: quote the label (\"records one\")",
    ],
    [
      'a quoted label followed by a keyword',
      'erDiagram\n  STATION ||--o{ READING : "records" one\n  STATION {\n    int id PK\n  }\n',
      2,
      38,
      'Mermaid reads a label in quotes as the quoted text, "records", and what follows it (\'one\') as more of the diagram: take it into the quotes ("records one")',
    ],
  ])('%s, which Mermaid refuses', async (_, text, line, column, message) => {
    await expect(parseErDiagram(text)).rejects.toThrow(`Parse error on line ${line}`);
    expect(refusal(text)).toEqual([`${line}:${column}: ${message}`]);
  });

  it('but imports the numbers and classes Mermaid reads: `subgraph 12`, a title `[1x]`, an alias `[12]`, `KEG:::hot ||--o{ TAP`', async () => {
    const text = `erDiagram
  subgraph 12
    subgraph alps[1x]
      KEG:::hot ||--o{ TAP : pours
    end
  end
  KEG[12] {
    int id PK
  }
  TAP {
    int id PK
    int keg_id FK
  }
`;
    const drawn = await parseErDiagram(text);
    expect(drawn.entities.map((entity) => entity.label)).toEqual(['12', 'TAP']);
    expect(drawn.relationships).toEqual([{ from: '12', to: 'TAP', label: 'pours' }]);
    const { propertyOf, notes } = imported(text);
    expect(propertyOf('TAP', 'keg_id')?.extensions?.relationships).toEqual([{ type: 'foreignKey', to: '_12.id' }]);
    expect(notes).toEqual([
      '2: subgraph 12 not imported: a contract does not group its schema objects (the entities in it are)',
      '3: subgraph alps[1x] not imported: a contract does not group its schema objects (the entities in it are)',
    ]);
  });

  it.each([
    ['an attribute’s comment', 'erDiagram\n  STATION {\n    int id PK "a \\"quoted\\" word"\n  }\n', 3, 26],
    [
      'a relationship’s label',
      'erDiagram\n  STATION ||--o{ READING : "a \\"quoted\\" word"\n  STATION {\n    int id PK\n  }\n',
      2,
      39,
    ],
    ['an alias', 'erDiagram\n  STATION["a \\"quoted\\" word"] {\n    int id PK\n  }\n', 2, 22],
  ])('a quote escaped with `\\` in %s, which ends the quoted text', async (_, text, line, column) => {
    await expect(parseErDiagram(text)).rejects.toThrow(`Parse error on line ${line}`);
    expect(refusal(text)).toEqual([
      `${line}:${column}: Mermaid refuses a \`\\\` outside quotes: \`\\"\` does not escape a quote but ends the quoted text; write the quote as \`#quot;\``,
    ]);
  });

  it('but imports a `\\` Mermaid reads: in a comment line, in a quoted text, in a generic type, and `#quot;`', async () => {
    const text = `erDiagram
  %% say \\"hi\\"
  STATION {
    int id PK "a #quot;quoted#quot; word"
    string path "C:\\"
    List~a\\b~ tags
  }
`;
    expect((await parseErDiagram(text)).entities[0]?.attributes).toEqual([
      'int id PK a "quoted" word',
      'string path C:\\',
      'List~a\\b~ tags',
    ]);
    const { propertyOf, notes } = imported(text);
    expect(propertyOf('STATION', 'id')?.description).toBe('a "quoted" word');
    expect(propertyOf('STATION', 'path')?.description).toBe('C:\\');
    expect(notes).toEqual([
      '6: a\\b has no ODCS logical type: its items imported as strings (physicalType List~a\\b~)',
    ]);
  });

  it('but imports what Mermaid draws: a quoted "end", `endpoint`, `%%` in a quoted label, accessibility text and a directive', async () => {
    const text = `erDiagram
  accTitle: Stations at 100%% coverage
  accDescr {
    every station %% and its readings
  }
  "end" ||--o{ endpoint : "100%% of readings"
  "end" {
    int id PK
  }
  endpoint {
    int id PK
    int end_id FK
  } %%{init: {"theme": "dark"}}%%
`;
    expect((await parseErDiagram(text)).entities.map((entity) => entity.label)).toEqual(['end', 'endpoint']);
    const { propertyOf, notes } = imported(text);
    expect(propertyOf('endpoint', 'end_id')?.extensions?.relationships).toEqual([{ type: 'foreignKey', to: 'end.id' }]);
    expect(notes).toEqual([]);
  });
});
