import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MermaidText } from '../../../renderer/diagrams/mermaid-text-editor';

const plainTextOf = (isEditorWanted: boolean) =>
  renderToStaticMarkup(<MermaidText text={'flowchart LR\n  a --> b'} isEditorWanted={isEditorWanted} />).match(
    /<[^>]*diagram-text__plain"[^>]*>/,
  )?.[0];

describe('the diagram’s plain Mermaid text, shown until its code editor has loaded', () => {
  it('is a named region the Tab key reaches, so a keyboard user can scroll it (axe scrollable-region-focusable)', () => {
    for (const isEditorWanted of [false, true]) {
      const plain = plainTextOf(isEditorWanted);
      expect(plain).toMatch(/^<section /);
      expect(plain).toContain('aria-label="Mermaid text of the diagram"');
      expect(plain).toContain('tabindex="0"');
    }
  });
});
