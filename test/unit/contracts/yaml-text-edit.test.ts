import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PathSegment } from '../../../shared/contracts/path-problem';
import { editYamlText, type YamlEdit } from '../../../shared/contracts/yaml-text-edit';
import { isDeepEqual } from '../../../shared/model/deep-equal';
import { readAllAlike } from '../export/yaml-readers';
import { officialExamples } from './official-examples';

type Data = Record<PathSegment, unknown>;

/** Every path to a value of `kind` in a document. */
function pathsOf(value: unknown, kind: 'leaf' | 'container', path: PathSegment[] = []): [PathSegment[], unknown][] {
  const isContainer = typeof value === 'object' && value !== null;
  const here: [PathSegment[], unknown][] = isContainer === (kind === 'container') ? [[path, value]] : [];
  if (!isContainer) return here;
  const children = Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, kind, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [...here, ...children];
}

/** The data with one change, made on a copy: what the edited text must read as. */
function changed(data: unknown, path: readonly PathSegment[], change: (parent: Data, key: PathSegment) => void) {
  const copy = structuredClone(data) as Data;
  const parent = path.slice(0, -1).reduce<Data>((node, segment) => node[segment] as Data, copy);
  change(parent, path.at(-1) as PathSegment);
  return copy;
}

/** How many lines were removed and added, from the first to the last line that differ, whatever their line ends. */
function changedLines(before: string, after: string): { removed: number; added: number } {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.length - head - tail, added: b.length - head - tail };
}

/** At most `count` items, evenly spread: the large examples have hundreds of values, and the machine is shared. */
function spread<T>(items: readonly T[], count = 40): T[] {
  const step = Math.max(1, Math.ceil(items.length / count));
  return items.filter((_, index) => index % step === 0);
}

function anotherValue(value: unknown): unknown {
  if (typeof value === 'string') return 'changed value';
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  return 'was null';
}

// Hundreds of edits of the larger examples, each re-parsing the document: slow on a busy machine, not stuck.
describe.each(officialExamples)('editing $name in place', { timeout: 60_000 }, ({ text }) => {
  const data = parse(text);

  it('changes exactly one line to set any scalar, keeping every other byte', () => {
    for (const [path, value] of spread(pathsOf(data, 'leaf'))) {
      const next = anotherValue(value);
      const edited = editYamlText(text, [{ op: 'set', path, value: next }]);
      expect(parse(edited), path.join('.')).toEqual(changed(data, path, (parent, key) => (parent[key] = next)));
      expect(changedLines(text, edited), path.join('.')).toEqual({ removed: 1, added: 1 });
    }
  });

  it('adds one line for a new key in any mapping', () => {
    for (const [path, value] of spread(pathsOf(data, 'container').filter(([, value]) => !Array.isArray(value)))) {
      const edited = editYamlText(text, [{ op: 'set', path: [...path, 'addedKey'], value: 'x' }]);
      expect(
        isDeepEqual(parse(edited), {
          ...structuredClone(data),
          ...setAt(data, path, { ...(value as object), addedKey: 'x' }),
        }),
        path.join('.'),
      ).toBe(true);
      expect(changedLines(text, edited), path.join('.')).toEqual({ removed: 0, added: 1 });
    }
  });

  it('rewrites one line when a whole object is set with one field changed', () => {
    for (const [path, value] of spread(pathsOf(data, 'container'))) {
      const field = Array.isArray(value)
        ? undefined
        : Object.keys(value as object).find((key) => typeof (value as Data)[key] === 'string');
      if (path.length === 0 || field === undefined) continue;
      const next = { ...(value as object), [field]: 'other text' };
      const edited = editYamlText(text, [{ op: 'set', path, value: next }]);
      expect(changedLines(text, edited), path.join('.')).toEqual({ removed: 1, added: 1 });
    }
  });

  it('deletes any entry of a collection with more than one, and inserts items at both ends of any list', () => {
    for (const [path, value] of spread(pathsOf(data, 'container'), 15)) {
      const keys = Object.keys(value as object);
      if (keys.length < 2) continue;
      for (const key of keys) {
        const entry = [...path, Array.isArray(value) ? Number(key) : key];
        const edited = editYamlText(text, [{ op: 'delete', path: entry }]);
        const expected = changed(data, entry, (parent, last) =>
          Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last],
        );
        expect(isDeepEqual(parse(edited), expected), entry.join('.')).toBe(true);
      }
      if (!Array.isArray(value)) continue;
      for (const index of [0, value.length]) {
        const item = typeof value[0] === 'object' ? { name: 'added', position: 1 } : 'added';
        const edited = editYamlText(text, [{ op: 'insert', path: [...path, index], value: item }]);
        const expected = changed(data, [...path, index], (parent, last) =>
          (parent as unknown as unknown[]).splice(Number(last), 0, item),
        );
        expect(isDeepEqual(parse(edited), expected), `${path.join('.')}[${index}]`).toBe(true);
      }
    }
  });
});

function setAt(data: unknown, path: readonly PathSegment[], value: unknown): Data {
  if (path.length === 0) return value as Data;
  return changed(data, path, (parent, key) => (parent[key] = value));
}

describe('editing YAML text', () => {
  const text = `# Orders
id: orders   # stable
name: 'Orders'
description:
  purpose: "Why"
tags: ['a', 'b']
schema:
- name: t
  properties:
    - name: a
      logicalType: string
notes: |
  first
  second
empty:
`;

  it('keeps the quoting of a replaced string and the comment after it', () => {
    const edited = editYamlText(text, [
      { op: 'set', path: ['name'], value: "Shop's orders" },
      { op: 'set', path: ['description', 'purpose'], value: 'New "why"' },
      { op: 'set', path: ['id'], value: 'sales' },
    ]);
    expect(edited.split('\n').slice(1, 5)).toEqual([
      'id: sales   # stable',
      "name: 'Shop''s orders'",
      'description:',
      '  purpose: "New \\"why\\""',
    ]);
  });

  it('quotes new strings a YAML 1.1 reader would take for something else', () => {
    const edited = editYamlText(text, [
      { op: 'set', path: ['id'], value: 'yes' },
      { op: 'set', path: ['schema', 0, 'properties', 0, 'logicalType'], value: '12:30' },
      { op: 'set', path: ['version'], value: '2024-01-01' },
    ]);
    expect(edited).toContain('id: "yes"   # stable');
    expect(edited).toContain('      logicalType: "12:30"');
    expect(edited).toContain('version: "2024-01-01"');
  });

  it('creates the missing mappings along a path, at the indentation of their siblings', () => {
    const edited = editYamlText(text, [
      { op: 'set', path: ['schema', 0, 'properties', 0, 'logicalTypeOptions', 'maxLength'], value: 10 },
    ]);
    expect(edited).toContain(
      ['    - name: a', '      logicalType: string', '      logicalTypeOptions:', '        maxLength: 10'].join('\n'),
    );
  });

  it("writes new lists with the app's one YAML writer, at the indentation of their key", () => {
    const edited = editYamlText(text, [{ op: 'set', path: ['servers'], value: [{ server: 'k', type: 'kafka' }] }]);
    expect(edited).toContain('servers:\n  - server: k\n    type: kafka\n');
    expect(parse(edited).schema).toEqual(parse(text).schema);
  });

  it('rewrites a flow list in flow style and leaves the rest alone', () => {
    const edited = editYamlText(text, [{ op: 'insert', path: ['tags', 2], value: 'c' }]);
    expect(changedLines(text, edited)).toEqual({ removed: 1, added: 1 });
    expect(parse(edited).tags).toEqual(['a', 'b', 'c']);
  });

  it('keeps a block scalar a block scalar', () => {
    const edited = editYamlText(text, [{ op: 'set', path: ['notes'], value: 'first\nsecond\nthird\n' }]);
    expect(edited).toContain('notes: |\n  first\n  second\n  third\nempty:');
  });

  describe.each([
    ['a literal block', 'purpose: |\n  A\n  B\nnext: x\n', '|'],
    ['a folded block', 'purpose: >-\n  folded\n  text\nnext: x\n', '>'],
  ])('setting %s', (_name, base, style) => {
    it.each(['A\nB\n\n', 'abc\n\n\n', 'one line', 'first\nsecond', 'ends\n', 'a\n\n\nb', 'line \nz'])(
      'to %j reads back exactly, in the same style',
      (value) => {
        const edited = editYamlText(base, [{ op: 'set', path: ['purpose'], value }]);
        expect(parse(edited)).toEqual({ purpose: value, next: 'x' });
        expect(edited.startsWith(`purpose: ${style}`)).toBe(true);
        readAllAlike([edited]);
      },
    );
  });

  it('writes text of several lines (the form’s Markdown purpose) as a literal block, not one escaped line', () => {
    const base = 'description:\n  purpose: Booked chair appointments.\n  usage: Recall campaigns.\nname: x\n';
    const purpose = 'Booked chair appointments.\nFeeds the recall engine.\n- PHI: patient_id only';
    const edited = editYamlText(base, [{ op: 'set', path: ['description', 'purpose'], value: purpose }]);
    expect(edited).toBe(
      'description:\n  purpose: |-\n    Booked chair appointments.\n    Feeds the recall engine.\n    - PHI: patient_id only\n  usage: Recall campaigns.\nname: x\n',
    );
    const added = editYamlText(base, [
      { op: 'set', path: ['description', 'limitations'], value: 'Walk-ins\nonly once seated\n' },
    ]);
    expect(added).toContain('  limitations: |\n    Walk-ins\n    only once seated\n');
    expect(parse(added).description.limitations).toBe('Walk-ins\nonly once seated\n');
    readAllAlike([edited, added]);
  });

  it('keeps text of several lines quoted where the user quoted it, or a comment follows it, or in a flow mapping', () => {
    const quoted = editYamlText('purpose: "a\\nb"\n', [{ op: 'set', path: ['purpose'], value: 'a\nc' }]);
    expect(quoted).toBe('purpose: "a\\nc"\n');
    const commented = editYamlText('purpose: a # why\nnext: x\n', [{ op: 'set', path: ['purpose'], value: 'a\nb' }]);
    expect(commented).toBe('purpose: "a\\nb" # why\nnext: x\n');
    const flow = editYamlText('description: {purpose: a}\n', [
      { op: 'set', path: ['description', 'purpose'], value: 'a\nb' },
    ]);
    expect(parse(flow).description.purpose).toBe('a\nb');
    expect(flow.split('\n')).toHaveLength(2);
  });

  it('writes text ending in blank lines exactly when a blank line follows its block', () => {
    const edited = editYamlText('purpose: |\n  A\n\nnext: x\n', [{ op: 'set', path: ['purpose'], value: 'A\nB\n\n' }]);
    expect(parse(edited)).toEqual({ purpose: 'A\nB\n\n', next: 'x' });
  });

  it('fills an empty value', () => {
    const edited = editYamlText(text, [{ op: 'set', path: ['empty'], value: 'now' }]);
    expect(edited.endsWith('empty: now\n')).toBe(true);
  });

  it('renames a key where it is written, keeping its value, its comment and the keys around it', () => {
    const edited = editYamlText(text, [
      { op: 'rename', path: ['id'], to: 'key' },
      { op: 'rename', path: ['schema', 0, 'properties', 0, 'name'], to: 'title' },
    ]);
    expect(edited.split('\n').slice(1, 3)).toEqual(['key: orders   # stable', "name: 'Orders'"]);
    expect(edited).toContain('  properties:\n    - title: a\n      logicalType: string\n');
  });

  it('refuses to rename a key to one its mapping already has', () => {
    expect(() => editYamlText(text, [{ op: 'rename', path: ['id'], to: 'name' }])).toThrow(/has one/);
  });

  it('moves the next key up when the first key of a list item is deleted', () => {
    const edited = editYamlText(text, [{ op: 'delete', path: ['schema', 0, 'properties', 0, 'name'] }]);
    expect(edited).toContain('  properties:\n    - logicalType: string\n');
  });

  it('leaves an empty list behind when its last item goes', () => {
    const edited = editYamlText(text, [{ op: 'delete', path: ['schema', 0, 'properties', 0] }]);
    expect(edited).toContain('- name: t\n  properties: []\n');
  });

  it('writes an emptied list in block style again once it gains an item', () => {
    const emptied = editYamlText(text, [{ op: 'delete', path: ['schema', 0, 'properties', 0] }]);
    const refilled = editYamlText(emptied, [
      { op: 'insert', path: ['schema', 0, 'properties', 0], value: { name: 'b', logicalType: 'integer' } },
      { op: 'insert', path: ['schema', 0, 'properties', 1], value: { name: 'c', logicalType: 'date' } },
    ]);
    expect(refilled).toContain(
      [
        '  properties:',
        '    - name: b',
        '      logicalType: integer',
        '    - name: c',
        '      logicalType: date',
        'notes',
      ].join('\n'),
    );
    expect(editYamlText('schema: []\nid: x\n', [{ op: 'insert', path: ['schema', 0], value: { name: 'o' } }])).toBe(
      'schema:\n  - name: o\nid: x\n',
    );
    expect(editYamlText('tags: []\n', [{ op: 'set', path: ['tags'], value: ['a'] }])).toBe('tags:\n  - a\n');
  });

  it('keeps a flow list of scalars and a flow mapping item in YAML flow style, never JSON', () => {
    expect(editYamlText(text, [{ op: 'insert', path: ['tags', 2], value: 'c, d' }])).toContain(
      "tags: ['a', 'b', 'c, d']\n",
    );
    const flowItem = 'properties:\n  - {name: note, logicalType: string, description: "flow, style"}\n';
    expect(editYamlText(flowItem, [{ op: 'set', path: ['properties', 0, 'name'], value: 'remark' }])).toBe(
      'properties:\n  - {name: remark, logicalType: string, description: "flow, style"}\n',
    );
  });

  it('keeps the items of a flow list that stay as written, quoting new text as its quoted items are', () => {
    const examples = "examples: ['9321483']\ntags: [x, 'y', \"z\"]\n";
    expect(editYamlText(examples, [{ op: 'set', path: ['examples'], value: ['9321483', '9412345'] }])).toBe(
      "examples: ['9321483', '9412345']\ntags: [x, 'y', \"z\"]\n",
    );
    expect(editYamlText(examples, [{ op: 'set', path: ['examples'], value: ['9321483'] }])).toBe(examples);
    expect(editYamlText(examples, [{ op: 'set', path: ['tags'], value: ['y', 'z', 'Rotterdam, NL'] }])).toBe(
      "examples: ['9321483']\ntags: ['y', \"z\", 'Rotterdam, NL']\n",
    );
  });

  it('quotes a new item of a block list in single quotes where its quoted items have them', () => {
    const examples = "examples:\n  - '007'\n  - '010'\n";
    expect(editYamlText(examples, [{ op: 'set', path: ['examples'], value: ['007', '010', '012', 'x'] }])).toBe(
      "examples:\n  - '007'\n  - '010'\n  - '012'\n  - x\n",
    );
    expect(editYamlText('examples:\n  - "007"\n', [{ op: 'set', path: ['examples'], value: ['007', '012'] }])).toBe(
      'examples:\n  - "007"\n  - "012"\n',
    );
  });

  it('changes only a flow list inside a one-line flow mapping, keeping the mapping on its line', () => {
    const quality = 'quality:\n  - {metric: nullValues, mustNotBeBetween: [9, 1]}\n  - metric: rowCount\n';
    expect(editYamlText(quality, [{ op: 'set', path: ['quality', 0, 'mustNotBeBetween'], value: [1, 9] }])).toBe(
      'quality:\n  - {metric: nullValues, mustNotBeBetween: [1, 9]}\n  - metric: rowCount\n',
    );
  });

  it('writes a flow list that comes to hold objects in block style', () => {
    const oneLine = 'properties: [{"name":"a"}]\nid: x\n';
    expect(editYamlText(oneLine, [{ op: 'insert', path: ['properties', 1], value: { name: 'b' } }])).toBe(
      'properties:\n  - name: a\n  - name: b\nid: x\n',
    );
  });

  it('edits changed list items in place when a whole list is set, keeping the comments between them', () => {
    const commented = 'properties:\n  - name: a\n  # b in euros\n  - name: b\n';
    const edited = editYamlText(commented, [
      {
        op: 'set',
        path: ['properties'],
        value: [
          { name: 'a', type: 's' },
          { name: 'b', type: 'u' },
          { name: 'c', type: 't' },
        ],
      },
    ]);
    expect(edited).toBe(
      'properties:\n  - name: a\n    type: s\n  # b in euros\n  - name: b\n    type: u\n  - name: c\n    type: t\n',
    );
  });

  it('refuses text that does not parse', () => {
    expect(() => editYamlText('a: [', [{ op: 'set', path: ['a'], value: 1 }])).toThrow(/cannot edit YAML with errors/);
  });
});

describe('editing YAML text through an alias', () => {
  const anchored = [
    'schema:',
    '  - name: a',
    '    properties:',
    '      - &idprop',
    '        name: id',
    '        logicalType: string',
    '  - name: b',
    '    properties:',
    '      - *idprop',
    '      - name: extra',
    '',
  ].join('\n');

  it('refuses to edit a value an alias shares, saying where it is written and that every alias shares it', () => {
    for (const edit of [
      { op: 'set', path: ['schema', 1, 'properties', 0, 'name'], value: 'b_id' },
      { op: 'set', path: ['schema', 1, 'properties', 0], value: { name: 'b_id' } },
      { op: 'delete', path: ['schema', 1, 'properties', 0, 'logicalType'] },
    ] satisfies YamlEdit[]) {
      expect(() => editYamlText(anchored, [edit])).toThrow(
        'schema[1].properties[0] is an alias (*idprop) of the value written at &idprop, which every *idprop shares',
      );
    }
  });

  it('sets a whole list holding an alias, as a next version does, when the aliased value stays the same', () => {
    const schema = parse(anchored).schema;
    expect(editYamlText(anchored, [{ op: 'set', path: ['schema'], value: schema }])).toBe(anchored);
    schema[1].properties[1].name = 'extra_2';
    expect(editYamlText(anchored, [{ op: 'set', path: ['schema'], value: schema }])).toBe(
      anchored.replace('- name: extra', '- name: extra_2'),
    );
  });

  it('edits the anchored value itself and removes an alias item', () => {
    const renamed = editYamlText(anchored, [{ op: 'set', path: ['schema', 0, 'properties', 0, 'name'], value: 'key' }]);
    expect(parse(renamed).schema[1].properties[0].name).toBe('key');
    const removed = editYamlText(anchored, [{ op: 'delete', path: ['schema', 1, 'properties', 0] }]);
    expect(removed).toContain('    properties:\n      - name: extra\n');
  });
});

describe('editing YAML text as it was saved', () => {
  const windowsText = 'id: orders\r\ntags:\r\n  - a\r\nschema:\r\n  - name: t\r\n    description: old\r\n';

  it.each<[string, YamlEdit]>([
    ['a new key', { op: 'set', path: ['schema', 0, 'physicalName'], value: 'orders_v1' }],
    ['a new list', { op: 'set', path: ['schema', 0, 'quality'], value: [{ metric: 'rowCount', mustBe: 1 }] }],
    ['a new item', { op: 'insert', path: ['tags', 0], value: 'first' }],
    ['an emptied list', { op: 'delete', path: ['tags', 0] }],
    ['a removed entry', { op: 'delete', path: ['schema', 0, 'description'] }],
  ])('keeps Windows line endings (CRLF) on every line when it writes %s', (_, edit) => {
    const edited = editYamlText(windowsText, [edit]);
    expect(edited.replaceAll('\r\n', '')).not.toContain('\n');
    expect(edited).not.toBe(windowsText);
  });

  it('keeps a byte order mark when the first key goes', () => {
    expect(editYamlText('\uFEFFversion: 1.0.0\nid: orders\n', [{ op: 'delete', path: ['version'] }])).toBe(
      '\uFEFFid: orders\n',
    );
  });

  it.each(['a:\n  b: "old"\n', "a:\n  b: 'old'\n", 'a: {b: old}\n'])(
    'writes text every YAML reader reads alike into %j',
    (text) => {
      const values = ['next\u0085line', 'rub\u007fout', 'bell\u0007', 1e21];
      const edited = values.map((value) => editYamlText(text, [{ op: 'set', path: ['a', 'b'], value }]));
      expect(readAllAlike(edited), edited.join('\n')).toEqual(values.map((value) => ({ a: { b: value } })));
    },
  );
});
