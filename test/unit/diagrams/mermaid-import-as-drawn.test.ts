import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMermaidFlowchart } from '../../../shared/import';
import { emptyMesh } from '../../../shared/model';

const drawing = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/mermaid/as-drawn', name), 'utf8');

function imported(name: string) {
  const result = importMermaidFlowchart(drawing(name), emptyMesh('new', 'New'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe('importing a Mermaid flowchart names things as Mermaid shows them', () => {
  it('drops markdown emphasis in a markdown string (b-markdown.mmd)', () => {
    expect(imported('b-markdown.mmd').mesh.products.map((product) => product.name)).toEqual([
      'Print jobs today',
      'Invoice lines',
    ]);
  });

  it('drops markdown emphasis in a subgraph’s title (s-md-subgraph.mmd)', () => {
    expect(imported('s-md-subgraph.mmd').mesh.domains.map((domain) => domain.name)).toEqual(['Make ready']);
  });

  it('decodes HTML entities as the browser does once Mermaid draws them (x-entities.mmd)', () => {
    expect(imported('x-entities.mmd').mesh.products.map((product) => product.name)).toEqual([
      'a "quoted" & ♥',
      'semi;colon',
    ]);
  });

  it('drops HTML tags and Font Awesome icons, which Mermaid draws as formatting (h-html-tags.mmd)', () => {
    const { mesh } = imported('h-html-tags.mmd');
    expect(mesh.domains.map((domain) => domain.name)).toEqual(['Crew Rostering', 'Imported']);
    expect(mesh.products.map((product) => product.name)).toEqual([
      'Crew roster',
      'Rest hours compliance',
      'CO2 report',
    ]);
    const roster = mesh.products.find((product) => product.name === 'Crew roster');
    expect(roster?.outputPorts.map((port) => port.name)).toEqual(['watch hours']);
  });

  it('says classes are not imported at the first `:::`, not at a later classDef (handwritten.mmd)', () => {
    const classNote = imported('handwritten.mmd').warnings.find((warning) =>
      warning.message.startsWith('Styles and classes are not imported.'),
    );
    expect(classNote?.line).toBe(7);
  });
});
