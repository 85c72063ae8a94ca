import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMermaidDiagrams, mermaidDiagram } from '../../../shared/export/mermaid';
import type { Mesh } from '../../../shared/model';
import { caseMesh, EXPORT_CASES, EXPORT_CASES_DIR } from './export-cases';
import { parseFlowchart } from './real-mermaid';

/** `UPDATE_GOLDEN=1 npx vitest run test/unit/diagrams` rewrites the expected files; review the diff. */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function goldenFiles(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

describe('Mermaid export (golden files: <case>/input.mesh.json → <case>/mermaid/)', () => {
  it.each(EXPORT_CASES)('%s: writes every diagram as expected, and no other', (name) => {
    const folder = join(EXPORT_CASES_DIR, name, 'mermaid');
    const diagrams = allMermaidDiagrams(caseMesh(name));
    if (UPDATE) {
      rmSync(folder, { recursive: true, force: true });
      for (const diagram of diagrams) {
        mkdirSync(dirname(join(folder, diagram.path)), { recursive: true });
        writeFileSync(join(folder, diagram.path), diagram.text);
      }
    }
    expect(diagrams.map((diagram) => diagram.path).sort()).toEqual(goldenFiles(folder));
    for (const diagram of diagrams) {
      expect(diagram.text, diagram.path).toBe(readFileSync(join(folder, diagram.path), 'utf8'));
    }
  });

  it('has a golden file of each kind of diagram', () => {
    const kinds = new Set(
      EXPORT_CASES.flatMap((name) => allMermaidDiagrams(caseMesh(name)).map((d) => d.request.kind)),
    );
    expect([...kinds].sort()).toEqual(['data-retrieval-flow', 'lineage', 'logical-view', 'product-architecture']);
  });
});

describe('every generated diagram parses with the real mermaid package', () => {
  const focusedLineages = (mesh: Mesh) =>
    mesh.products.flatMap((product) => {
      const diagram = mermaidDiagram(mesh, { kind: 'lineage', subject: { kind: 'product', id: product.id } });
      return diagram.ok ? [{ path: `lineage of ${product.id}`, text: diagram.value }] : [];
    });
  const diagrams = EXPORT_CASES.flatMap((name) =>
    [...allMermaidDiagrams(caseMesh(name)), ...focusedLineages(caseMesh(name))].map((diagram) => ({
      name: `${name}/${diagram.path}`,
      text: diagram.text,
    })),
  );
  it.each(diagrams)('$name', async ({ text }) => {
    await expect(parseFlowchart(text)).resolves.toBeDefined();
  });
});
