import { describe, expect, it } from 'vitest';
import { flowNode, flowSubgraph, renderFlowchart } from '../../../shared/export/mermaid/flowchart';
import { createMermaidIds, mermaidLines } from '../../../shared/export/mermaid/mermaid-text';
import { asOneLine, parseFlowchart } from './real-mermaid';

const HOSTILE_NAMES = [
  'end',
  'graph',
  'subgraph',
  'a --> b',
  'out "quoted" [1]',
  '🚀 Launch [beta] (v2) {x}',
  '<script>alert("x")</script>',
  'C:\\Windows',
  '%00',
  '%%{init: {"theme": "dark"}}%%',
  '#quot; stays text',
  '`markdown` **bold**',
  'pipe | inside',
  'semi; colon: comma,',
  'A & B',
  'style: #f00;',
  'fa:fa-trophy Trophies',
];

describe('labels', () => {
  it('quotes a label and writes quotes, brackets of HTML and markdown as numeric entity codes', () => {
    expect(mermaidLines('"q" <b>')).toBe('"#34;q#34; <br/>#60;b#62;"');
    expect(mermaidLines('& `x`')).toBe('"#38; #96;x#96;"');
  });

  it('measures a character written as a code as the reference Mermaid measures in SVG text', () => {
    expect(mermaidLines('{{{{{{ }}}}}}')).toBe(
      '"#123;#123;#123;<br/>#123;#123;#123; <br/>#125;#125;#125;<br/>#125;#125;#125;"',
    );
  });

  it('keeps a short label on one line', () => {
    expect(mermaidLines('two\nlines\tand  spaces ')).toBe('"two lines and spaces"');
  });

  it.each(HOSTILE_NAMES)('Mermaid reads %j back unchanged as node, subgraph and edge label', async (name) => {
    const text = renderFlowchart({
      title: name,
      direction: 'LR',
      items: [flowSubgraph('group', name, [flowNode('first', name, 'in-out')]), flowNode('second', name, 'db')],
      edges: [{ from: 'first', to: 'second', label: name }],
    });
    const parsed = await parseFlowchart(text);
    expect(parsed.subgraphs.map((subgraph) => asOneLine(subgraph.title))).toEqual([name]);
    expect(parsed.vertices.map((vertex) => asOneLine(vertex.label))).toEqual([name, name]);
    expect(parsed.edges.map((edge) => asOneLine(edge.label))).toEqual([name]);
  });
});

describe('mermaidLines', () => {
  const edge = (text: string) => mermaidLines(text);

  it('leaves a label that fits on one line', () => {
    expect(edge('policies.public.policies')).toBe('"policies.public.policies"');
    expect(edge('persist')).toBe('"persist"');
  });

  it('breaks a longer label between words, keeping the space before the break', () => {
    expect(edge('Enriched shipment status with carrier details')).toBe(
      '"Enriched shipment <br/>status with carrier <br/>details"',
    );
  });

  it('breaks a name too long for a line after a dot or slash first, then after _ or -', () => {
    expect(edge('shipping.public.shipments')).toBe('"shipping.public.<br/>shipments"');
    expect(edge('a_very_long_identifier_without_dots')).toBe('"a_very_long_<br/>identifier_without_dots"');
    expect(edge('topics: warehouse.public.stock_level_changes')).toBe(
      '"topics: warehouse.<br/>public.<br/>stock_level_changes"',
    );
  });

  it('measures letters by their width: wide ones fill a line sooner', () => {
    expect(edge('illicit little lilies, lit')).toBe('"illicit little lilies, lit"');
    expect(edge('MMMMMM WWWWWW MMMMMM')).toBe('"MMMMMM <br/>WWWWWW <br/>MMMMMM"');
  });

  it('breaks a word too long for a line with no place to break in it where the line is full, so that Mermaid never cuts it', () => {
    expect(edge(`to ${'x'.repeat(40)}`)).toBe(`"to <br/>${'x'.repeat(20)}<br/>${'x'.repeat(20)}"`);
  });

  it('never breaks inside a run of punctuation (an HTML tag, a directive): only between words, or after . / _ - between letters', () => {
    const box = (text: string) => mermaidLines(text, 'box').slice(1, -1).split('\\n');
    expect(box('<b>bold</b> & <i>x</i>')).toEqual(['#60;b#62;bold#60;/b#62; #38; ', '#60;i#62;x#60;/i#62;']);
    expect(edge('see </b> and a/b')).not.toContain('/<br/>');
  });

  it.each(['edge', 'box', 'title'] as const)(
    'keeps the escape of a control character whole (\\u0007) when it wraps %s labels',
    (kind) => {
      const lines = mermaidLines('Produc\0tion\u0007 \u001b[31mOvens\u007f\u0085', kind)
        .slice(1, -1)
        .split(kind === 'box' ? '\\n' : '<br/>');
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.filter((line) => /#92;(?!u[0-9a-f]{4})/.test(line))).toEqual([]);
      expect(lines.join('')).toBe('Produc#92;u0000tion#92;u0007 #92;u001b[31mOvens#92;u007f#92;u0085');
    },
  );

  it('wraps a group title as a box label: Mermaid does not cut a title in SVG text, so tags in a name stay whole', () => {
    const title = mermaidLines('Core: <b>bold</b> & <i>x</i> (source-aligned)', 'title');
    expect(title).toBe('"Core: #60;b#62;bold#60;/b#62; #38; <br/>#60;i#62;x#60;/i#62; <br/>(source-aligned)"');
  });

  it('keeps a box line within what Mermaid measures in SVG text, codes as references, so the box is as wide as its text', () => {
    const box = mermaidLines('%%{init: {"theme":"dark"}}%%', 'box').slice(1, -1).split('\\n');
    const asReferences = box.map((line) => line.replace(/#(\d+);/g, '&#$1;').length);
    expect(Math.max(...asReferences)).toBeLessThanOrEqual(44);
    expect(box.join('')).toBe('#37;#37;#123;init: #123;#34;theme#34;:#34;dark#34;#125;#125;#37;#37;');
  });

  it('writes each line with entity codes, which Mermaid reads back as lines', async () => {
    const text = renderFlowchart({
      title: 't',
      direction: 'LR',
      items: [flowNode('a', 'a'), flowNode('b', 'b')],
      edges: [{ from: 'a', to: 'b', label: 'orders "placed" <b> & paid' }],
    });
    expect(text).toContain('|"orders <br/>#34;placed#34; <br/>#60;b#62; #38; <br/>paid"|');
    expect((await parseFlowchart(text)).edges.map((edge) => edge.label)).toEqual([
      'orders <br>"placed" <br><b> & <br>paid',
    ]);
  });
});

describe('createMermaidIds', () => {
  it('prefixes ids with their kind, so a model id like end or graph is never a keyword', () => {
    const ids = createMermaidIds();
    expect(ids('domain', 'end')).toBe('domain_end');
    expect(ids('product', 'graph')).toBe('product_graph');
  });

  it('keeps only letters, digits, underscores and a hyphen between them', () => {
    expect(createMermaidIds()('port', 'orders-service/orders.cdc')).toBe('port_orders-service_orders_cdc');
    expect(createMermaidIds()('product', 'a--b-')).toBe('product_a__b_');
  });

  it('gives the same element the same id, and two elements never one id', () => {
    const ids = createMermaidIds();
    expect(ids('product', 'a--b')).toBe('product_a__b');
    expect(ids('product', 'a__b')).toBe('product_a__b_2');
    expect(ids('product', 'a--b')).toBe('product_a__b');
  });
});
