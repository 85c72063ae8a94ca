import { describe, expect, it } from 'vitest';
import { svgLabelsAsWritten } from '../../../shared/export/mermaid';

/** A label as Mermaid writes it into SVG text: its entity codes as character references, escaped as text. */
const drawnLabel = (text: string) => `<svg><text><tspan class="text-inner-tspan">${text}</tspan></text></svg>`;

describe('svgLabelsAsWritten', () => {
  it('decodes the numeric character references Mermaid leaves in a label', () => {
    expect(svgLabelsAsWritten(drawnLabel('Underwriting &amp;#123;EU&amp;#125; &amp;#34;x&amp;#34;'))).toBe(
      drawnLabel('Underwriting {EU} "x"'),
    );
  });

  it('keeps the decoded characters XML-safe, and decodes once only', () => {
    expect(svgLabelsAsWritten(drawnLabel('&amp;#60;b&amp;#62; &amp;#38;&amp;#35;123;'))).toBe(
      drawnLabel('&lt;b&gt; &amp;#123;'),
    );
  });

  it('decodes a reference Mermaid broke across two lines of a label, on the second line', () => {
    const twoLines = (first: string, second: string) =>
      `<text><tspan class="row"><tspan>${first}</tspan></tspan><tspan class="row"><tspan>${second}</tspan></tspan></text>`;
    expect(svgLabelsAsWritten(twoLines('back&amp;#9', '2;slash'))).toBe(twoLines('back', '\\slash'));
    expect(svgLabelsAsWritten(twoLines('x&amp;', '#123;y'))).toBe(twoLines('x', '{y'));
  });

  it('leaves attributes, markup and a reference already decoded alone', () => {
    const svg = '<svg id="a" aria-label="&amp;#35;"><style>#a .node>rect{fill:#fff}</style><text>&#123;</text></svg>';
    expect(svgLabelsAsWritten(svg)).toBe(svg);
  });
});
