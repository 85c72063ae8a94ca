import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../renderer/markdown/markdown';

const rendered = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe('Markdown written by users (sticky notes, contract descriptions)', () => {
  it('renders headings, emphasis, lists and links that open outside the app', () => {
    const html = rendered('# Plan\n\n**Ask** the *CRM* team:\n\n- owners\n- [SLOs](https://example.org/slo)');
    expect(html).toContain('<h1>Plan</h1>');
    expect(html).toContain('<strong>Ask</strong>');
    expect(html).toContain('<li>owners</li>');
    expect(html).toContain('<a href="https://example.org/slo" rel="noopener noreferrer" target="_blank">SLOs</a>');
  });

  it('shows raw HTML as text, so nothing in it can run', () => {
    const html = rendered('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script><b onclick="x()">b</b>');
    expect(html).not.toMatch(/<img|<script|<b /);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('keeps javascript: and data: targets out of links', () => {
    const html = rendered('[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=)');
    expect(html).not.toMatch(/href="(javascript|data):/);
  });

  it('loads no images, which would tell a third party who reads the text', () => {
    const html = rendered('![tracker](https://example.org/pixel.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('[image: tracker]');
  });
});
