import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { parseMeshFile } from '../../../shared/contracts';
import { ecommerceWithFreePortText } from '../contracts/builders';
import { fakeIo } from './fake-io';

const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');
const shipment = readFileSync(new URL('../../fixtures/odcs/batch/shipment.odcs.yaml', import.meta.url), 'utf8');
const broken = readFileSync(new URL('../../fixtures/odcs/batch/broken-yaml.odcs.yaml', import.meta.url), 'utf8');

let copies = 0;
/** The contract under another id, its table named apart so that copies served by one product can all export. */
const withId = (text: string, id: string) =>
  text.replace(/^id: .*$/m, `id: ${id}`).replace(/^ {2}- name: (.*)$/m, (_, table) => `  - name: ${table}_${++copies}`);

function contractIds(text: string | Uint8Array | undefined): string[] {
  const parsed = parseMeshFile(String(text));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value.contracts.map((contract) => contract.id);
}

/** What a test of something else is about: the lines but the warnings of errors the import brought to the design. */
const withoutErrorsBrought = (lines: readonly string[]) =>
  lines.filter((line) => !/^(shop\.mesh\.json(:\d+:\d+: warning: |: the import brought )| {2}hint: )/.test(line));

describe('mesh-designer import', () => {
  it('adds contracts to the design and says where each is served', async () => {
    const { io, out, files } = fakeIo({ 'shop.mesh.json': sample, 'a.odcs.yaml': withId(shipment, 'parcel') });
    expect(await runCli(['import', 'a.odcs.yaml', '--into', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(contractIds(files.get('shop.mesh.json'))).toContain('parcel');
    expect(out.at(-1)).toBe('shop.mesh.json: 1 of 1 contract files imported');
  });

  it('never merges ten files into five: a conflict with the mesh or the batch is skipped and reported by default', async () => {
    const contracts = Object.fromEntries(
      Array.from({ length: 10 }, (_, index) => [`c${index}.odcs.yaml`, withId(shipment, `batch-${index % 5}`)]),
    );
    const { io, out, err, files } = fakeIo({ 'shop.mesh.json': sample, ...contracts });
    expect(await runCli(['import', ...Object.keys(contracts), '--into', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(withoutErrorsBrought(err)).toHaveLength(5);
    expect(withoutErrorsBrought(err)[0]).toBe(
      "c5.odcs.yaml: skipped: contract 'batch-0' is already in c0.odcs.yaml (--on-conflict rename or replace to import it)",
    );
    expect(out.at(-1)).toBe('shop.mesh.json: 5 of 10 contract files imported');
    expect(contractIds(files.get('shop.mesh.json')).filter((id) => id.startsWith('batch-'))).toHaveLength(5);
  });

  it('renames conflicting contracts on request', async () => {
    const { io, out, files } = fakeIo({
      'shop.mesh.json': sample,
      'a.odcs.yaml': withId(shipment, 'order'),
      'b.odcs.yaml': withId(shipment, 'parcel'),
      'c.odcs.yaml': withId(shipment, 'parcel'),
    });
    const args = [
      'import',
      'a.odcs.yaml',
      'b.odcs.yaml',
      'c.odcs.yaml',
      '--into',
      'shop.mesh.json',
      '--on-conflict',
      'rename',
    ];
    expect(await runCli(args, io)).toBe(EXIT.ok);
    expect(contractIds(files.get('shop.mesh.json'))).toEqual(
      expect.arrayContaining(['order', 'order-2', 'parcel', 'parcel-2']),
    );
    expect(out[0]).toMatch(/^a\.odcs\.yaml: id 'order' is taken by the mesh, imported as 'order-2'[,:] /);
    expect(out[2]).toMatch(/^c\.odcs\.yaml: id 'parcel' is taken by b\.odcs\.yaml, imported as 'parcel-2'[,:] /);
  });

  it('gives imported contracts whose name is taken names of their own, as names are unique in a mesh, and the design validates', async () => {
    const { io, out, files } = fakeIo({
      'shop.mesh.json': sample,
      'a.odcs.yaml': withId(shipment, 'parcel'),
      'b.odcs.yaml': withId(shipment, 'parcel'),
    });
    const args = ['import', 'a.odcs.yaml', 'b.odcs.yaml', '--into', 'shop.mesh.json', '--on-conflict', 'rename'];
    expect(await runCli(args, io)).toBe(EXIT.ok);

    const parsed = parseMeshFile(String(files.get('shop.mesh.json')));
    const names = parsed.ok ? parsed.value.contracts.map((contract) => contract.name) : [];
    expect(names.filter((name) => name.startsWith('Shipment'))).toEqual(['Shipment', 'Shipment 2', 'Shipment 3']);
    expect(out[1]).toMatch(
      /^b\.odcs\.yaml: id 'parcel' is taken by a\.odcs\.yaml, imported as 'parcel-2', named 'Shipment 3' \(a contract is already called 'Shipment'\): /,
    );
    const validation = fakeIo({ 'shop.mesh.json': String(files.get('shop.mesh.json')) });
    await runCli(['validate', 'shop.mesh.json'], validation.io);
    expect(validation.err.join('\n')).not.toMatch(/unique-names/);
  });

  it('replaces on request, the last file of an id winning', async () => {
    const first = withId(shipment, 'order').replace(/^version: .*$/m, 'version: 7.0.0');
    const second = withId(shipment, 'order').replace(/^version: .*$/m, 'version: 8.0.0');
    const { io, out, files } = fakeIo({ 'shop.mesh.json': sample, 'a.odcs.yaml': first, 'b.odcs.yaml': second });
    const args = ['import', 'a.odcs.yaml', 'b.odcs.yaml', '--into', 'shop.mesh.json', '--on-conflict', 'replace'];
    expect(await runCli(args, io)).toBe(EXIT.ok);
    const parsed = parseMeshFile(String(files.get('shop.mesh.json')));
    expect(parsed.ok && parsed.value.contracts.filter((contract) => contract.id === 'order')).toEqual([
      expect.objectContaining({ version: '8.0.0' }),
    ]);
    expect(out[0]).toBe("a.odcs.yaml: skipped: contract 'order' is replaced by b.odcs.yaml, later in the same import");
  });

  it('raises the version of a replacing contract whose breaking changes it does not announce, and names them', async () => {
    const orderPlaced = (JSON.parse(sample).contracts[0].odcs as string[]).join('\n');
    const narrowed = orderPlaced.replace(
      '      - name: event_id\n        logicalType: string',
      '      - name: event_id\n        logicalType: integer',
    );
    const { io, out, files } = fakeIo({ 'shop.mesh.json': sample, 'x.odcs.yaml': narrowed });
    const args = ['import', 'x.odcs.yaml', '--into', 'shop.mesh.json', '--on-conflict', 'replace'];
    expect(await runCli(args, io)).toBe(EXIT.ok);
    const parsed = parseMeshFile(String(files.get('shop.mesh.json')));
    expect(parsed.ok && parsed.value.contracts.find((contract) => contract.id === 'order-placed')?.version).toBe(
      '2.0.0',
    );
    expect(out).toContain(
      'x.odcs.yaml: 1 breaking change since 1.0.0, so it is written as version 2.0.0 (the file says 1.0.0):',
    );
    expect(out).toContainEqual(expect.stringMatching(/^ {2}order_placed\.event_id: .*\(breaking\)$/));
  });

  it('with --fail-on-errors, refuses a replacing contract whose version does not announce its breaking changes, as validate fails on it', async () => {
    const orderPlaced = (JSON.parse(sample).contracts[0].odcs as string[]).join('\n');
    const narrowed = orderPlaced.replace(
      '      - name: event_id\n        logicalType: string',
      '      - name: event_id\n        logicalType: integer',
    );
    const files = { 'shop.mesh.json': sample, 'x.odcs.yaml': narrowed };
    const args = ['import', 'x.odcs.yaml', '--into', 'shop.mesh.json', '--on-conflict', 'replace', '--fail-on-errors'];
    const { io, err, files: after } = fakeIo(files);
    expect(await runCli(args, io)).toBe(EXIT.problems);
    expect(after.get('shop.mesh.json')).toBe(sample);
    expect(err).toContain(
      'x.odcs.yaml: 1 breaking change since 1.0.0 under version 1.0.0, which needs 2.0.0 [breaking-changes]:',
    );
    expect(err).toContainEqual(expect.stringMatching(/^ {2}order_placed\.event_id: .*\(breaking\)$/));
    expect(err.at(-1)).toBe('shop.mesh.json: nothing written (--fail-on-errors)');
    const json = fakeIo(files);
    expect(await runCli([...args, '--json'], json.io)).toBe(EXIT.problems);
    const report = JSON.parse(json.out.join('\n'));
    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.files[0].errors).toEqual([
      expect.objectContaining({
        rule: 'breaking-changes',
        message: expect.stringMatching(/^1 breaking change since 1\.0\.0/),
      }),
    ]);
  });

  it('never lowers the version of a replaced contract: it keeps the previous version and says so', async () => {
    const orderPlaced = (JSON.parse(sample).contracts[0].odcs as string[]).join('\n');
    const lowered = orderPlaced.replace(/^version: .*$/m, 'version: 0.1.0');
    const { io, out, files } = fakeIo({ 'shop.mesh.json': sample, 'x.odcs.yaml': lowered });
    const args = ['import', 'x.odcs.yaml', '--into', 'shop.mesh.json', '--on-conflict', 'replace'];
    expect(await runCli(args, io)).toBe(EXIT.ok);
    const parsed = parseMeshFile(String(files.get('shop.mesh.json')));
    expect(parsed.ok && parsed.value.contracts.find((contract) => contract.id === 'order-placed')?.version).toBe(
      '1.0.0',
    );
    expect(out).toContain(
      'x.odcs.yaml: version 0.1.0 is lower than the previous 1.0.0, so it is written as version 1.0.0',
    );
  });

  it('reports broken and missing files at their place, and imports the others', async () => {
    const { io, err, files } = fakeIo({
      'shop.mesh.json': sample,
      'ok.odcs.yaml': withId(shipment, 'parcel'),
      'bad.odcs.yaml': broken,
    });
    expect(
      await runCli(['import', 'bad.odcs.yaml', 'gone.odcs.yaml', 'ok.odcs.yaml', '--into', 'shop.mesh.json'], io),
    ).toBe(EXIT.problems);
    expect(err[0]).toBe('gone.odcs.yaml: cannot read: no such file');
    expect(err[1]).toMatch(/^bad\.odcs\.yaml:\d+:\d+: /);
    expect(contractIds(files.get('shop.mesh.json'))).toContain('parcel');
  });

  it('says a broken YAML file as validate does, its first error with how many follow it, then that it was not imported', async () => {
    const cascading = withId(shipment, 'parcel').replace(/^schema:$/m, 'schema: [a: b: c\n  - d: e: f');
    const files = { 'shop.mesh.json': sample, 'bad.odcs.yaml': cascading };
    const validated = fakeIo(files);
    await runCli(['validate', 'bad.odcs.yaml'], validated.io);
    expect(validated.err).toEqual([
      expect.stringMatching(/\(and \d+ more YAML errors after it, probably caused by this one\)$/),
    ]);
    const { io, err, out } = fakeIo(files);
    expect(await runCli(['import', 'bad.odcs.yaml', '--into', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([...validated.err, 'bad.odcs.yaml: not imported: it cannot be read as a contract (see above)']);
    expect(out).toEqual(['shop.mesh.json: 0 of 1 contract files imported, nothing written']);
    const json = fakeIo(files);
    await runCli(['import', 'bad.odcs.yaml', '--into', 'shop.mesh.json', '--json'], json.io);
    const [said] = JSON.parse(json.out.join('\n')).files;
    expect(said.errors).toEqual([
      expect.objectContaining({ message: validated.err[0]?.replace(/^bad\.odcs\.yaml:\d+:\d+: /, '') }),
    ]);
    expect(said.message).toBe('not imported: it cannot be read as a contract (see above)');
  });

  it('places a problem in a contract file as validate does, file:line:column: message, as CI problem matchers read it', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'bad.odcs.yaml': broken });
    await runCli(['validate', 'bad.odcs.yaml'], io);
    const validated = err.splice(0);
    await runCli(['import', 'bad.odcs.yaml', '--into', 'shop.mesh.json'], io);
    expect(validated[0]).toMatch(/^bad\.odcs\.yaml:\d+:\d+: \S/);
    expect(err[0]).toBe(validated[0]);
  });

  it('says why the design could not be written, in a sentence, and fails', async () => {
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample, 'a.odcs.yaml': withId(shipment, 'parcel') });
    io.replaceText = async (path) => {
      throw Object.assign(new Error(`EROFS: read-only file system, open '${path}.1.tmp'`), {
        code: 'EROFS',
        path: `${path}.1.tmp`,
      });
    };
    expect(await runCli(['import', 'a.odcs.yaml', '--into', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(withoutErrorsBrought(err)).toEqual([
      'shop.mesh.json: cannot write: the disk is read-only; choose another path (the design is as it was)',
    ]);
    expect(files.get('shop.mesh.json')).toBe(sample);
  });

  it('refuses, naming the clash and writing nothing, an import that would stop the design from exporting', async () => {
    // The sample's shipments product serves a contract whose schema object makes table `shipments`.
    const { io, out, err, files } = fakeIo({ 'shop.mesh.json': sample, 'again.odcs.yaml': shipment });
    const args = ['import', 'again.odcs.yaml', '--into', 'shop.mesh.json', '--on-conflict', 'rename'];
    expect(await runCli(args, io)).toBe(EXIT.problems);
    expect(err).toContain(
      "shop.mesh.json: products[2]: PostgreSQL DDL and migrations: data product 'shipments': 'shipments' would name both table 'shipments' of contract 'Shipment' and table 'shipments' of contract 'Shipment 2' (nothing was written: the design would no longer export)",
    );
    expect(files.get('shop.mesh.json')).toBe(sample);
    expect(out.at(-1)).toBe('shop.mesh.json: 0 of 1 contract files imported, nothing written');
  });

  it('serves a contract from its product’s output port without a contract, so the design then validates', async () => {
    const { io, out, files } = fakeIo({
      'shop.mesh.json': ecommerceWithFreePortText(),
      'a.odcs.yaml': withId(shipment, 'parcel'),
    });
    expect(await runCli(['import', 'a.odcs.yaml', '--into', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(out[0]).toMatch(
      /: contract parcel added; served by shipments at port dataset, its only output port without a contract$/,
    );
    const imported = parseMeshFile(String(files.get('shop.mesh.json')));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.value.products.find((product) => product.id === 'shipments')?.outputPorts).toMatchObject([
      { id: 'shipments-out', contractId: 'shipment' },
      { id: 'parcels-out', contractId: 'parcel' },
    ]);
    const validation = fakeIo({ 'shop.mesh.json': String(files.get('shop.mesh.json')) });
    await runCli(['validate', 'shop.mesh.json'], validation.io);
    expect([...validation.out, ...validation.err].join('\n')).not.toContain('output-contracts');
  });

  it('serves a contract from the output port without a contract named like it in the plural, and says why', async () => {
    const riderSettlement = shipment
      .replace(/^id: .*$/m, 'id: rider-settlement')
      .replace(/^name: .*$/m, 'name: RiderSettlement')
      .replace(/^ {2}- name: shipments$/m, '  - name: settlements');
    const { io, out, files } = fakeIo({
      'shop.mesh.json': ecommerceWithFreePortText([
        { id: 'daily-revenue', name: 'Daily revenue' },
        { id: 'rider-settlements', name: 'Rider settlements' },
      ]),
      'rider.odcs.yaml': riderSettlement,
    });
    expect(await runCli(['import', 'rider.odcs.yaml', '--into', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(out[0]).toMatch(
      /: contract rider-settlement added; served by shipments at port Rider settlements, the one of its 2 output ports without a contract named like RiderSettlement$/,
    );
    const imported = parseMeshFile(String(files.get('shop.mesh.json')));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const ports = imported.value.products.find((product) => product.id === 'shipments')?.outputPorts ?? [];
    expect(ports.map((port) => [port.id, port.contractId])).toEqual([
      ['shipments-out', 'shipment'],
      ['daily-revenue', undefined],
      ['rider-settlements', 'rider-settlement'],
    ]);
  });

  it('serves a contract from a new output port with --new-port, even beside one without a contract', async () => {
    const { io, out } = fakeIo({
      'shop.mesh.json': ecommerceWithFreePortText(),
      'a.odcs.yaml': withId(shipment, 'parcel'),
    });
    expect(await runCli(['import', 'a.odcs.yaml', '--into', 'shop.mesh.json', '--new-port'], io)).toBe(EXIT.ok);
    expect(out[0]).toMatch(/: contract parcel added; served by shipments at new port Shipment 2$/);
  });

  it('warns of the errors an import brings, with their hints, and fails on them with --fail-on-errors, writing nothing', async () => {
    const invoices = withId(shipment, 'invoice').replace(/^dataProduct: .*$/m, 'dataProduct: invoicing');
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample, 'i.odcs.yaml': invoices });
    expect(await runCli(['import', 'i.odcs.yaml', '--into', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(contractIds(files.get('shop.mesh.json'))).toContain('invoice');
    expect(err).toContainEqual(
      expect.stringMatching(
        /^shop\.mesh\.json:\d+:\d+: warning: products\[\d+\]\.outputPorts\[0\]: .*\[product-tables\]$/,
      ),
    );
    expect(err).toContainEqual(expect.stringMatching(/^ {2}hint: /));
    expect(err.at(-1)).toMatch(/^shop\.mesh\.json: the import brought 1 error \(product-tables\)/);

    const failing = fakeIo({ 'shop.mesh.json': sample, 'i.odcs.yaml': invoices });
    const args = ['import', 'i.odcs.yaml', '--into', 'shop.mesh.json', '--fail-on-errors'];
    expect(await runCli(args, failing.io)).toBe(EXIT.problems);
    expect(failing.files.get('shop.mesh.json')).toBe(sample);
  });

  it('leaves the design untouched when nothing imports', async () => {
    const { io, out, files } = fakeIo({ 'shop.mesh.json': sample, 'bad.odcs.yaml': broken });
    expect(await runCli(['import', 'bad.odcs.yaml', '--into', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(files.get('shop.mesh.json')).toBe(sample);
    expect(out.at(-1)).toBe('shop.mesh.json: 0 of 1 contract files imported, nothing written');
  });

  it.each([
    [['import', '--into', 'shop.mesh.json'], 'no contract to import'],
    [['import', 'a.odcs.yaml'], '--into <file.mesh.json> is required'],
    [
      ['import', 'a.odcs.yaml', '--into', 'shop.mesh.json', '--on-conflict', 'merge'],
      "--on-conflict is skip, rename or replace (got 'merge')",
    ],
    [['import', '-x', '--into', 'shop.mesh.json'], 'unknown option or missing value: -x'],
  ])('refuses %j as wrong usage: %s', async (args, message) => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(args, io)).toBe(EXIT.usage);
    expect(err[0]).toBe(`mesh-designer import: ${message}`);
  });
});

describe('mesh-designer import --json and --dry-run, for CI', () => {
  const invoices = withId(shipment, 'invoice').replace(/^dataProduct: .*$/m, 'dataProduct: invoicing');
  const jsonOf = (lines: readonly string[]) => JSON.parse(lines.join('\n'));

  it('prints one JSON report on stdout: what each file created and changed, and the errors the import brought', async () => {
    const { io, out, err, files } = fakeIo({ 'shop.mesh.json': sample, 'i.odcs.yaml': invoices });
    expect(await runCli(['import', 'i.odcs.yaml', '--into', 'shop.mesh.json', '--json'], io)).toBe(EXIT.ok);
    const report = jsonOf(out);
    expect(report).toMatchObject({ into: 'shop.mesh.json', ok: true, dryRun: false, written: true, imported: 1 });
    expect(report.files).toEqual([
      expect.objectContaining({
        file: 'i.odcs.yaml',
        outcome: 'added',
        contract: 'invoice',
        product: expect.any(String),
        port: expect.any(String),
        created: { product: 'shipping-domain-invoicing', port: expect.any(String) },
        notes: [],
        errors: [],
      }),
    ]);
    expect(report.errorsBrought).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'product-tables',
        line: expect.any(Number),
        column: expect.any(Number),
        fixHint: expect.any(String),
      }),
    ]);
    expect(report.errors).toEqual([]);
    expect(contractIds(files.get('shop.mesh.json'))).toContain('invoice');
    expect(err.at(-1)).toBe('shop.mesh.json: 1 of 1 contract files imported');
  });

  it('reports the version a replacing contract is written under, its breaking changes, and unmapped parts as notes', async () => {
    const orderPlaced = (JSON.parse(sample).contracts[0].odcs as string[]).join('\n');
    const narrowed = orderPlaced.replace(
      '      - name: event_id\n        logicalType: string',
      '      - name: event_id\n        logicalType: integer',
    );
    const ddl = readFileSync(new URL('../../fixtures/import/sql/orders-postgres.sql', import.meta.url), 'utf8');
    const { io, out } = fakeIo({ 'shop.mesh.json': sample, 'x.odcs.yaml': narrowed, 'orders-postgres.sql': ddl });
    const args = ['import', 'x.odcs.yaml', 'orders-postgres.sql', '--into', 'shop.mesh.json'];
    expect(await runCli([...args, '--on-conflict', 'replace', '--json'], io)).toBe(EXIT.ok);
    const [replaced, made] = jsonOf(out).files;
    expect(replaced).toMatchObject({
      outcome: 'replaced',
      contract: 'order-placed',
      version: { previous: '1.0.0', stated: '1.0.0', written: '2.0.0' },
      breakingChanges: [expect.objectContaining({ subject: 'order_placed.event_id' })],
    });
    expect(made.notes[0]).toEqual({
      severity: 'warning',
      path: 'orders.status',
      message: "default 'placed' has no ODCS equivalent: not imported",
      line: 5,
      column: 31,
    });
  });

  it('keeps stdout JSON when input cannot be read: each error in the shape validate --json gives a problem', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample, 'bad.odcs.yaml': broken });
    const args = ['import', 'gone.odcs.yaml', 'bad.odcs.yaml', '--into', 'shop.mesh.json', '--json'];
    expect(await runCli(args, io)).toBe(EXIT.problems);
    const report = jsonOf(out);
    expect(report).toMatchObject({ ok: false, written: false, imported: 0 });
    expect(report.files[0]).toEqual({
      file: 'gone.odcs.yaml',
      notes: [],
      errors: [{ severity: 'error', path: '(file)', message: 'cannot read: no such file' }],
      warnings: [],
    });
    expect(report.files[1].errors[0]).toMatchObject({ severity: 'error', line: expect.any(Number) });

    const noDesign = fakeIo({ 'a.odcs.yaml': shipment });
    expect(await runCli(['import', 'a.odcs.yaml', '--into', 'gone.mesh.json', '--json'], noDesign.io)).toBe(
      EXIT.problems,
    );
    expect(jsonOf(noDesign.out).errors).toEqual([
      { severity: 'error', path: '(file)', message: 'cannot read: no such file' },
    ]);
  });

  it('lists every file given when the import stops in the design, each not imported, so CI can tell what happened', async () => {
    const stopped = 'not imported: the import stopped and nothing was written (see errors)';
    const unwritable = fakeIo({ 'shop.mesh.json': sample, 'a.odcs.yaml': withId(shipment, 'parcel') });
    unwritable.io.replaceText = async () => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    };
    const designs = {
      missing: fakeIo({ 'a.odcs.yaml': withId(shipment, 'parcel') }),
      corrupt: fakeIo({ 'shop.mesh.json': '{bad', 'a.odcs.yaml': withId(shipment, 'parcel') }),
      unwritable,
    };
    for (const [why, { io, out }] of Object.entries(designs)) {
      const args = ['import', 'a.odcs.yaml', 'gone.odcs.yaml', '--into', 'shop.mesh.json', '--json'];
      expect(await runCli(args, io), why).toBe(EXIT.problems);
      const report = jsonOf(out);
      expect(report, why).toMatchObject({ ok: false, written: false, imported: 0 });
      expect(report.errors, why).toEqual([expect.objectContaining({ severity: 'error' })]);
      expect(
        report.files.map(({ file, message }: { file: string; message: string }) => ({ file, message })),
        why,
      ).toEqual([
        { file: 'a.odcs.yaml', message: stopped },
        { file: 'gone.odcs.yaml', message: stopped },
      ]);
    }
  });

  it('does everything but write with --dry-run, and says so', async () => {
    const { io, out, files } = fakeIo({ 'shop.mesh.json': sample, 'a.odcs.yaml': withId(shipment, 'parcel') });
    expect(await runCli(['import', 'a.odcs.yaml', '--into', 'shop.mesh.json', '--dry-run'], io)).toBe(EXIT.ok);
    expect(files.get('shop.mesh.json')).toBe(sample);
    expect(out.at(-1)).toBe('shop.mesh.json: 1 of 1 contract files would be imported (--dry-run: nothing written)');

    const json = fakeIo({ 'shop.mesh.json': sample, 'a.odcs.yaml': withId(shipment, 'parcel') });
    await runCli(['import', 'a.odcs.yaml', '--into', 'shop.mesh.json', '--dry-run', '--json'], json.io);
    expect(jsonOf(json.out)).toMatchObject({ ok: true, dryRun: true, written: false, imported: 1 });
    expect(json.files.get('shop.mesh.json')).toBe(sample);
  });

  it('gives the verdict of --fail-on-errors with --dry-run, writing nothing either way', async () => {
    const { io, out, files } = fakeIo({ 'shop.mesh.json': sample, 'i.odcs.yaml': invoices });
    const args = ['import', 'i.odcs.yaml', '--into', 'shop.mesh.json', '--dry-run', '--fail-on-errors', '--json'];
    expect(await runCli(args, io)).toBe(EXIT.problems);
    const report = jsonOf(out);
    expect(report).toMatchObject({ ok: false, dryRun: true, written: false });
    expect(report.errorsBrought).toHaveLength(1);
    expect(report.errors).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/--fail-on-errors/) }),
    ]);
    expect(files.get('shop.mesh.json')).toBe(sample);
  });
});

describe('mesh-designer import of other schema formats', () => {
  it('makes a contract from SQL DDL and reports what it could not map, at the line and column of what it names', async () => {
    const ddl = readFileSync(new URL('../../fixtures/import/sql/orders-postgres.sql', import.meta.url), 'utf8');
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample, 'orders-postgres.sql': ddl });
    expect(await runCli(['import', 'orders-postgres.sql', '--into', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(contractIds(files.get('shop.mesh.json'))).toContain('orders-postgres');
    expect(err).toEqual([
      "orders-postgres.sql:5:31: orders.status: default 'placed' has no ODCS equivalent: not imported",
      'orders-postgres.sql:10:3: orders.delivery_window: INTERVAL has no ODCS logical type: imported as a string (physicalType INTERVAL)',
      'orders-postgres.sql:11:3: orders: unique constraint (customer_id, placed_at) on several columns: kept as a sql quality rule of orders counting duplicate key groups, which must be 0',
    ]);
  });

  it('keeps a UNIQUE on several columns and a CHECK across columns as sql quality rules of the table, and the design still validates', async () => {
    const ddl = readFileSync(new URL('../../fixtures/import/sql/rights-windows-postgres.sql', import.meta.url), 'utf8');
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample, 'rights.sql': ddl });
    expect(await runCli(['import', 'rights.sql', '--into', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(err).toContain(
      'rights.sql:15:3: rights_windows: unique constraint uq_window (programme_pid, territory, platform, starts_at) on several columns: kept as a sql quality rule of rights_windows counting duplicate key groups, which must be 0',
    );
    expect(err).toContain(
      'rights.sql:16:3: rights_windows: CHECK (ends_at > starts_at) has no ODCS property equivalent: kept as a sql quality rule of rights_windows counting the rows where it is false, which must be 0',
    );
    const parsed = parseMeshFile(String(files.get('shop.mesh.json')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const rights = parsed.value.contracts.find((contract) => contract.id === 'rights');
    expect(rights?.schema[0]?.quality).toEqual([
      {
        name: 'uq_window',
        description: 'programme_pid, territory, platform and starts_at are unique together (UNIQUE in the source DDL)',
        type: 'sql',
        dimension: 'uniqueness',
        query:
          'SELECT COUNT(*) FROM (SELECT 1 FROM {object} GROUP BY programme_pid, territory, platform, starts_at HAVING COUNT(*) > 1) AS duplicates',
        mustBe: 0,
      },
      {
        name: 'ck_order',
        description: 'CHECK (ends_at > starts_at) in the source DDL; a row where it is NULL passes, as in the database',
        type: 'sql',
        query: 'SELECT COUNT(*) FROM {object} WHERE NOT (ends_at > starts_at)',
        mustBe: 0,
      },
    ]);
    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.ok);
  });

  it('makes a contract from a Mermaid erDiagram and reports what it could not map, at the line and column of what it names', async () => {
    const diagram = readFileSync(new URL('../../fixtures/import/mermaid-er/tea-er.mmd', import.meta.url), 'utf8');
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample, 'tea-er.mmd': diagram });
    expect(await runCli(['import', 'tea-er.mmd', '--into', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(contractIds(files.get('shop.mesh.json'))).toContain('tea-er');
    expect(withoutErrorsBrought(err)).toEqual([
      'tea-er.mmd:3:3: PLUCKING_ROUND: relationship PLUCKING_ROUND – FACTORY_BATCH "feeds" names no FK attribute: not imported',
      'tea-er.mmd:3:25: FACTORY_BATCH: FACTORY_BATCH has no attributes: not imported as a schema object',
      'tea-er.mmd:4:24: AUCTION_LOT: AUCTION_LOT has no attributes: not imported as a schema object',
    ]);
  });

  it('prints the warnings the checks validate runs find in an imported contract, marked and at their line in the source, and still succeeds', async () => {
    const ddl = 'CREATE TABLE tasting_notes (\n  body TEXT\n);';
    const { io, err, out } = fakeIo({ 'shop.mesh.json': sample, 'notes.sql': ddl });
    expect(await runCli(['import', 'notes.sql', '--into', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(withoutErrorsBrought(err)).toEqual([
      expect.stringMatching(/^notes\.sql:1:14: warning: tasting_notes: entity 'tasting_notes' has no primary key: /),
    ]);
    expect(out.at(-1)).toBe('shop.mesh.json: 1 of 1 contract files imported');
  });

  it('lists the warnings of an imported contract in --json, apart from its errors', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample, 'notes.sql': 'CREATE TABLE tasting_notes (body TEXT);' });
    expect(await runCli(['import', 'notes.sql', '--into', 'shop.mesh.json', '--json'], io)).toBe(EXIT.ok);
    const [file] = JSON.parse(out.join('\n')).files;
    expect(file.errors).toEqual([]);
    expect(file.warnings).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'tasting_notes', line: 1, column: 14 }),
    ]);
  });

  it('imports a contract the checks validate runs find an error in, reporting it at its line in the source, and fails', async () => {
    const schema = [
      '{"title": "Shipment", "type": "object",',
      ' "required": ["shipment_id"],',
      ' "properties": {',
      '    "shipment_id": {"type": "string"},',
      '    "probe": {"type": ["integer", "null"], "minimum": 1, "maximum": 0}',
      ' }}',
    ].join('\n');
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample, 'probe.schema.json': schema });
    expect(await runCli(['import', 'probe.schema.json', '--into', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(contractIds(files.get('shop.mesh.json'))).toContain('probe');
    expect(withoutErrorsBrought(err)).toEqual([
      expect.stringMatching(/^probe\.schema\.json:1:11: warning: Shipment: entity 'Shipment' has no primary key: /),
      'probe.schema.json:5:5: Shipment.probe: minimum 1 and maximum 0 leave no integer between them: no value can keep the contract',
    ]);
  });

  it('reads an SSMS script saved as "Unicode" (UTF-16 LE with a byte order mark) as the app does', async () => {
    const fixture = (name: string) =>
      readFileSync(new URL(`../../fixtures/import/sql/${name}`, import.meta.url), 'utf8');
    const unicode = Buffer.from(`\uFEFF${fixture('orders-ssms.sql')}`, 'utf16le');
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample, 'orders-ssms.sql': new Uint8Array(unicode) });
    expect(await runCli(['import', 'orders-ssms.sql', '--into', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(contractIds(files.get('shop.mesh.json'))).toContain('orders-ssms');
    const notes = fixture('orders-ssms.notes.txt').trimEnd().split('\n');
    // The golden notes place each at `line:column ` as the app does; the CLI writes `file:line:column: `.
    expect(err).toEqual(notes.map((note) => `orders-ssms.sql:${note.replace(/^(\d+:\d+) /, '$1: ')}`));
  });

  it('refuses UTF-16 without a byte order mark as a contract file, and a UTF-16 design as a mesh file', async () => {
    const sql = new Uint8Array(Buffer.from('CREATE TABLE t (id INT);', 'utf16le'));
    const design = new Uint8Array(Buffer.from(`\uFEFF${sample}`, 'utf16le'));
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'design.mesh.json': design, 't.sql': sql });
    expect(await runCli(['import', 't.sql', '--into', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err[0]).toBe(
      't.sql: cannot read: the file contains NUL bytes: it is UTF-16 without a byte order mark or binary, not text',
    );
    expect(await runCli(['import', 't.sql', '--into', 'design.mesh.json'], io)).toBe(EXIT.problems);
    expect(err.at(-1)).toBe(
      'design.mesh.json: cannot read: the file is UTF-16 text; mesh files are UTF-8: save it again as UTF-8',
    );
  });
});
