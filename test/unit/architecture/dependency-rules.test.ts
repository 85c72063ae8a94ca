import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stronglyConnected } from '../../../shared/model/strongly-connected';

const ROOT = resolve(import.meta.dirname, '../../..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const IMPORT_PATTERN =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

interface ImportEdge {
  file: string;
  specifier: string;
  /** Repo-relative target for relative imports; the package name otherwise. */
  target: string;
}

function sourceFiles(folder: string): string[] {
  const entries = readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

function importsOf(folder: string): ImportEdge[] {
  return sourceFiles(folder).flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT_PATTERN)].map((match) => {
      const specifier = (match[1] ?? match[2] ?? match[3]) as string;
      const target = specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier;
      return { file, specifier, target };
    }),
  );
}

/** The source file a relative import resolves to (`./x` → `x.ts`, `x.tsx` or `x/index.ts`); undefined for packages and assets. */
function resolvedFile(edge: ImportEdge): string | undefined {
  if (!edge.specifier.startsWith('.')) return undefined;
  const candidates = [edge.target, `${edge.target}.ts`, `${edge.target}.tsx`, `${edge.target}/index.ts`];
  return candidates.find((candidate) => /\.tsx?$/.test(candidate) && existsSync(join(ROOT, candidate)));
}

/** Every import cycle among the files, each as the files around it, sorted. */
function importCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    const target = resolvedFile(edge);
    if (!target) continue;
    if (!next.has(edge.file)) next.set(edge.file, new Set());
    next.get(edge.file)?.add(target);
  }
  return stronglyConnected([...next.keys()], (file) => [...(next.get(file) ?? [])])
    .filter((group) => group.length > 1 || next.get(group[0] as string)?.has(group[0] as string))
    .map((group) => group.sort());
}

const describeEdge = (edge: ImportEdge) => `${edge.file} imports '${edge.specifier}'`;
const violations = (edges: ImportEdge[], isForbidden: (edge: ImportEdge) => boolean) =>
  edges.filter(isForbidden).map(describeEdge);

describe('dependency rules', () => {
  it('shared/ imports only shared/ and platform-neutral packages (no Node, DOM shells, Electron or React)', () => {
    const forbidden = (edge: ImportEdge) =>
      NODE_BUILTINS.has(edge.specifier) ||
      /^(electron|react|react-dom|@xyflow\/|monaco-editor|zustand)/.test(edge.specifier) ||
      (edge.specifier.startsWith('.') && !edge.target.startsWith('shared/'));
    expect(violations(importsOf('shared'), forbidden)).toEqual([]);
  });

  it('renderer/ never imports electron, the main process, the CLI or Node built-ins', () => {
    const forbidden = (edge: ImportEdge) =>
      edge.specifier === 'electron' ||
      NODE_BUILTINS.has(edge.specifier) ||
      edge.target.startsWith('electron/') ||
      edge.target.startsWith('cli/');
    expect(violations(importsOf('renderer'), forbidden)).toEqual([]);
  });

  it('electron/ and cli/ do not import the renderer or each other', () => {
    const mainEdges = importsOf('electron').filter((edge) => /^(renderer|cli)\//.test(edge.target));
    const cliEdges = importsOf('cli').filter((edge) => /^(renderer|electron)\//.test(edge.target));
    expect([...mainEdges, ...cliEdges].map(describeEdge)).toEqual([]);
  });

  it('only renderer/canvas/ imports React Flow, so the canvas library can be swapped in one place', () => {
    const everything = ['renderer', 'shared', 'electron', 'cli'].flatMap(importsOf);
    const forbidden = (edge: ImportEdge) =>
      edge.specifier.startsWith('@xyflow/') && !edge.file.startsWith('renderer/canvas/');
    expect(violations(everything, forbidden)).toEqual([]);
  });

  it('shared/model/ is the base layer: it imports neither contracts nor the simulation', () => {
    const forbidden = (edge: ImportEdge) => /^shared\/(contracts|simulation)(\/|$)/.test(edge.target);
    expect(violations(importsOf('shared/model'), forbidden)).toEqual([]);
  });

  it('shared/ layers import only layers below: model < contracts < editing < lineage < validation', () => {
    const layers = ['model', 'contracts', 'editing', 'lineage', 'validation'];
    const layerOf = (path: string) => layers.indexOf(/^shared\/([^/]+)(\/|$)/.exec(path)?.[1] ?? '');
    // contracts/ is owned by its own module and may use shared/export's YAML writer; the layers above it may not.
    const edges = layers.filter((layer) => layer !== 'contracts').flatMap((layer) => importsOf(`shared/${layer}`));
    // The simulation's naming of tables, its plan of a product, its logs' columns and its checks of a design before a
    // run (a step's SQL, a result lacking its port's columns, a scenario's references, tables it fills, what a column can hold, an outbox
    // event's condition) are pure; governance reports the engine's own refusals from them
    // (product-tables, published-fields, transformation-sql, scenario-*, outbox-conditions) rather
    // than a second copy of its rules. The lineage reads SQL's keywords by the engine's tokens and rules
    // (sql-tokens, sql-keywords), so both see the same columns named like keywords.
    const engineModules = [
      'shared/simulation/sql-text',
      'shared/simulation/pipeline-plan',
      'shared/simulation/product-plan',
      'shared/simulation/table-claims',
      'shared/simulation/log-plan',
      'shared/simulation/log-format',
      'shared/simulation/raw-zone-columns',
      'shared/simulation/dataset',
      'shared/simulation/stored-types',
      'shared/simulation/select-check',
      'shared/simulation/result-columns-refusal',
      'shared/simulation/scenario-check',
      'shared/simulation/tables-without-data',
      'shared/simulation/outbox-condition',
      'shared/simulation/column-generators',
      'shared/simulation/finite-values',
      'shared/simulation/rate-counts',
      'shared/simulation/sql-tokens',
      'shared/simulation/sql-keywords',
    ];
    const forbidden = (edge: ImportEdge) =>
      edge.specifier.startsWith('.') &&
      (layerOf(edge.target) > layerOf(edge.file) ||
        (layerOf(edge.target) === -1 && !engineModules.includes(edge.target)));
    expect(violations(edges, forbidden)).toEqual([]);
  });

  it('renderer/store/ imports no UI folder: stores hold state, components render it', () => {
    const forbidden = (edge: ImportEdge) =>
      edge.target.startsWith('renderer/') && !/^renderer\/(store|host)\//.test(edge.target);
    expect(violations(importsOf('renderer/store'), forbidden)).toEqual([]);
  });

  it('renderer/host/ imports no store: it reaches the platform, the app decides what to do with it', () => {
    const forbidden = (edge: ImportEdge) =>
      edge.target.startsWith('renderer/') && !edge.target.startsWith('renderer/host/');
    expect(violations(importsOf('renderer/host'), forbidden)).toEqual([]);
  });

  it('has no import cycles', () => {
    const everything = ['shared', 'renderer', 'electron', 'cli'].flatMap(importsOf);
    expect(importCycles(everything)).toEqual([]);
  });

  it('finds an import cycle where there is one', () => {
    const edge = (file: string, target: string) => ({ file, specifier: `./${target}`, target });
    const cycle = [
      edge('shared/model/mesh.ts', 'shared/model/ids.ts'),
      edge('shared/model/ids.ts', 'shared/model/mesh.ts'),
      edge('shared/model/ids.ts', 'shared/model/link.ts'),
    ];
    expect(importCycles(cycle)).toEqual([['shared/model/ids.ts', 'shared/model/mesh.ts']]);
  });

  it('sees the imports it checks', () => {
    expect(importsOf('shared').some((edge) => edge.specifier === 'zod')).toBe(true);
  });
});
