import { describe, expect, it } from 'vitest';
import { flowNode, flowSubgraph, renderFlowchart } from '../../../shared/export/mermaid/flowchart';
import { createMermaidIds, mermaidString } from '../../../shared/export/mermaid/mermaid-text';
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
    expect(parsed.edges.map((edge) => edge.label)).toEqual([name]);
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
