import { describe, expect, it } from 'vitest';
import { svgTitleAsWritten } from '../../../shared/export/mermaid';

/** A diagram's title as Mermaid draws it into its SVG, in the text element of its kind's class. */
const drawnTitle = (titleClass: string, text: string) =>
  `<svg><text text-anchor="middle" x="349.77" y="-25" class="${titleClass}">${text}</text></svg>`;

describe('svgTitleAsWritten', () => {
  it('shows a flowchart’s title with the characters its entity codes stand for', () => {
    expect(svgTitleAsWritten(drawnTitle('flowchartTitleText', 'Logical view: League #60;2026&gt; #35;1;'))).toBe(
      drawnTitle('flowchartTitleText', 'Logical view: League &lt;2026&gt; #1;'),
    );
  });

  it('shows a contract’s erDiagram title so too (Schema of contract Match #60;v2> not as written)', () => {
    expect(svgTitleAsWritten(drawnTitle('erDiagramTitleText', 'Schema of contract Match #60;v2&gt; 1.2.0'))).toBe(
      drawnTitle('erDiagramTitleText', 'Schema of contract Match &lt;v2&gt; 1.2.0'),
    );
  });
});
