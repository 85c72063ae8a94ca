import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NoteMarkdown } from '../../../renderer/canvas/nodes/note-markdown';

const rendered = (text: string) => renderToStaticMarkup(<NoteMarkdown text={text} />);

describe('a sticky note’s Markdown', () => {
  it('renders headings, emphasis, lists and links', () => {
    const html = rendered('# Plan\n\n**Ask** the *CRM* team:\n\n- owners\n- [SLOs](https://example.org/slo)');
    expect(html).toContain('<h1>Plan</h1>');
    expect(html).toContain('<strong>Ask</strong>');
    expect(html).toContain('<li>owners</li>');
    expect(html).toContain('<a href="https://example.org/slo" target="_blank" rel="noopener noreferrer">SLOs</a>');
  });

  it('drops raw HTML, so nothing in a note can run', () => {
    const html = rendered('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script><b onclick="x()">b</b>');
    expect(html).not.toMatch(/<img|<script|onerror|onclick|<b /);
  });

  it('removes javascript: and data: link targets', () => {
    const html = rendered('[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=)');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:text');
  });

  it('shows no images, which would fetch from anywhere', () => {
    expect(rendered('![tracker](https://example.org/pixel.png)')).not.toContain('<img');
  });
});
