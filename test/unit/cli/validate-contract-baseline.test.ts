import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { CHEESE_BATCH_BROKEN, CHEESE_BATCH_PUBLISHED } from '../../builders/cheese-batch-contract';
import { fakeIo } from './fake-io';

const PUBLISHED = 'cheese-batch-published.odcs.yaml';
const EDITED = 'cheese-batch-edited.odcs.yaml';

/** The edited contract beside the one published, as files kept in git. */
function filesWith(edited: string) {
  return fakeIo({ [PUBLISHED]: CHEESE_BATCH_PUBLISHED, [EDITED]: edited });
}

const RELEASED = CHEESE_BATCH_BROKEN.replace('version: 1.0.0', 'version: 2.0.0');
const COMPATIBLE = CHEESE_BATCH_PUBLISHED.replace('version: 1.0.0', 'version: 1.1.0').replace(
  '          - value: edam\n',
  '          - value: edam\n          - value: brie\n',
);

const sightingsFixture = (file: string) =>
  readFileSync(new URL(`../../fixtures/odcs/servers/${file}`, import.meta.url), 'utf8');

describe('mesh-designer validate <contract> --baseline <older contract>', () => {
  it("fails a server's format changed under the same version, each section change at its own line", async () => {
    const { io, out, err } = fakeIo({
      'sightings.odcs.yaml': sightingsFixture('sightings.odcs.yaml'),
      'sightings-v4.odcs.yaml': sightingsFixture('sightings-v4.odcs.yaml'),
    });
    expect(await runCli(['validate', 'sightings-v4.odcs.yaml', '--baseline', 'sightings.odcs.yaml'], io)).toBe(
      EXIT.problems,
    );
    expect(err[0]).toContain('breaking changes need a new major version: 2.0.0 instead of 1.0.0');
    expect(out.filter((line) => line.includes('change'))).toEqual([
      'sightings-v4.odcs.yaml: 2 changes since sightings.odcs.yaml (version 1.0.0 to 1.0.0), 1 breaking',
      "sightings-v4.odcs.yaml:18:5: breaking change: contract: server 'prod-kafka': format avro → json",
      "sightings-v4.odcs.yaml:30:5: change: contract: customProperty 'sensitiveSpeciesPolicy' changed from 'generalise-10km' to 'generalise-2km'",
    ]);
  });

  it('fails a contract whose breaking changes since the baseline keep its version, naming the version they need', async () => {
    const { io, out, err } = filesWith(CHEESE_BATCH_BROKEN);
    expect(await runCli(['validate', EDITED, '--baseline', PUBLISHED], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      `${EDITED}:5:1: version: Contract 'Cheese batch': breaking changes need a new major version: 2.0.0 instead of 1.0.0 (cheese_batches.cheese_type: optional field made required; cheese_batches.cheese_type: allowed value 'gouda' removed). [breaking-changes]`,
      '  hint: Release it as 2.0.0, and tell its consumers; or undo the breaking changes.',
    ]);
    expect(out).toEqual([
      `${EDITED}: 2 changes since ${PUBLISHED} (version 1.0.0 to 1.0.0), 2 breaking`,
      `${EDITED}:17:9: breaking change: cheese_batches.cheese_type: optional field made required`,
      `${EDITED}:18:9: breaking change: cheese_batches.cheese_type: allowed value 'gouda' removed`,
    ]);
  });

  it('passes the same changes under the new major version, and lists them', async () => {
    const { io, out, err } = filesWith(RELEASED);
    expect(await runCli(['validate', EDITED, '--baseline', PUBLISHED], io)).toBe(EXIT.ok);
    expect(err).toEqual([]);
    expect(out[0]).toBe(`${EDITED}: 2 changes since ${PUBLISHED} (version 1.0.0 to 2.0.0), 2 breaking`);
    expect(out.at(-1)).toBe(`${EDITED}: ok (ODCS contract)`);
  });

  it('passes compatible changes, listed as not breaking', async () => {
    const { io, out } = filesWith(COMPATIBLE);
    expect(await runCli(['validate', EDITED, '--baseline', PUBLISHED], io)).toBe(EXIT.ok);
    expect(out).toEqual([
      `${EDITED}: 1 change since ${PUBLISHED} (version 1.0.0 to 1.1.0), 0 breaking`,
      `${EDITED}:17:9: change: cheese_batches.cheese_type: allowed value 'brie' added`,
      `${EDITED}: ok (ODCS contract)`,
    ]);
  });

  it('points at the SLA entry a shorter retention weakens, and fails it under the same version as breaking', async () => {
    const withRetention = (years: number) =>
      `${CHEESE_BATCH_PUBLISHED}slaProperties:\n  - property: latency\n    value: 1\n    unit: h\n  - property: retention\n    value: ${years}\n    unit: y\n`;
    const { io, out, err } = fakeIo({ [PUBLISHED]: withRetention(7), [EDITED]: withRetention(1) });
    expect(await runCli(['validate', EDITED, '--baseline', PUBLISHED], io)).toBe(EXIT.problems);
    expect(err[0]).toContain('breaking changes need a new major version: 2.0.0 instead of 1.0.0');
    expect(out).toContain(
      `${EDITED}:24:5: breaking change: contract: SLA retention shortened from 7 y to 1 y, weakening what consumers were promised`,
    );
  });

  it('reports the changes, the version they need and the rule’s error in --json', async () => {
    const { io, out } = filesWith(CHEESE_BATCH_BROKEN);
    expect(await runCli(['validate', EDITED, '--baseline', PUBLISHED, '--json'], io)).toBe(EXIT.problems);
    const [report] = JSON.parse(out.join('\n'));
    expect(report).toMatchObject({
      file: EDITED,
      ok: false,
      problems: [
        {
          severity: 'error',
          path: 'version',
          line: 5,
          column: 1,
          rule: 'breaking-changes',
          fixHint: 'Release it as 2.0.0, and tell its consumers; or undo the breaking changes.',
        },
      ],
      changes: {
        baseline: PUBLISHED,
        fromVersion: '1.0.0',
        toVersion: '1.0.0',
        isBreaking: true,
        neededVersion: '2.0.0',
        changes: [
          {
            kind: 'optional-to-required',
            isBreaking: true,
            subject: 'cheese_batches.cheese_type',
            message: 'optional field made required',
            line: 17,
            column: 9,
          },
          {
            kind: 'enum-value-removed',
            isBreaking: true,
            subject: 'cheese_batches.cheese_type',
            message: "allowed value 'gouda' removed",
            line: 18,
            column: 9,
          },
        ],
      },
    });
  });

  it('warns that nothing can be judged when the baseline is another contract', async () => {
    const other = CHEESE_BATCH_BROKEN.replace('id: cheese-batch', 'id: butter-batch');
    const { io, out } = filesWith(other);
    expect(await runCli(['validate', EDITED, '--baseline', PUBLISHED], io)).toBe(EXIT.ok);
    expect(out).toEqual([
      `${EDITED}:3:1: warning: id: the baseline ${PUBLISHED} holds no contract 'butter-batch': its changes cannot be judged`,
      `${EDITED}: ok (ODCS contract; 1 warning)`,
    ]);
  });

  it('reports a baseline contract that does not read as one, as a baseline design is', async () => {
    const { io, out, err } = fakeIo({ [PUBLISHED]: 'id: [', [EDITED]: CHEESE_BATCH_BROKEN });
    expect(await runCli(['validate', EDITED, '--baseline', PUBLISHED], io)).toBe(EXIT.problems);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringMatching(/^cheese-batch-published\.odcs\.yaml:1:\d+: /)]);
  });

  it('judges a design’s contract of the same id against a baseline contract', async () => {
    const sample = JSON.parse(
      readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
    );
    const customer = sample.contracts.find((entry: { odcs: string[] }) => entry.odcs.includes('id: customer'));
    const published = customer.odcs.join('\n');
    customer.odcs = published.replace('status: active', 'status: deprecated').split('\n');
    const broken = published.replace(/ {6}- name: email\n( {8}.*\n)+/, '');
    expect(broken).not.toBe(published);
    const { io, err } = fakeIo({ 'customer.odcs.yaml': published, 'shop.mesh.json': JSON.stringify(sample) });
    expect(await runCli(['validate', 'shop.mesh.json', '--baseline', 'customer.odcs.yaml'], io)).toBe(EXIT.ok);
    customer.odcs = broken.split('\n');
    const changed = fakeIo({ 'customer.odcs.yaml': published, 'shop.mesh.json': JSON.stringify(sample) });
    expect(await runCli(['validate', 'shop.mesh.json', '--baseline', 'customer.odcs.yaml'], changed.io)).toBe(
      EXIT.problems,
    );
    expect(err).toEqual([]);
    expect(changed.err[0]).toContain('breaking changes need a new major version: 2.0.0 instead of 1.0.0');
  });
});
