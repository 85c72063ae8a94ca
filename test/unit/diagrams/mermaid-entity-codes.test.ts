import { describe, expect, it } from 'vitest';
import { importMermaidEr } from '../../../shared/contracts/import/mermaid-er-import';
import { mermaidDiagram } from '../../../shared/export/mermaid';
import { importMermaidFlowchart } from '../../../shared/import';
import { emptyMesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

const REPLACEMENT = '\uFFFD';

function importedProductNames(flowchart: string): string[] {
  const imported = importMermaidFlowchart(flowchart, emptyMesh('league', 'Untitled mesh'));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.mesh.products.map((product) => product.name);
}

describe('a numeric entity code no character has, as a browser shows it in the picture Mermaid draws', () => {
  it.each([
    ['beyond Unicode', '#1234567;'],
    ['too long for any number', '#99999999999999999999999;'],
    ['NUL', '#0;'],
    ['half of a surrogate pair', '#55296;'],
  ])('imports a flowchart label holding one %s, shown as the replacement character', (_, code) => {
    expect(importedProductNames(`flowchart LR\n  tickets["Ticket ${code} sold"] --> gates[Gates]`)).toEqual([
      `Ticket ${REPLACEMENT} sold`,
      'Gates',
    ]);
  });

  it('still decodes a code that is a character', () => {
    expect(importedProductNames('flowchart LR\n  tickets["Ticket #35;1 #9829;"] --> gates[Gates]')).toContain(
      'Ticket #1 ♥',
    );
  });

  it('imports an erDiagram comment holding one', () => {
    const imported = importMermaidEr('erDiagram\n  TICKET {\n    int ticket_id PK "serial #1234567;"\n  }\n');
    if (!imported.ok) throw new Error(JSON.stringify(imported));
    expect(imported.objects[0]?.properties?.[0]?.description).toBe(`serial ${REPLACEMENT}`);
  });
});

describe('an ampersand written as a code before an entity’s name, as the app writes a name holding `&amp;`', () => {
  it('imports the name Mermaid shows, decoding the code once: `R#38;amp;D` is `R&amp;D`, `R&amp;D` is `R&D`', () => {
    expect(importedProductNames('flowchart LR\n  a["R#38;amp;D"] --> b["R&amp;D"] --> c["#38;lt;1%"]')).toEqual([
      'R&amp;D',
      'R&D',
      '&lt;1%',
    ]);
  });

  it('reads such a name back from the app’s own logical view as it was written', () => {
    const named = 'Kiln &amp; cooler &lt;K1&gt; &#35;2';
    const mesh = aMesh().withDomain('kilns').withProduct('kiln', 'kilns', { name: named }).build();
    const diagram = mermaidDiagram(mesh, { kind: 'logical-view', subject: { kind: 'mesh' } });
    if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
    expect(importedProductNames(diagram.value)).toEqual([named]);
  });

  it('reads a name holding fa:fa-… back from the app’s own logical view as it was written', () => {
    const named = 'fa:fa-trophy Trophies, fab:fa-github';
    const mesh = aMesh().withDomain('league').withProduct('trophies', 'league', { name: named }).build();
    const diagram = mermaidDiagram(mesh, { kind: 'logical-view', subject: { kind: 'mesh' } });
    if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
    expect(diagram.value).not.toMatch(/fab?:fa-/);
    expect(importedProductNames(diagram.value)).toEqual([named]);
  });
});
