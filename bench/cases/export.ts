/**
 * Export of the canvas benchmark's 1,000-product mesh to every format, in Node as the CLI runs
 * it, with contracts on every output port (an entity with history and an event stream), an
 * operational system with CDC per domain, and a last-saved version whose contracts differ, so
 * the migrations are written too. Measures the time of the whole bundle and its size.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { type Contract, type Mesh, serializeMesh } from '../../shared/model';
import { aContract, aSystem } from '../../test/builders/mesh-builder';
import { writeSection } from '../report';
import { largeMesh } from './canvas';

const RUNS = 7;
const GOAL_MS = 2000;

function contractFor(id: string, kind: Contract['kind']): Contract {
  const key = kind === 'event' ? 'event_id' : 'id';
  return aContract(id, {
    kind,
    keepHistory: kind === 'entity',
    schema: [
      {
        name: id.replaceAll('-', '_'),
        properties: [
          { name: key, logicalType: 'string', required: true, unique: true, primaryKey: kind === 'entity' },
          ...(kind === 'event'
            ? [
                {
                  name: 'occurred_at',
                  logicalType: 'timestamp' as const,
                  required: true,
                  unique: false,
                  primaryKey: false,
                },
              ]
            : []),
          ...Array.from({ length: 8 }, (_, index) => ({
            name: `field_${index}`,
            logicalType: (['string', 'integer', 'number', 'timestamp'] as const)[
              index % 4
            ] as Contract['schema'][number]['properties'][number]['logicalType'],
            required: index % 2 === 0,
            unique: false,
            primaryKey: false,
          })),
        ],
      },
    ],
  });
}

/** The canvas mesh with what every format has to write: contracts, streaming ports, CDC systems. */
function meshToExport(): Mesh {
  const mesh = largeMesh();
  for (const product of mesh.products) {
    product.owner = `team-${product.domainId}`;
    for (const [index, port] of product.outputPorts.entries()) {
      const contractId = `${product.id}-${port.id}`;
      port.contractId = contractId;
      port.protocol = index === 0 ? 'table' : 'kafka-topic';
      mesh.contracts.push(contractFor(contractId, index === 0 ? 'entity' : 'event'));
    }
  }
  for (const domain of mesh.domains) mesh.systems.push(aSystem(`${domain.id}-service`, domain.id));
  return mesh;
}

/** The same design as last saved: every fifth contract one version back, without its last field. */
function lastSaved(mesh: Mesh): Mesh {
  return {
    ...mesh,
    contracts: mesh.contracts.map((contract, index) =>
      index % 5 === 0
        ? {
            ...contract,
            version: '0.9.0',
            schema: contract.schema.map((object) => ({ ...object, properties: object.properties.slice(0, -1) })),
          }
        : contract,
    ),
  };
}

/**
 * The file reader and the exporters as the CLI runs them: one bundle built by esbuild. (Run
 * through tsx, every function would carry tsx's name-keeping wrapper, which costs a third more
 * here.) One bundle, as in the CLI: a contract text read when the file opened is known valid
 * to the exporters.
 */
async function builtExporters(): Promise<typeof import('./export-entry')> {
  const outfile = join(import.meta.dirname, '../../dist/bench/export.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'export-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

const { EXPORT_TARGETS, exportBundle, parseMeshFile, WHOLE_MESH } = await builtExporters();
const loadAtStart = loadavg()[0]?.toFixed(2);
const openingStarted = process.cpuUsage();
const opened = parseMeshFile(serializeMesh(meshToExport()));
const openingCpu = process.cpuUsage(openingStarted);
if (!opened.ok)
  throw new Error(`the generated mesh is not a valid document: ${JSON.stringify(opened.errors.slice(0, 3))}`);
const mesh = opened.value;
const baseline = lastSaved(mesh);

const times: number[] = [];
const cpuTimes: number[] = [];
let files: ReturnType<typeof exportBundle> | undefined;
for (let run = 0; run < RUNS; run++) {
  // Fresh objects each run: exports remember what they wrote per contract object, as the app's repeated previews do.
  const [design, saved] = structuredClone([mesh, baseline]);
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  files = exportBundle(design, EXPORT_TARGETS, WHOLE_MESH, { baseline: saved });
  const cpu = process.cpuUsage(cpuAtStart);
  times.push(performance.now() - started);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
if (!files?.ok) throw new Error(`the export failed: ${JSON.stringify(files && !files.ok && files.errors.slice(0, 3))}`);
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const median = Math.round(times[Math.floor(RUNS / 2)] as number);
const cpuMedian = Math.round(cpuTimes[Math.floor(RUNS / 2)] as number);

const encoder = new TextEncoder();
const encoded = files.value.map((file) => ({
  path: file.path,
  bytes: typeof file.content === 'string' ? encoder.encode(file.content) : file.content,
}));
const totalBytes = encoded.reduce((sum, file) => sum + file.bytes.length, 0);
const zipBytes = zipSync(Object.fromEntries(encoded.map((file) => [file.path, file.bytes]))).length;
const byFormat = EXPORT_TARGETS.map((target) => {
  const own = encoded.filter((file) => file.path.startsWith(`${target.id}/`));
  return `| ${target.label} | ${own.length} | ${(own.reduce((sum, file) => sum + file.bytes.length, 0) / 1024 / 1024).toFixed(1)} MB |`;
});
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const report = [
  `Load average when the run started: ${loadAtStart} (on ${cpus().length} cores).`,
  '',
  `Mesh: the canvas benchmark's ${mesh.products.length} products in ${mesh.domains.length} domains with ${mesh.links.length} links, plus ${mesh.contracts.length} contracts (an entity with history and an event stream per product, 10 fields each), ${mesh.systems.length} operational systems with CDC, and a last-saved version in which every fifth contract differs (migrations written). All six formats, whole mesh, in Node, the exporters bundled by esbuild as \`mesh-designer export\` runs them; the time is making the files, not writing them to disk.`,
  '',
  '| measure | result | goal |',
  '| --- | --- | --- |',
  `| whole bundle, median of ${RUNS} runs | ${median} ms (${Math.round(times[0] as number)}–${Math.round(times.at(-1) as number)}) | < ${GOAL_MS} ms: ${median < GOAL_MS ? 'met' : '**missed**'} |`,
  `| CPU time of the same runs (what the machine's other work does not inflate), median | ${cpuMedian} ms (${Math.round(cpuTimes[0] as number)}–${Math.round(cpuTimes.at(-1) as number)}) | — |`,
  `| before the runs: opening the file, every contract's text read and checked against its schema (CPU) | ${Math.round((openingCpu.user + openingCpu.system) / 1000)} ms | — |`,
  `| bundle size | ${files.value.length} files, ${mib(totalBytes)} | — |`,
  `| as the browser's zip (fflate, as downloaded) | ${mib(zipBytes)} | — |`,
  '',
  '| format | files | size |',
  '| --- | --- | --- |',
  ...byFormat,
].join('\n');
console.log(report);
writeSection('Export: 1,000 products to every format', report);
