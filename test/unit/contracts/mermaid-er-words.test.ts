import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';
import { parseErDiagram, whereMermaidRefuses } from '../diagrams/real-mermaid';

const stationsWith = (label: string) =>
  `erDiagram\n  STATION ||--o{ READING : ${label}\n  STATION {\n    int id PK\n  }\n  READING {\n    int station_id FK\n  }\n`;

const stationWithAttribute = (attribute: string) => `erDiagram\n  STATION {\n    ${attribute}\n  }\n`;

function refusals(text: string) {
  const result = importContractSource('stations.mmd', text);
  return result.ok ? 'imported' : result.errors.map(({ line, column, message }) => ({ line, column, message }));
}

describe("a relationship's label holding `'`, `,` or `;`", () => {
  it('is imported as Mermaid reads it where the label is in quotes ("places, pays; it\'s")', async () => {
    const text = stationsWith(`"places, pays; it's"`);
    expect((await parseErDiagram(text)).relationships).toEqual([
      { from: 'STATION', to: 'READING', label: "places, pays; it's" },
    ]);
    const result = importContractSource('stations.mmd', text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.notes).toEqual([]);
    const stationId = result.contract.schema[1]?.properties.find((property) => property.name === 'station_id');
    expect(stationId?.extensions?.relationships).toEqual([{ type: 'foreignKey', to: 'STATION.id' }]);
  });

  it('is imported with what else Mermaid reads in a word: `.`, `*`, `-` and letters beyond ASCII (it’s)', async () => {
    for (const label of ['v1.2*x-y', 'it’s']) {
      const text = stationsWith(label);
      expect((await parseErDiagram(text)).relationships[0]?.label).toBe(label);
      expect(refusals(text)).toBe('imported');
    }
  });

  it.each([
    [
      "it's",
      "Mermaid reads a label not in quotes as a word of letters, digits, `_`, `-`, `*` and `.`, and refuses the `'` in 'it's': quote the label (\"it's\")",
    ],
    [
      'places,pays',
      'Mermaid reads a label not in quotes as a word of letters, digits, `_`, `-`, `*` and `.`, and refuses the `,` in \'places,pays\': quote the label ("places,pays")',
    ],
    [
      'places;',
      'Mermaid reads a label not in quotes as a word of letters, digits, `_`, `-`, `*` and `.`, and refuses the `;` in \'places;\': quote the label ("places;")',
    ],
    [
      "'places'",
      "Mermaid reads a label not in quotes as a word of letters, digits, `_`, `-`, `*` and `.`, and refuses the `'` in ''places'': quote the label (\"'places'\")",
    ],
    [
      '"places",pays',
      'Mermaid reads the quoted text "places" as a relationship\'s label, and refuses the `,` right after it: take it into the quotes ("places,pays")',
    ],
  ])('is refused where Mermaid refuses it, not in quotes or after them: %s', async (label, message) => {
    const text = stationsWith(label);
    const where = await whereMermaidRefuses(text);
    expect(refusals(text)).toEqual([{ ...where, message }]);
  });
});

describe("an attribute's type with `.` or `,`, or starting with `*`", () => {
  it.each([
    ['decimal(10,2) amount', 'number', 'decimal(10,2)'],
    ['public.money amount', 'string', 'public.money'],
    ['*int amount', 'string', '*int'],
    ['numeric(10,2)[] amounts', 'array', 'numeric(10,2)[]'],
    ['geo.point,srid amount', 'string', 'geo.point,srid'],
  ])('is read as the one word Mermaid reads: %s', async (attribute, logicalType, physicalType) => {
    const text = stationWithAttribute(attribute);
    expect((await parseErDiagram(text)).entities[0]?.attributes).toEqual([attribute]);
    const result = importContractSource('stations.mmd', text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [property] = result.contract.schema[0]?.properties ?? [];
    expect(property).toMatchObject({ name: attribute.split(' ')[1], logicalType, physicalType });
  });

  it('is refused where Mermaid refuses it: a type with a space in its parameters', async () => {
    const text = stationWithAttribute('numeric(10, 2) amount');
    expect(refusals(text)).toEqual([
      {
        ...(await whereMermaidRefuses(text)),
        message:
          "Mermaid reads an attribute's type as one word, and 'numeric(10, 2)' has a space: write it without (numeric(10,2))",
      },
    ]);
  });
});
