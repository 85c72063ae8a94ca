import { describe, expect, it } from 'vitest';
import { largeMesh } from '../../../bench/cases/canvas';
import { mermaidTarget, meshGraph, viewedDiagram } from '../../../shared/export/mermaid';
import { caseMesh } from './export-cases';

/** The text without its `%%` notes, which say where each view finds the detail. */
const withoutNotes = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('%%'))
    .join('\n');

describe('the diagram the Diagram view shows', () => {
  it.each(['logical-view', 'lineage'] as const)(
    'is, for a whole-mesh %s past Mermaid’s default limits, the export’s domain overview',
    (kind) => {
      const mesh = largeMesh();
      const shown = viewedDiagram(meshGraph(mesh), { kind, subject: { kind: 'mesh' } });
      if (!shown.ok) throw new Error(JSON.stringify(shown.errors));
      const exported = mermaidTarget.files(mesh, { kind: 'mesh' }, { diagramKinds: [kind] });
      if (!exported.ok) throw new Error(JSON.stringify(exported.errors));
      const file = exported.value.find((written) => written.path === `mermaid/${kind}.mmd`);
      expect(shown.value.overviewOf).toMatch(/edges, past the 500 Mermaid draws by default/);
      expect(withoutNotes(shown.value.text)).toBe(withoutNotes(String(file?.content)));
    },
  );

  it.each([
    ['tb', 'TB'],
    ['lr', 'LR'],
  ] as const)(
    'lays a domain overview out %s where that direction is asked for, in the view and the export',
    (direction, mermaid) => {
      const mesh = largeMesh();
      const shown = viewedDiagram(meshGraph(mesh), { kind: 'logical-view', subject: { kind: 'mesh' }, direction });
      const exported = mermaidTarget.files(
        mesh,
        { kind: 'mesh' },
        { diagramKinds: ['logical-view'], diagramDirection: direction },
      );
      if (!shown.ok || !exported.ok) throw new Error('not drawn');
      const file = exported.value.find((written) => written.path === 'mermaid/logical-view.mmd');
      expect(shown.value.text).toContain(`\nflowchart ${mermaid}\n`);
      expect(String(file?.content)).toContain(`\nflowchart ${mermaid}\n`);
    },
  );

  it('is the whole diagram where Mermaid draws it', () => {
    const shown = viewedDiagram(meshGraph(caseMesh('ecommerce')), {
      kind: 'logical-view',
      subject: { kind: 'mesh' },
    });
    expect(shown.ok && shown.value.overviewOf).toBeUndefined();
    expect(shown.ok && shown.value.text).toContain('subgraph');
  });
});
