/**
 * `npm run bench contracts`: what keeping each contract as its ODCS text costs. Opening a
 * design reads every contract's YAML and checks it against its ODCS schema; a form edit
 * splices the text, then reads it again through the same validated entry.
 */

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseMeshFile } from '../../shared/contracts';
import { parseOdcsYaml } from '../../shared/contracts/odcs-yaml';
import { editYamlText } from '../../shared/contracts/yaml-text-edit';
import { serializeMesh } from '../../shared/model';
import { writeSection } from '../report';
import { governedLargeMesh } from './governance';

const GOALS = { openMs: 2000, editMs: 50 };
const RUNS = 5;
const EDIT_RUNS = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const loadAtStart = loadavg()[0]?.toFixed(2);
const mesh = governedLargeMesh();
const text = serializeMesh(mesh);
const openTimes = Array.from({ length: RUNS }, () =>
  timed(() => {
    if (!parseMeshFile(text).ok) throw new Error('the benchmark design does not open');
  }),
);

const example = readFileSync(
  new URL('../../test/fixtures/odcs/v3.2.0/full-example.odcs.yaml', import.meta.url),
  'utf8',
);
const editTimes = Array.from({ length: EDIT_RUNS }, (_, run) =>
  timed(() => {
    const edited = editYamlText(example, [
      { op: 'set', path: ['schema', 1, 'properties', 2, 'description'], value: `Name of the receiver (${run})` },
    ]);
    if (!parseOdcsYaml(edited).ok) throw new Error('the edited example does not read');
  }),
);

const openMs = Math.round(median(openTimes));
const editMs = Math.round(median(editTimes) * 10) / 10;
const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
writeSection(
  'Contracts as text',
  [
    `Load average at start: ${loadAtStart}.`,
    '',
    '| measure | result | goal |',
    '| --- | --- | --- |',
    `| open a design of ${mesh.contracts.length} contracts (${Math.round(text.length / 1024)} KB): read and check every contract's ODCS YAML, median of ${RUNS} | ${openMs} ms | < ${GOALS.openMs} ms: ${verdict(openMs < GOALS.openMs)} |`,
    `| one form edit of the official v3.2.0 full example (362 lines): splice the line, read and check the contract again, median of ${EDIT_RUNS} | ${editMs} ms | < ${GOALS.editMs} ms: ${verdict(editMs < GOALS.editMs)} |`,
    '',
    'Each contract is parsed (yaml), checked against its precompiled ODCS schema (Ajv) and read into the model once per open; the editors re-read only the contract being edited.',
  ].join('\n'),
);
console.log(`open ${openMs} ms for ${mesh.contracts.length} contracts; form edit ${editMs} ms`);
