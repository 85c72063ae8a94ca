import { describe, expect, it } from 'vitest';
import { importMermaidEr } from '../../../shared/contracts/import/mermaid-er-import';
import { importMermaidFlowchart } from '../../../shared/import';
import { emptyMesh } from '../../../shared/model';

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
