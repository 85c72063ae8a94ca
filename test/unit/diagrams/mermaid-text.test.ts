import { describe, expect, it } from 'vitest';
import { flowNode, flowSubgraph, renderFlowchart } from '../../../shared/export/mermaid/flowchart';
import { createMermaidIds, mermaidEdgeLabel, mermaidString } from '../../../shared/export/mermaid/mermaid-text';
import { parseFlowchart } from './real-mermaid';

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
];

describe('mermaidString', () => {
  it('quotes a label and writes quotes, brackets of HTML and markdown as entity codes', () => {
    expect(mermaidString('out "quoted" <b>')).toBe('"out #quot;quoted#quot; #lt;b#gt;"');
  });

  it('keeps a label on one line', () => {
    expect(mermaidString('two\nlines\tand  spaces ')).toBe('"two lines and spaces"');
  });

  it.each(HOSTILE_NAMES)('Mermaid reads %j back unchanged as node, subgraph and edge label', async (name) => {
    const text = renderFlowchart({
      title: name,
      direction: 'LR',
      items: [flowSubgraph('group', name, [flowNode('first', name, 'in-out')]), flowNode('second', name, 'db')],
      edges: [{ from: 'first', to: 'second', label: name }],
    });
    const parsed = await parseFlowchart(text);
    expect(parsed.vertices.map((vertex) => vertex.label)).toEqual([name, name]);
    expect(parsed.subgraphs.map((subgraph) => subgraph.title)).toEqual([name]);
    // An edge label of more than 28 characters comes back in lines (see mermaidEdgeLabel).
    expect(parsed.edges.map((edge) => edge.label.replace(/ <br>/g, ' '))).toEqual([name]);
  });
});

describe('mermaidEdgeLabel', () => {
  it('leaves a label of up to 28 characters on one line', () => {
    expect(mermaidEdgeLabel('orders.public.order_lines')).toBe('"orders.public.order_lines"');
    expect(mermaidEdgeLabel('a label of twenty-eight char')).toBe('"a label of twenty-eight char"');
  });

  it('breaks a longer label between words, keeping the space before the break', () => {
    expect(mermaidEdgeLabel('Enriched shipment status with carrier details')).toBe(
      '"Enriched shipment status <br/>with carrier details"',
    );
  });

  it('breaks a name too long for a line after a dot or slash first, then after _ or -', () => {
    expect(mermaidEdgeLabel('shipping.public.shipment_status_events')).toBe(
      '"shipping.public.<br/>shipment_status_events"',
    );
    expect(mermaidEdgeLabel('a_very_long_identifier_without_dots_in_it')).toBe(
      '"a_very_long_identifier_<br/>without_dots_in_it"',
    );
    expect(mermaidEdgeLabel('topics: warehouse.public.stock_level_changes')).toBe(
      '"topics: warehouse.public.<br/>stock_level_changes"',
    );
  });

  it('keeps a name with no place to break whole, for Mermaid to wrap', () => {
    expect(mermaidEdgeLabel(`to ${'x'.repeat(40)}`)).toBe(`"to <br/>${'x'.repeat(40)}"`);
  });

  it('writes each line with entity codes, which Mermaid reads back as lines', async () => {
    const text = renderFlowchart({
      title: 't',
      direction: 'LR',
      items: [flowNode('a', 'a'), flowNode('b', 'b')],
      edges: [{ from: 'a', to: 'b', label: 'orders "placed" <b> & paid, shipped or returned' }],
    });
    expect(text).toContain('|"orders #quot;placed#quot; #lt;b#gt; #amp; paid, <br/>shipped or returned"|');
    expect((await parseFlowchart(text)).edges.map((edge) => edge.label)).toEqual([
      'orders "placed" <b> & paid, <br>shipped or returned',
    ]);
  });
});

describe('createMermaidIds', () => {
  it('prefixes ids with their kind, so a model id like end or graph is never a keyword', () => {
    const ids = createMermaidIds();
    expect(ids('domain', 'end')).toBe('domain_end');
    expect(ids('product', 'graph')).toBe('product_graph');
  });

  it('keeps only letters, digits and underscores', () => {
    expect(createMermaidIds()('port', 'orders-service/orders.cdc')).toBe('port_orders_service_orders_cdc');
  });

  it('gives the same element the same id, and two elements never one id', () => {
    const ids = createMermaidIds();
    expect(ids('product', 'a-b')).toBe('product_a_b');
    expect(ids('product', 'a_b')).toBe('product_a_b_2');
    expect(ids('product', 'a-b')).toBe('product_a_b');
  });
});
