import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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

  it('sees the imports it checks', () => {
    expect(importsOf('shared').some((edge) => edge.specifier === 'zod')).toBe(true);
  });
});
