import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';
import { formatLocatedProblem } from '../../../shared/contracts/yaml-source';

/** The semantic findings of an imported file, as `line:column path: message`, errors only. */
function errorsOf(file: string, source: string): string[] {
  const imported = importContractSource(file, source);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.findings.filter((finding) => finding.severity === 'error').map(formatLocatedProblem);
}

function warningsOf(file: string, source: string): string[] {
  const imported = importContractSource(file, source);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.findings.filter((finding) => finding.severity === 'warning').map(formatLocatedProblem);
}

const noValue = 'minimum 1 and maximum 0 leave no integer between them: no value can keep the contract';

describe('the contract checks of an import, where the source says it', () => {
  it('reports bounds of a JSON Schema that leave no value at the property, as validate would', () => {
    const schema = [
      '{"title":"Shipment","type":"object",',
      ' "required":["probe"],',
      ' "properties":{',
      '  "shipment_id":{"type":"string"},',
      '  "probe":{"type":["integer","null"],"minimum":1,"maximum":0}',
      ' }}',
    ].join('\n');
    expect(errorsOf('shipment.schema.json', schema)).toEqual([`5:3 Shipment.probe: ${noValue}`]);
  });

  it('reports them at a field nested in an array of a JSON Schema', () => {
    const schema =
      '{"title":"Shipment","type":"object","properties":{\n "legs":{"type":"array","items":{"type":"object","properties":{\n  "probe":{"type":"integer","minimum":1,"maximum":0}}}}}}';
    expect(errorsOf('shipment.schema.json', schema)).toEqual([`3:3 Shipment.legs.probe: ${noValue}`]);
  });

  it.each([
    ['SQL DDL', 'bags.sql', 'CREATE TABLE bags (\n  bag_id text,\n  volume integer\n);', '1:14 bags'],
    [
      'an Avro schema',
      'bags.avsc',
      '{"type": "record",\n "name": "bags",\n "fields": [{"name": "bag_id", "type": "string"}]}',
      '2:10 bags',
    ],
    ['Protobuf', 'bags.proto', 'syntax = "proto3";\n\nmessage bags { string bag_id = 1; }\n', '3:9 bags'],
    [
      'a JSON Schema',
      'bags.schema.json',
      '{"title": "bags",\n "properties": {"bag_id": {"type": "string"}}}',
      '1:11 bags',
    ],
  ])('places a finding about a table of %s at its name', (_, file, source, place) => {
    expect(warningsOf(file, source)).toEqual([
      expect.stringMatching(new RegExp(`^${place}: entity 'bags' has no primary key`)),
    ]);
  });
});

describe("SQL Server's TIMESTAMP, a rowversion imported as a string", () => {
  const ssms = [
    'CREATE TABLE [dbo].[PanelString](',
    '\t[StringId] [int] IDENTITY(1,1) NOT NULL,',
    '\t[RowVersion] [timestamp] NOT NULL,',
    ' CONSTRAINT [PK_PanelString] PRIMARY KEY CLUSTERED ([StringId] ASC)',
    ') ON [PRIMARY]',
    'GO',
  ].join('\n');

  it('is written as ROWVERSION, which no reader takes for a time, so the checks do not call it a misfit', () => {
    const imported = importContractSource('panel-strings.sql', ssms);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.contract.odcs).toContain(
      '      - name: RowVersion\n        logicalType: string\n        physicalType: ROWVERSION\n',
    );
    expect(warningsOf('panel-strings.sql', ssms)).toEqual([]);
  });
});

describe('the findings of an import about a table the import named anew, its name not one a contract can refer to', () => {
  it('places them at the alias of a Mermaid erDiagram entity (a["Customer Account"], as Mermaid’s docs write one)', () => {
    const erDiagram = [
      'erDiagram',
      '    p[Person] {',
      '        string firstName PK',
      '    }',
      '    a["Customer Account"] {',
      '        string email',
      '    }',
      '    p ||--o| a : has',
    ].join('\n');
    expect(warningsOf('accounts.mmd', erDiagram)).toEqual([
      expect.stringMatching(/^5:7 customer_account: entity 'customer_account' has no primary key/),
    ]);
  });

  it('places them at a Mermaid erDiagram entity named with a hyphen (LINE-ITEM, as Mermaid’s docs name one), and its FK’s at that FK', () => {
    const erDiagram = [
      'erDiagram',
      '    ORDER {',
      '        int orderNumber PK',
      '    }',
      '    LINE-ITEM {',
      '        string orderNumber FK',
      '        int quantity',
      '    }',
      '    ORDER ||--|{ LINE-ITEM : contains',
    ].join('\n');
    expect(warningsOf('orders.mmd', erDiagram)).toEqual([
      expect.stringMatching(/^5:5 line_item: entity 'line_item' has no primary key/),
      expect.stringMatching(/^6:16 line_item.orderNumber: 'ORDER.orderNumber' is an integer and 'orderNumber'/),
    ]);
  });

  it('places an attribute’s at that attribute in its entity’s block, not at another entity’s of its name after a relationship line', () => {
    const erDiagram = [
      'erDiagram',
      '  STATION ||--o{ READING : records',
      '  STATION {',
      '    int station_id PK',
      '  }',
      '  READING {',
      '    int reading_id PK',
      '    string station_id FK',
      '  }',
    ].join('\n');
    expect(warningsOf('stations.mmd', erDiagram)).toEqual([
      expect.stringMatching(/^8:12 READING.station_id: 'STATION.station_id' is an integer and 'station_id'/),
    ]);
  });

  it('places them at the field of a JSON Schema titled with a space, searched after the title', () => {
    const schema = [
      '{"title": "Lift Pass", "type": "object",',
      ' "properties": {',
      '  "pass_id": {"type": "integer"},',
      '  "probe": {"type": "integer", "minimum": 1, "maximum": 0}',
      ' }}',
    ].join('\n');
    expect(errorsOf('lift-pass.schema.json', schema)).toEqual([`4:3 lift_pass.probe: ${noValue}`]);
  });
});

describe('a record an import takes for an entity, which its format cannot say is an event', () => {
  it('says at the record why it was taken for an entity and how the contract marks it an event', () => {
    const interviewScheduled = [
      '{"type": "record",',
      ' "name": "InterviewScheduled",',
      ' "fields": [{"name": "interview_id", "type": "string"},',
      '  {"name": "scheduled_for", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}',
    ].join('\n');
    expect(warningsOf('interview.avsc', interviewScheduled)).toEqual([
      "2:10 InterviewScheduled: entity 'InterviewScheduled' has no primary key: mark the properties that identify it with primaryKey: true (taken for an entity: the contract has no datasetKind custom property, streaming server or topic object; if its records are events, add `- property: datasetKind` with `value: event` to its customProperties)",
    ]);
  });
});
