import { describe, expect, it } from 'vitest';
import { contractErDiagram, mermaidDiagram, svgTitleAsWritten } from '../../../shared/export/mermaid';
import { importMermaidFlowchart } from '../../../shared/import';
import { emptyMesh, NEW_DESIGN_NAME } from '../../../shared/model';
import { aContract, aMesh } from '../../builders/mesh-builder';
import { titleMermaidShows } from './real-mermaid';

/** A diagram's title as Mermaid draws it into its SVG, in the text element of its kind's class. */
const drawnTitle = (titleClass: string, text: string) =>
  `<svg><text text-anchor="middle" x="349.77" y="-25" class="${titleClass}">${text}</text></svg>`;

/** The whole logical view of a design of that name, as the app exports it. */
function logicalViewOfDesign(name: string): string {
  const design = { ...aMesh().withDomain('wards').build(), name };
  const diagram = mermaidDiagram(design, { kind: 'logical-view', subject: { kind: 'mesh' } });
  if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
  return diagram.value;
}

describe('a diagram’s title, as Mermaid (GitHub, mermaid.live) shows it', () => {
  it.each(['Ward #1; east', 'Ward #35; east', 'Ward #x; & "east" > west', "Ward 'east': #2"])(
    'shows a design named %s as named',
    async (name) => {
      expect(await titleMermaidShows(logicalViewOfDesign(name))).toBe(`Logical view: ${name}`);
    },
  );

  it('shows a contract’s erDiagram title as named too', async () => {
    const contract = aContract('wards', { name: 'Ward #1; east' });
    const { text } = contractErDiagram(contract, [contract]);
    expect(await titleMermaidShows(text)).toBe(`Schema of contract Ward #1; east ${contract.version}`);
  });

  it('shows a < as its code, for Mermaid sanitises a title holding one as HTML (Match <v2> comes out Match )', async () => {
    expect(await titleMermaidShows(logicalViewOfDesign('Ward <b>east</b>'))).toBe(
      'Logical view: Ward #60;b>east#60;/b>',
    );
  });
});

describe('a diagram’s title, imported back into a new design', () => {
  it.each([
    'Ward #1; east',
    'Ward #35; east',
    'Ward #35;1; east',
    'Ward <b>east</b>',
    'Ward #60;b> east',
    'Ward #35;60; east',
    'Ward #x; & "east" > west',
  ])('names the design %s, as it was named', (name) => {
    const imported = importMermaidFlowchart(logicalViewOfDesign(name), emptyMesh('untitled', NEW_DESIGN_NAME), 'add');
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.mesh.name).toBe(name);
  });
});

describe('svgTitleAsWritten', () => {
  it('shows a flowchart’s title with its < as written, every other character as Mermaid drew it', () => {
    expect(
      svgTitleAsWritten(drawnTitle('flowchartTitleText', 'Logical view: League #60;2026&gt; #35;1; #35;60;')),
    ).toBe(drawnTitle('flowchartTitleText', 'Logical view: League &lt;2026&gt; #35;1; #60;'));
  });

  it('shows a contract’s erDiagram title so too (Schema of contract Match #60;v2> not as written)', () => {
    expect(svgTitleAsWritten(drawnTitle('erDiagramTitleText', 'Schema of contract Match #60;v2&gt; 1.2.0'))).toBe(
      drawnTitle('erDiagramTitleText', 'Schema of contract Match &lt;v2&gt; 1.2.0'),
    );
  });
});
