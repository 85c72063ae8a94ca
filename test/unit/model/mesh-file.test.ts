import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile, parseMeshFileRepairingSizes } from '../../../shared/contracts/contract-text';
import {
  domainColorAt,
  formatProblem,
  MAX_MESH_FILE_BYTES,
  newDataProduct,
  newPort,
  problemTotal,
  serializeMesh,
} from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const SAMPLES = ['assets/samples/seed-logical-view.mesh.json', 'assets/samples/ecommerce.mesh.json'];

function errorsOf(text: string) {
  const result = parseMeshFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map(formatProblem);
}

describe('the mesh file', () => {
  it.each(SAMPLES)('round-trips %s byte-identically', (path) => {
    const text = read(path);
    const parsed = parseMeshFile(text);
    expect(parsed.ok && serializeMesh(parsed.value)).toBe(text);
  });

  it('writes keys in a stable order whatever order the document was built in', () => {
    const mesh = aMesh().withDomain('d').build();
    const shuffled = Object.fromEntries(Object.entries(mesh).reverse()) as typeof mesh;
    expect(serializeMesh(shuffled)).toBe(serializeMesh(mesh));
    expect(serializeMesh(mesh).split('\n').slice(1, 4)).toEqual([
      '  "schemaVersion": 2,',
      '  "id": "test-mesh",',
      '  "name": "Test mesh",',
    ]);
  });

  it('migrates a v0 prototype file to the current version', () => {
    const parsed = parseMeshFile(read('test/fixtures/mesh/v0-prototype.mesh.json'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const [leads] = parsed.value.products;
    expect(parsed.value.schemaVersion).toBe(2);
    expect(leads?.inputPorts.map((port) => port.id)).toEqual(['in']);
    expect(leads?.outputPorts.map((port) => port.id)).toEqual(['out']);
    expect(leads?.discoveryPort.id).toBe('discovery');
    expect(parsed.value.scenarios).toEqual([]);
  });
});

describe('bad input', () => {
  it('refuses text that is not JSON', () => {
    expect(errorsOf('{"schemaVersion": 2,')[0]).toMatch(/^\(document\): not valid JSON/);
  });

  it('says at which line and column a corrupted file stops being JSON', () => {
    expect(errorsOf('{\n  "schemaVersion": 2,\n  "name": }\n')[0]).toMatch(
      /^\(document\): not valid JSON: .* \(line 3, column 11\)$/s,
    );
  });

  it('says where a truncated file ends', () => {
    expect(errorsOf('{\n  "schemaVersion": 2,\n  "domains": [')[0]).toMatch(
      /^\(document\): not valid JSON: the file ends early.* \(line 3, column 15\)$/,
    );
  });

  it.each([
    ['0 bytes', ''],
    ['only blank lines', '\n  \n'],
    ['only a byte-order mark', '\uFEFF'],
  ])('says a file of %s is empty, not cut off', (_, text) => {
    expect(errorsOf(text)).toEqual(['(document): the file is empty: there is no design in it']);
  });

  it('points at a string that breaks off at its line', () => {
    expect(errorsOf('{\n  "name": "Orders\n  and payments"\n}')[0]).toMatch(/\(line 2, column 11\)$/);
  });

  it('names unresolved merge conflict markers and their line', () => {
    const conflicted =
      '{\n  "schemaVersion": 2,\n<<<<<<< HEAD\n  "name": "Orders",\n=======\n  "name": "Shop",\n>>>>>>> main\n}';
    expect(errorsOf(conflicted)).toEqual([
      '(document): unresolved merge conflict markers at line 3 (<<<<<<<): resolve the conflict, then open the file again',
    ]);
  });

  it('points at the first marker even when it is indented', () => {
    const conflicted =
      '{\n  "schemaVersion": 2,\n  "id": "notary",\n  <<<<<<< HEAD\n  "name": "Notary Office",\n=======\n  "name": "Notary",\n>>>>>>> branch\n}';
    expect(errorsOf(conflicted)).toEqual([
      '(document): unresolved merge conflict markers at line 4 (<<<<<<<): resolve the conflict, then open the file again',
    ]);
  });

  it.each([
    ['as YAML', 'apiVersion: v3.0.2\nkind: DataContract\nid: orders\nversion: 1.0.0\nstatus: active\n'],
    ['as JSON', JSON.stringify({ apiVersion: 'v3.0.2', kind: 'DataContract', id: 'orders', version: '1.0.0' })],
  ])('says that an ODCS contract %s is a contract, not a design, and how to add it', (_case, text) => {
    expect(errorsOf(text)).toEqual([
      `(document): this is an ODCS data contract, not a mesh design: add it to a design with Import… in the Contracts list (File › Import Contracts… in the desktop app)`,
    ]);
  });

  it('refuses JSON that is not an object', () => {
    expect(errorsOf('[1, 2]')).toEqual(['(document): must be a JSON object']);
  });

  it.each([
    [0, 'schemaVersion: 0 is not a version this app reads (it reads 1 and 2)'],
    ['two', 'schemaVersion: "two" is not a version this app reads (it reads 1 and 2)'],
    [1.5, 'schemaVersion: 1.5 is not a version this app reads (it reads 1 and 2)'],
    [
      99,
      'schemaVersion: 99 is not a version this app reads (it reads 1 and 2): a newer version of the app may have written it; update the app',
    ],
  ])('refuses schemaVersion %j with one problem naming it and the versions it reads', (version, problem) => {
    const sample = JSON.parse(read('assets/samples/ecommerce.mesh.json'));
    expect(errorsOf(JSON.stringify({ ...sample, schemaVersion: version }))).toEqual([problem]);
  });

  it('refuses a missing schema version', () => {
    const { schemaVersion: _omitted, ...withoutVersion } = aMesh().build();
    expect(errorsOf(JSON.stringify(withoutVersion))).toEqual(['schemaVersion: missing (this app reads 1 and 2)']);
  });

  it('locates wrong types', () => {
    const mesh = aMesh().withDomain('d').withProduct('p', 'd').build();
    const broken = JSON.parse(JSON.stringify(mesh));
    broken.products[0].kind = 'sideways';
    broken.domains[0].name = 42;
    expect(errorsOf(JSON.stringify(broken))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^domains\[0\]\.name: /),
        expect.stringMatching(/^products\[0\]\.kind: /),
      ]),
    );
  });

  it('names a field the format does not know where it is, with the known field it looks like', () => {
    const mesh = aMesh().withDomain('d').withProduct('p', 'd').build();
    const broken = JSON.parse(serializeMesh(mesh));
    const { outputPorts, ...product } = broken.products[0];
    broken.products[0] = { ...product, outpuPorts: outputPorts };
    broken.domains[0].flavour = 'mint';
    expect(errorsOf(JSON.stringify(broken))).toEqual([
      'domains[0].flavour: unknown field',
      "products[0].outpuPorts: unknown field (did you mean 'outputPorts'?)",
    ]);
  });

  it('refuses ids that could escape a folder', () => {
    const mesh = aMesh().withDomain('../../etc').build();
    expect(errorsOf(serializeMesh(mesh))[0]).toMatch(/^domains\[0\]\.id: must be ASCII letters/);
  });

  it('names dangling references', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'x' })] })
      .withProduct('q', 'nowhere')
      .withLink('l', { nodeId: 'p', portId: 'out' }, { nodeId: 'ghost', portId: 'in' })
      .build();
    mesh.layout.nodes.vanished = { x: 0, y: 0 };
    expect(errorsOf(serializeMesh(mesh))).toEqual([
      "products[0].outputPorts[0].contractId: no contract 'x'",
      "products[1].domainId: no domain 'nowhere'",
      "links[0].to: no port 'in' on 'ghost'",
      `layout.nodes["vanished"]: no domain, product, system or note 'vanished'`,
    ]);
  });

  it('names scenario faults on systems or topics that do not exist', () => {
    const mesh = aMesh().withDomain('d').withSystem('shop', 'd').build();
    const scenario = {
      id: 's',
      name: 's',
      description: '',
      seed: 1,
      startTime: '2026-01-01T00:00:00.000Z',
      tickMillis: 1000,
    };
    mesh.scenarios.push({
      ...scenario,
      data: [],
      rates: [],
      steps: [],
      faults: [
        { kind: 'redeliver', tick: 1, systemId: 'ghost', topicId: 'items-cdc', records: 1 },
        { kind: 'redeliver', tick: 1, systemId: 'shop', topicId: 'nowhere', records: 1 },
      ],
    });
    expect(errorsOf(serializeMesh(mesh))).toEqual([
      "scenarios[0].faults[0].systemId: no system 'ghost'",
      "scenarios[0].faults[1].topicId: no topic 'nowhere' on 'shop': name one of 'shop.items' (id 'items-cdc')",
    ]);
  });

  it('says which fault kind does not take a field that another kind takes, as the scenario editor does', () => {
    const mesh = aMesh().withDomain('d').withSystem('shop', 'd').build();
    const fault = { kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'id', records: 2 };
    const file = JSON.parse(serializeMesh(mesh));
    file.scenarios = [
      {
        id: 's',
        name: 's',
        description: '',
        seed: 1,
        startTime: '2026-01-01T00:00:00.000Z',
        tickMillis: 1000,
        data: [],
        rates: [],
        steps: [],
        faults: [fault],
      },
    ];
    expect(errorsOf(JSON.stringify(file))).toEqual([
      "scenarios[0].faults[0].records: unknown field: kind 'null-field' does not take 'records' (it takes: tick, systemId, topicId, column)",
    ]);
  });

  it('takes an owner on an operational system, the team that runs it', () => {
    const mesh = aMesh().withDomain('d').withSystem('shop', 'd', { owner: 'team-shop' }).build();
    const parsed = parseMeshFile(serializeMesh(mesh));
    expect(parsed.ok && parsed.value.systems[0]?.owner).toBe('team-shop');
  });

  it('names duplicate ids', () => {
    const mesh = aMesh().withDomain('d').withProduct('d', 'd').withContract('c').withContract('c').build();
    expect(errorsOf(serializeMesh(mesh))).toEqual([
      "products[0].id: duplicate id 'd' (also used at domains[0])",
      "contracts[1].id: duplicate id 'c' (also at contracts[0])",
    ]);
  });

  it('names a duplicate port id at its place in the file, whichever list each port is in', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('p', 'd', {
        inputPorts: [aPort('in', 'input'), aPort('out', 'input')],
        outputPorts: [aPort('out', 'output'), aPort('out', 'output'), aPort('discovery', 'output')],
      })
      .build();
    expect(errorsOf(serializeMesh(mesh))).toEqual([
      "products[0].outputPorts[0].id: duplicate id 'out' (also at products[0].inputPorts[1])",
      "products[0].outputPorts[1].id: duplicate id 'out' (also at products[0].inputPorts[1])",
      "products[0].discoveryPort.id: duplicate id 'discovery' (also at products[0].outputPorts[2])",
    ]);
  });

  it('refuses links in the wrong direction', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('p', 'd', { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] })
      .withLink('l', { nodeId: 'p', portId: 'in' }, { nodeId: 'p', portId: 'out' })
      .build();
    expect(errorsOf(serializeMesh(mesh))).toEqual([
      'links[0].from: must be an output port or a topic',
      'links[0].to: must be an input port',
    ]);
  });

  it('refuses 50 MB of garbage with one clear message and does not throw', () => {
    const garbage = 'x'.repeat(50 * 1024 * 1024);
    expect(() => parseMeshFile(garbage)).not.toThrow();
    expect(errorsOf(garbage)[0]).toMatch(/^\(document\): not valid JSON/);
  });

  it('refuses files over the size limit before parsing', () => {
    expect(errorsOf(' '.repeat(MAX_MESH_FILE_BYTES + 1))[0]).toMatch(/mesh files are at most 64 MiB/);
  });
});

describe('references in a file the schema refuses', () => {
  /** Two products in a domain, the first linked to the second; `breaking` spoils the file's JSON. */
  function aRefusedFile(breaking: (file: ReturnType<typeof JSON.parse>) => void): string {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('p', 'd', { outputPorts: [aPort('out', 'output')] })
      .withProduct('q', 'd', { inputPorts: [aPort('in', 'input')] })
      .withProduct('r', 'd')
      .withLink('l', { nodeId: 'p', portId: 'out' }, { nodeId: 'q', portId: 'in' })
      .build();
    const file = JSON.parse(serializeMesh(mesh));
    breaking(file);
    return JSON.stringify(file);
  }
  /** What validate says of the file; the app's Open error lists the same problems. */
  function expectRefusedInValidateAndOpen(text: string, problems: string[]): void {
    expect(errorsOf(text)).toEqual(problems);
    const opened = parseMeshFileRepairingSizes(text);
    expect(!opened.ok && opened.errors.map(formatProblem)).toEqual(problems);
  }
  const BIG_KIND = "products[0].kind: must be 'source-aligned', 'aggregate' or 'consumer-aligned', not 'big'";

  it('names a broken reference beside a schema error elsewhere, at its place in the file', () => {
    const text = aRefusedFile((file) => {
      file.products[0].kind = 'big';
      file.products[2].domainId = 'nope-domain';
      file.products[2].id = 'q';
    });
    const problems = [
      BIG_KIND,
      "products[2].id: duplicate id 'q' (also used at products[1])",
      "products[2].domainId: no domain 'nope-domain'",
    ];
    expectRefusedInValidateAndOpen(text, problems);
  });

  it('says nothing of what refers to an element the schema refuses: it is there, only refused', () => {
    const text = aRefusedFile((file) => {
      file.domains[0].name = 42;
      file.products[0].kind = 'big';
    });
    expect(errorsOf(text)).toEqual(['domains[0].name: must be a string, not a number', BIG_KIND]);
  });

  it('says nothing of the references inside an element the schema refuses', () => {
    const text = aRefusedFile((file) => {
      file.products[0].kind = 'big';
      file.products[0].domainId = 'nope-domain';
    });
    expect(errorsOf(text)).toEqual([BIG_KIND]);
  });

  it('names a broken link beside refused layout entries: a coordinate too far out, a size of 0 or less', () => {
    const text = aRefusedFile((file) => {
      file.layout.nodes = { d: { x: 1e308, y: 0 }, p: { x: 40, y: 60, width: -5 } };
      file.links[0].to.portId = 'nope';
    });
    const problems = [
      'layout.nodes.d.x: must be at most 10000000',
      'layout.nodes.p.width: must be more than 0',
      "links[0].to: no port 'nope' on 'q'",
    ];
    expectRefusedInValidateAndOpen(text, problems);
  });

  it('names a broken reference beside refused fields of the design itself, which no reference reads', () => {
    const text = aRefusedFile((file) => {
      file.name = '';
      file.policies = [];
      file.nmae = 'Shop';
      file.products[2].domainId = 'nope-domain';
    });
    expect(errorsOf(text)).toEqual([
      'name: must not be empty',
      'policies: must be an object, not an array',
      "nmae: unknown field (did you mean 'name'?)",
      "products[2].domainId: no domain 'nope-domain'",
    ]);
  });

  it('checks no reference when a list references resolve in is refused as a whole', () => {
    const text = aRefusedFile((file) => {
      file.domains = 'd';
      file.products[2].domainId = 'nope-domain';
    });
    expect(errorsOf(text)).toEqual([expect.stringMatching(/^domains: /)]);
  });
});

describe('a contract whose text does not read, beside other problems', () => {
  /** A product serving contract 'orders' and one in a domain; `breaking` spoils the file's JSON. */
  function aFileWith(breaking: (file: ReturnType<typeof JSON.parse>) => void): string {
    const mesh = aMesh()
      .withDomain('d')
      .withContract('orders')
      .withProduct('p', 'd', { outputPorts: [{ ...aPort('out', 'output'), contractId: 'orders' }] })
      .withProduct('q', 'd')
      .build();
    const file = JSON.parse(serializeMesh(mesh));
    breaking(file);
    return JSON.stringify(file);
  }
  const withEmptyVersion = (file: ReturnType<typeof JSON.parse>) => {
    file.contracts[0].odcs = file.contracts[0].odcs.map((line: string) =>
      line.replace('version: 1.0.0', "version: ''"),
    );
  };
  const EMPTY_VERSION = 'contracts[0].odcs: 5:10 version: must not be empty';

  it('names a broken reference in the rest of the design in the same round', () => {
    const text = aFileWith((file) => {
      withEmptyVersion(file);
      file.products[1].domainId = 'nope-domain';
    });
    expect(errorsOf(text)).toEqual([EMPTY_VERSION, "products[1].domainId: no domain 'nope-domain'"]);
  });

  it('names the contract beside a schema error elsewhere', () => {
    const text = aFileWith((file) => {
      withEmptyVersion(file);
      file.products[1].kind = 'big';
    });
    expect(errorsOf(text)).toEqual([
      "products[1].kind: must be 'source-aligned', 'aggregate' or 'consumer-aligned', not 'big'",
      EMPTY_VERSION,
    ]);
  });

  it('says nothing of a port serving the contract: it is there, only unreadable', () => {
    expect(errorsOf(aFileWith(withEmptyVersion))).toEqual([EMPTY_VERSION]);
  });

  it('checks no reference to contracts when an unreadable one does not say its id', () => {
    const text = aFileWith((file) => {
      file.contracts[0].odcs = ['id: [orders', 'name: Orders'];
      file.products[0].outputPorts[0].contractId = 'nope';
    });
    expect(errorsOf(text)).not.toContainEqual(expect.stringContaining("no contract 'nope'"));
  });
});

describe('contracts in the file', () => {
  const withOrders = () => aMesh().withDomain('d').withContract('orders').build();

  it('stores each contract as the lines of its ODCS YAML and reads the model back from them', () => {
    const mesh = withOrders();
    const file = JSON.parse(serializeMesh(mesh));
    expect(file.contracts).toEqual([{ odcs: mesh.contracts[0]?.odcs.split('\n') }]);
    const reopened = parseMeshFile(serializeMesh(mesh));
    expect(reopened.ok && reopened.value.contracts).toEqual(mesh.contracts);
  });

  it('refuses a contract whose text is not a valid contract, at its line', () => {
    const file = JSON.parse(serializeMesh(withOrders()));
    file.contracts[0].odcs = file.contracts[0].odcs.map((line: string) =>
      line.replace('version: 1.0.0', "version: ''"),
    );
    expect(errorsOf(JSON.stringify(file))).toEqual(['contracts[0].odcs: 5:10 version: must not be empty']);
  });

  it.each(['"2024-01"', 'v2'])('opens a design whose contract version %s is no semantic version', (version) => {
    const file = JSON.parse(serializeMesh(withOrders()));
    file.contracts[0].odcs = file.contracts[0].odcs.map((line: string) =>
      line.replace('version: 1.0.0', `version: ${version}`),
    );
    const parsed = parseMeshFile(JSON.stringify(file));
    expect(parsed.ok && parsed.value.contracts[0]?.version).toBe(version.replaceAll('"', ''));
  });

  it('migrates a file of format 1, which stored the model, to the contract text', () => {
    const file = JSON.parse(serializeMesh(withOrders()));
    const { odcs: _text, apiVersion: _version, isKindDeclared: _declared, ...legacy } = withOrders().contracts[0] ?? {};
    const parsed = parseMeshFile(JSON.stringify({ ...file, schemaVersion: 1, contracts: [legacy] }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.contracts[0]).toMatchObject({ id: 'orders', apiVersion: 'v3.1.0', isKindDeclared: true });
    expect(parsed.value.contracts[0]?.odcs).toContain('  - property: datasetKind\n    value: entity\n');
  });

  it('names what is wrong with a contract of format 1 instead of guessing', () => {
    const file = JSON.parse(serializeMesh(withOrders()));
    const parsed = parseMeshFile(JSON.stringify({ ...file, schemaVersion: 1, contracts: [{ id: 'x', name: '' }] }));
    expect(!parsed.ok && parsed.errors[0]).toEqual({
      path: 'contracts[0]',
      message: 'name: must not be empty',
    });
  });
});

describe('says what the file format refuses in plain words', () => {
  /** A file whose one product is edited as JSON, to hold what the file format refuses. */
  const fileWith = (edit: (product: Record<string, unknown>) => void) => {
    const file = JSON.parse(serializeMesh(aMesh().withDomain('d').withProduct('p', 'd').build()));
    edit(file.products[0]);
    return JSON.stringify(file);
  };

  it('names a missing field as such', () => {
    const text = fileWith((product) => {
      product.inputPorts = [{ id: 'in', direction: 'input', protocol: 'table' }];
    });
    expect(errorsOf(text)).toEqual(["products[0].inputPorts[0].name: missing required field 'name'"]);
  });

  it('names the type a field must have and the one it has', () => {
    expect(errorsOf(fileWith((product) => Object.assign(product, { name: 42 })))).toEqual([
      'products[0].name: must be a string, not a number',
    ]);
    expect(errorsOf(fileWith((product) => Object.assign(product, { inputPorts: {} })))).toEqual([
      'products[0].inputPorts: must be an array, not an object',
    ]);
  });

  it('lists the values a field allows', () => {
    expect(errorsOf(fileWith((product) => Object.assign(product, { kind: 'big' })))).toEqual([
      "products[0].kind: must be 'source-aligned', 'aggregate' or 'consumer-aligned', not 'big'",
    ]);
  });
});

describe('a design missing required fields in several places', () => {
  const missingSeveral = () => {
    const file = JSON.parse(
      serializeMesh(aMesh().withDomain('d').withProduct('p', 'd').withSystem('crm', 'd').build()),
    );
    delete file.name;
    delete file.domains[0].name;
    delete file.products[0].domainId;
    file.products[0].outputPorts = [{ name: 'out' }];
    delete file.systems[0].database;
    return file;
  };

  it('names every one of them in one round, each at its place', () => {
    expect(errorsOf(JSON.stringify(missingSeveral()))).toEqual([
      "name: missing required field 'name'",
      "domains[0].name: missing required field 'name'",
      "products[0].domainId: missing required field 'domainId'",
      "products[0].outputPorts[0].id: missing required field 'id'",
      "systems[0].database: missing required field 'database'",
    ]);
  });

  it('lists the first 50 of many and says how many more there are', () => {
    const file = missingSeveral();
    file.domains = Array.from({ length: 60 }, (_, index) => ({ id: `d${index}` }));
    const errors = errorsOf(JSON.stringify(file));
    expect(errors).toHaveLength(51);
    expect(errors.slice(0, 2)).toEqual([
      "name: missing required field 'name'",
      "domains[0].name: missing required field 'name'",
    ]);
    expect(errors.at(-1)).toBe('(document): and 14 more problems, not listed here (64 in all)');
    const parsed = parseMeshFile(JSON.stringify(file));
    expect(!parsed.ok && problemTotal(parsed.errors)).toBe(64);
  });
});

/** A scenario as a script might write it: only what names it and sets its clock. */
const A_BARE_SCENARIO = {
  id: 'rush',
  name: 'Rush hour',
  seed: 7,
  startTime: '2026-01-05T09:00:00.000Z',
  tickMillis: 60_000,
};

describe('fields a hand-written design may leave out', () => {
  const handWritten = () => {
    const file = JSON.parse(
      serializeMesh(aMesh().withDomain('d').withProduct('p', 'd').withSystem('crm', 'd').build()),
    );
    for (const field of ['documentation', 'pipeline', 'tests', 'transformations', 'observability'])
      delete file.products[0][field];
    delete file.systems[0].service;
    delete file.systems[0].publishes;
    delete file.layout;
    return file;
  };

  it('reads a field whose empty value means nothing as that value', () => {
    const parsed = parseMeshFile(JSON.stringify(handWritten()));
    if (!parsed.ok) throw new Error(parsed.errors.map(formatProblem).join('\n'));
    const [product] = parsed.value.products;
    const [system] = parsed.value.systems;
    expect(product).toMatchObject({
      documentation: '',
      pipeline: { stages: [] },
      tests: [],
      transformations: [],
      observability: { slos: [] },
    });
    expect(system).toMatchObject({ service: { name: system?.name }, publishes: [] });
    expect(parsed.value.layout).toEqual({ nodes: {} });
  });

  it('reads a scenario given without description, data, rates or steps as one with them empty', () => {
    const file = { ...handWritten(), scenarios: [A_BARE_SCENARIO] };
    const parsed = parseMeshFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.errors.map(formatProblem).join('\n'));
    expect(parsed.value.scenarios[0]).toEqual({ ...A_BARE_SCENARIO, description: '', data: [], rates: [], steps: [] });
  });

  it('writes the fields it read as empty when the design is saved', () => {
    const parsed = parseMeshFile(JSON.stringify(handWritten()));
    const saved = parsed.ok ? JSON.parse(serializeMesh(parsed.value)) : undefined;
    expect(saved?.products[0].documentation).toBe('');
    expect(saved?.systems[0].publishes).toEqual([]);
  });

  describe('a minimal design: domains, products and ports given only by id and name', () => {
    const minimal = JSON.parse(read('test/fixtures/mesh/minimal-hand-written.mesh.json'));

    it('opens with the values the app gives a new domain, product and port', () => {
      const parsed = parseMeshFile(JSON.stringify(minimal));
      if (!parsed.ok) throw new Error(parsed.errors.map(formatProblem).join('\n'));
      const { domains, products, layout } = parsed.value;
      expect(domains.map((domain) => domain.color)).toEqual([domainColorAt(0), domainColorAt(1)]);
      const {
        id: _id,
        domainId: _domainId,
        name: _name,
        ...newProductFields
      } = newDataProduct({
        id: 'revenue',
        domainId: 'finance',
        name: 'Revenue',
      });
      expect(products[1]).toEqual({ id: 'revenue', domainId: 'finance', name: 'Revenue', ...newProductFields });
      expect(products[0]?.inputPorts).toEqual([newPort('in', 'in', 'input')]);
      expect(products[0]?.outputPorts).toEqual([newPort('out', 'out', 'output')]);
      expect(layout).toEqual({ nodes: {} });
    });

    it('saves the values it read, the same on every open', () => {
      const parsed = parseMeshFile(JSON.stringify(minimal));
      const saved = parsed.ok ? serializeMesh(parsed.value) : '';
      const file = JSON.parse(saved);
      expect(file.domains[1].color).toBe(domainColorAt(1));
      expect(file.products[0].outputPorts[0]).toEqual({
        id: 'out',
        name: 'out',
        direction: 'output',
        protocol: 'table',
        description: '',
      });
      expect(file.products[1].storage).toEqual({ engine: 'sqlite', tables: [] });
      const reopened = parseMeshFile(saved);
      expect(reopened.ok && serializeMesh(reopened.value)).toBe(saved);
    });

    it('opens a domain colour written with three hex digits, as CSS allows, as its six', () => {
      const file = structuredClone(minimal);
      Object.assign(file.domains[0] as object, { color: '#aA3' });
      const parsed = parseMeshFile(JSON.stringify(file));
      if (!parsed.ok) throw new Error(parsed.errors.map(formatProblem).join('\n'));
      expect(parsed.value.domains[0]?.color).toBe('#aaAA33');
    });

    it('keeps a port, a discovery port and a domain colour the file gives', () => {
      const file = structuredClone(minimal);
      Object.assign(file.domains[0] as object, { color: '#123456' });
      Object.assign(file.products[1] as object, {
        discoveryPort: { id: 'meta', name: 'Meta', description: 'About it' },
      });
      const parsed = parseMeshFile(JSON.stringify(file));
      if (!parsed.ok) throw new Error(parsed.errors.map(formatProblem).join('\n'));
      expect(parsed.value.domains[0]?.color).toBe('#123456');
      expect(parsed.value.products[1]?.discoveryPort).toEqual({
        ...newPort('meta', 'Meta', 'discovery'),
        description: 'About it',
      });
    });
  });

  it.each([1, 2])(
    'says that contracts given as an object (schemaVersion %i) must be a list, and of what',
    (version) => {
      const file = { ...JSON.parse(serializeMesh(aMesh().build())), schemaVersion: version, contracts: { orders: {} } };
      expect(errorsOf(JSON.stringify(file))).toEqual([
        'contracts: must be a list, not an object: [{"odcs": ["apiVersion: v3.1.0", "kind: DataContract", …]}, …], each contract the lines of its ODCS YAML',
      ]);
    },
  );

  it('still refuses a design without the fields that name or identify an element', () => {
    const file = handWritten();
    delete file.products[0].name;
    delete file.systems[0].id;
    expect(errorsOf(JSON.stringify(file))).toEqual([
      "products[0].name: missing required field 'name'",
      "systems[0].id: missing required field 'id'",
    ]);
  });
});
