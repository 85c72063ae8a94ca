import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';
import type { ContractProperty } from '../../../shared/model/contract';

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
