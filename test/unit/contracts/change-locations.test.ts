import { describe, expect, it } from 'vitest';
import { compareContracts } from '../../../shared/contracts/breaking-changes';
import { locateChanges } from '../../../shared/contracts/change-locations';
import { changeWithoutValues } from '../../../shared/contracts/change-without-values';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import type { Contract } from '../../../shared/model/contract';
import { anOdcsText } from './builders';

const PLAYBACK = anOdcsText(`schema:
  - name: playback
    properties:
      - name: event_id
        logicalType: string
      - name: device
        logicalType: object
        properties:
          - name: os
            logicalType: string
          - name: model
            logicalType: string
      - name: tags
        logicalType: array
        items:
          logicalType: string
`);

function read(text: string): Contract {
  const parsed = parseOdcsYaml(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  return parsed.value;
}

/** Each change as `side line: subject message`, where the Diff view marks it. */
function marks(previousText: string, nextText: string): string[] {
  const { changes } = compareContracts(read(previousText), read(nextText));
  return locateChanges(changes, previousText, nextText).map(
    (change) => `${change.side} ${change.range.line}: ${change.subject} ${change.message}`,
  );
}

const lineOf = (text: string, content: string) => text.split('\n').findIndex((line) => line.includes(content)) + 1;
/** The line where `snippet`, which may span lines, starts. */
const lineStarting = (text: string, snippet: string) => text.slice(0, text.indexOf(snippet)).split('\n').length;

describe('where the Diff view marks a change', () => {
  it('marks a changed SLA property at its entry in slaProperties, and one removed at slaProperties', () => {
    const sla = (retention: string, latency: string) =>
      `${PLAYBACK}slaProperties:\n  - property: latency\n${latency}  - property: retention\n    value: ${retention}\n    unit: y\n`;
    const previous = sla('7', '    value: 1\n    unit: h\n');
    const next = sla('1', '').replace('  - property: latency\n', '');
    expect(marks(previous, next)).toEqual([
      `next ${lineOf(next, 'slaProperties:')}: contract SLA latency removed (was 1 h), weakening what consumers were promised`,
      `next ${lineOf(next, 'property: retention')}: contract SLA retention shortened from 7 y to 1 y, weakening what consumers were promised`,
    ]);
  });

  it('marks a field removed from an object property at its own line in the old text', () => {
    const next = PLAYBACK.replace('          - name: model\n            logicalType: string\n', '');
    expect(marks(PLAYBACK, next)).toEqual([
      `previous ${lineOf(PLAYBACK, 'name: model')}: playback.device.model field removed`,
    ]);
  });

  it("anchors a removed field in the new text at its parent's line, not at a neighbour's inner line", () => {
    const previous = PLAYBACK.replace(
      '      - name: device\n',
      '      - name: session_id\n        logicalType: string\n        logicalTypeOptions:\n          format: uuid\n      - name: device\n',
    );
    const next = previous.replace(/ {6}- name: device\n(?: {8}.*\n)+/, '');
    const [removal] = locateChanges(compareContracts(read(previous), read(next)).changes, previous, next);
    expect(removal).toMatchObject({ subject: 'playback.device', side: 'previous' });
    expect(removal?.range.line).toBe(lineOf(previous, 'name: device'));
    expect(removal?.parentInNext?.line).toBe(lineOf(next, 'name: playback'));
  });

  it('marks a renamed schema object and a renamed field at their new names in the new text, not at the id or the parent', () => {
    const objectRenamed = PLAYBACK.replace('name: playback', 'name: playbacks');
    expect(marks(PLAYBACK, objectRenamed)).toEqual([
      `next ${lineOf(objectRenamed, 'name: playbacks')}: playback schema object seems renamed to playbacks (same fields, similar names)`,
    ]);
    const fieldRenamed = PLAYBACK.replace('name: os', 'name: os_name');
    expect(marks(PLAYBACK, fieldRenamed)).toEqual([
      `next ${lineOf(fieldRenamed, 'name: os_name')}: playback.device.os field seems renamed to os_name (same type and attributes, similar names)`,
    ]);
  });

  it('marks what changed in a renamed field at its line in the new text, a field renamed within it included', () => {
    const next = PLAYBACK.replace('name: device', 'name: device_info').replace(
      'name: os\n            logicalType: string\n',
      'name: os_name\n            logicalType: string\n            logicalTypeOptions:\n              maxLength: 20\n',
    );
    expect(marks(PLAYBACK, next)).toEqual([
      `next ${lineOf(next, 'name: device_info')}: playback.device field seems renamed to device_info (same type and attributes, similar names)`,
      `next ${lineOf(next, 'name: os_name')}: playback.device.os field seems renamed to os_name (same type and attributes, similar names)`,
      `next ${lineOf(next, 'maxLength: 20')}: playback.device.os maxLength set to 20`,
    ]);
  });

  it('marks a change of the type of a nested field, and of array items, at their type lines in the new text', () => {
    const next = PLAYBACK.replace(
      'name: os\n            logicalType: string',
      'name: os\n            logicalType: integer',
    ).replace('items:\n          logicalType: string', 'items:\n          logicalType: integer');
    expect(marks(PLAYBACK, next)).toEqual([
      `next ${lineOf(next, 'name: os') + 1}: playback.device.os type changed from string to integer`,
      `next ${lineOf(next, 'items:') + 1}: playback.tags[] type changed from string to integer`,
    ]);
  });

  it("marks a change of a map's key and of its values at their type lines", () => {
    const withMap = (keyType: string, valueType: string) =>
      PLAYBACK.replace('apiVersion: v3.1.0', 'apiVersion: v3.2.0').replace(
        '      - name: tags\n',
        `      - name: counters\n        logicalType: map\n        map:\n          key:\n            logicalType: ${keyType}\n          value:\n            logicalType: ${valueType}\n      - name: tags\n`,
      );
    const next = withMap('integer', 'number');
    expect(marks(withMap('string', 'integer'), next)).toEqual([
      `next ${lineOf(next, 'key:') + 1}: playback.counters{key} type changed from string to integer`,
      `next ${lineOf(next, 'value:') + 1}: playback.counters{value} type changed from integer to number`,
    ]);
  });

  it('marks a field added in a nested object at its line', () => {
    const next = PLAYBACK.replace(
      '          - name: model\n',
      '          - name: vendor\n            logicalType: string\n          - name: model\n',
    );
    expect(marks(PLAYBACK, next)).toEqual(
      expect.arrayContaining([`next ${lineOf(next, 'name: vendor')}: playback.device.vendor optional field added`]),
    );
  });
  describe("two changes of one field (the bakery's oven_code), each at the line of the attribute it is about", () => {
    const bakeBatch = anOdcsText(`schema:
  - name: batches
    properties:
      - name: oven_code
        logicalType: string
        required: true
        physicalType: varchar(16)
        logicalTypeOptions:
          pattern: ^OV-[0-9]{2}$
`);
    const next = bakeBatch
      .replace('varchar(16)', 'varchar(12)')
      .replace('^OV-[0-9]{2}$', '^(?:OV|TO)-[0-9]{2}$ # tunnel ovens are coded too');

    it('marks a changed pattern and a narrowed physicalType at their own lines in the new text', () => {
      expect(marks(bakeBatch, next)).toEqual([
        `next ${lineOf(next, 'pattern:')}: batches.oven_code pattern changed from '^OV-[0-9]{2}$' to '^(?:OV|TO)-[0-9]{2}$'`,
        `next ${lineOf(next, 'physicalType:')}: batches.oven_code physicalType narrowed from varchar(16) to varchar(12)`,
      ]);
    });

    it("marks a removed option at its line in the old text, and in the new text at its field's line", () => {
      const withoutPattern = bakeBatch.replace(/ {8}logicalTypeOptions:\n.*\n/, '');
      const [removal] = locateChanges(
        compareContracts(read(bakeBatch), read(withoutPattern)).changes,
        bakeBatch,
        withoutPattern,
      );
      expect(removal).toMatchObject({ side: 'previous', message: "pattern removed (was '^OV-[0-9]{2}$')" });
      expect(removal?.range.line).toBe(lineOf(bakeBatch, 'pattern:'));
      expect(removal?.parentInNext?.line).toBe(lineOf(withoutPattern, 'name: oven_code'));
    });

    it('says what each did in a few words, its values left out, so that links to them read apart', () => {
      const { changes } = compareContracts(read(bakeBatch), read(next));
      expect(changes.map(changeWithoutValues)).toEqual(['pattern changed', 'physicalType narrowed']);
    });
  });

  describe("a removed allowed value (the heritage visit's no_show), at the line of the list it left", () => {
    const visit = (apiVersion: string, values: string) =>
      anOdcsText(`schema:
  - name: visit_bookings
    properties:
      - name: status
        logicalType: string
        required: true
${values}`).replace('v3.1.0', apiVersion);
    const asRule = (values: string, documentation = '') =>
      `        quality:\n          - metric: invalidValues\n${documentation}            arguments:\n              validValues: [${values}]\n            mustBe: 0\n`;
    const asEnum = (values: string) =>
      `        enum:\n${values
        .split(', ')
        .map((value) => `          - value: ${value}\n`)
        .join('')}`;
    const forms = [
      { form: "an invalidValues rule's validValues", apiVersion: 'v3.1.0', write: asRule, line: 'validValues:' },
      {
        form: "a documented invalidValues rule's validValues",
        apiVersion: 'v3.1.0',
        write: (values: string) => asRule(values, '            description: what a booking can become\n'),
        line: 'validValues:',
      },
      { form: "ODCS 3.2's enum", apiVersion: 'v3.2.0', write: asEnum, line: 'enum:' },
    ];

    it.each(forms)('marks it in $form', ({ apiVersion, write, line }) => {
      const previous = visit(apiVersion, write('booked, attended, cancelled, no_show'));
      const next = visit(apiVersion, write('booked, attended, cancelled, walk_in'));
      expect(marks(previous, next)).toEqual([
        `next ${lineOf(next, line)}: visit_bookings.status allowed value 'no_show' removed`,
        `next ${lineOf(next, line)}: visit_bookings.status allowed value 'walk_in' added`,
      ]);
    });
  });

  describe('quality rules', () => {
    const uplinkAudit = anOdcsText(`schema:
  - name: command_audit
    properties:
      - name: command_id
        logicalType: string
      - name: opcode
        logicalType: string
        quality:
          - metric: invalidValues
            arguments:
              validValues: [PING, SAFE_MODE]
            mustBe: 0
          - metric: nullValues
            mustBe: 0
    quality:
      - metric: duplicateValues
        arguments:
          properties: [command_id]
        mustBe: 0
      - metric: nullValues
        arguments:
          properties: [opcode]
        mustBeLessThan: 1
`);

    it("marks a changed rule of a schema object at the rule's own line, not at its quality list", () => {
      const next = uplinkAudit.replace('mustBeLessThan: 1', 'mustBeLessThan: 3');
      expect(marks(uplinkAudit, next)).toEqual([
        `next ${lineStarting(next, 'metric: nullValues\n        arguments')}: command_audit quality rule 'nullValues': mustBeLessThan loosened from 1 to 3`,
      ]);
    });

    it("marks a rule added to an object, and a field's rule changed after its allowed values, at each rule's line", () => {
      const next = uplinkAudit
        .replace(
          '          - metric: nullValues\n            mustBe: 0\n',
          '          - metric: nullValues\n            mustBe: 2\n',
        )
        .replace(
          '    quality:\n      - metric: duplicateValues',
          '    quality:\n      - metric: rowCount\n        mustBeGreaterThan: 0\n      - metric: duplicateValues',
        );
      expect(marks(uplinkAudit, next)).toEqual([
        `next ${lineStarting(next, 'metric: nullValues\n            mustBe: 2')}: command_audit.opcode quality rule 'nullValues': mustBe changed from 0 to 2`,
        `next ${lineOf(next, 'metric: rowCount')}: command_audit quality rule 'rowCount' added`,
      ]);
    });

    it("marks a changed rule of the contract at its entry in contractQuality, not at the contract's id", () => {
      const previous = `${PLAYBACK}customProperties:\n  - property: contractQuality\n    value:\n      - metric: rowCount\n        mustBeGreaterThan: 0\n      - metric: rowCount\n        name: enough_plays\n        mustBeGreaterThan: 10\n`;
      const next = previous.replace('mustBeGreaterThan: 10', 'mustBeGreaterThan: 1');
      expect(marks(previous, next)).toEqual([
        `next ${lineStarting(next, 'metric: rowCount\n        name: enough_plays')}: contract quality rule 'enough_plays': mustBeGreaterThan loosened from 10 to 1`,
      ]);
    });

    it('marks a removed rule at the quality list it left', () => {
      const next = uplinkAudit.replace(/ {6}- metric: duplicateValues\n(?: {8}.*\n)+/, '');
      expect(marks(uplinkAudit, next)).toEqual([
        `next ${lineStarting(next, '    quality:\n      - metric: nullValues')}: command_audit quality rule 'duplicateValues' removed`,
      ]);
    });
  });

  it('marks a contract-level change at the line of the field that changed, not at the id', () => {
    const previous = `${PLAYBACK}customProperties:\n  - property: keepHistory\n    value: true\n`;
    const next = previous.replace('value: true', 'value: false').replace('status: active', 'status: retired');
    expect(marks(previous, next)).toEqual([
      `next ${lineOf(next, 'value: false')}: contract history is no longer kept`,
      `next ${lineOf(next, 'status: retired')}: contract status changed from 'active' to 'retired'`,
    ]);
  });

  it('marks each server field, custom property and tag change at its own line, a removed server at servers', () => {
    const sections = (format: string, policy: string, tag: string, extraServer: string) =>
      `${PLAYBACK}tags:\n  - ${tag}\nservers:\n${extraServer}  - server: kafka-prod\n    type: kafka\n    host: kafka:9093\n    format: ${format}\ncustomProperties:\n  - property: policy\n    value: ${policy}\n`;
    const previous = sections('avro', 'coarse', 'birds', '  - server: old\n    type: kafka\n    host: old:9093\n');
    const next = sections('json', 'fine', 'atlas', '');
    expect(marks(previous, next)).toEqual([
      `next ${lineOf(next, 'servers:')}: contract server 'old' removed`,
      `next ${lineOf(next, 'format: json')}: contract server 'kafka-prod': format avro → json`,
      `next ${lineOf(next, 'value: fine')}: contract customProperty 'policy' changed from 'coarse' to 'fine'`,
      `next ${lineOf(next, 'tags:')}: contract tag 'birds' removed`,
      `next ${lineOf(next, 'tags:')}: contract tag 'atlas' added`,
    ]);
  });
});
