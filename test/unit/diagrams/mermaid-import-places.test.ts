import { describe, expect, it } from 'vitest';
import { importMermaidEr } from '../../../shared/contracts/import/mermaid-er-import';
import { parseMermaidFlowchart } from '../../../shared/import/mermaid-flowchart';
import { parseFlowchart, realMermaid } from './real-mermaid';

/** The notes of a flowchart the importer reads, as `line:column message`. */
function flowchartNotes(text: string): string[] {
  const parsed = parseMermaidFlowchart(text);
  const notes = parsed.ok ? parsed.warnings : parsed.errors;
  return notes.map((note) => `${note.line}:${note.column} ${note.message}`);
}

const CHAIN_BROKEN_AFTER_LINKS = [
  'flowchart LR',
  '  pos[(POS)] -->',
  '    route{Route?} -.->',
  '    pick:::hot ~~~',
  '    pack <-->',
  '    ship',
].join('\n');

describe('a note on a statement written over several lines is at the token it is about', () => {
  it('reads the broken chain as Mermaid does', async () => {
    const mermaids = await parseFlowchart(CHAIN_BROKEN_AFTER_LINKS);
    expect(mermaids.edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual([
      'pos>route',
      'route>pick',
      'pick>pack',
      'pack>ship',
    ]);
  });

  it('places each note of a chain broken after its links at its own line and column', () => {
    expect(flowchartNotes(CHAIN_BROKEN_AFTER_LINKS)).toEqual([
      "3:5 'route' is drawn as a decision (a diamond): it is read as a data product.",
      '4:9 Styles and classes are not imported. (first at this line; later ones are skipped silently)',
      '4:16 Invisible links (`~~~`) only place nodes; they are not imported.',
      '5:10 A link with arrows at both ends is imported as one link, left to right.',
    ]);
  });

  it('places nodes and edges where they are written', () => {
    const parsed = parseMermaidFlowchart(CHAIN_BROKEN_AFTER_LINKS);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const ship = parsed.flowchart.nodes.find((node) => node.id === 'ship');
    expect(ship).toMatchObject({ line: 6, column: 5 });
    expect(parsed.flowchart.edges.map((edge) => `${edge.from}>${edge.to} ${edge.line}:${edge.column}`)).toEqual([
      'pos>route 2:14',
      'route>pick 3:19',
      'pack>ship 5:10',
    ]);
  });

  it('places an error on a continued line where the token is, not at the chain start', () => {
    expect(flowchartNotes('flowchart LR\n  A -->\n    B[a (b)]')).toEqual([
      `3:5 The label of 'B' holds brackets or quotes: put it in quotes, as B["…"].`,
    ]);
    expect(flowchartNotes('flowchart LR\n  A -->\n    end')).toEqual([
      "3:5 'end' starts with a Mermaid keyword, so it cannot be a node's id: rename it.",
    ]);
  });

  it('places a bracket never closed where it opens', () => {
    expect(flowchartNotes('flowchart LR\n  A --> B\n  C -->\n    D["open')).toEqual([
      '4:6 A quote, bracket or `|` opened here is never closed: C --> D["open',
    ]);
  });

  it('places a subgraph note at its header and a mention note at the node', async () => {
    const text = [
      'flowchart LR',
      '  subgraph outer[Outer]',
      '    a --> b',
      '    subgraph inner[Inner]',
      '      c -->',
      '        a',
      '    end',
      '  end',
    ].join('\n');
    await expect(parseFlowchart(text)).resolves.toBeDefined();
    expect(flowchartNotes(text)).toEqual([
      "3:5 'a' is also in subgraph 'Inner', where Mermaid draws it: it goes to that domain.",
      "4:5 Subgraph 'Inner' is inside 'Outer': domains do not nest, so it becomes its own.",
    ]);
  });
});

describe('an erDiagram note is at the attribute it is about', () => {
  const text = [
    'erDiagram',
    '  PARCEL {',
    '    int parcel_id PK',
    '    blob label_scan',
    '    int depot_id FK',
    '  }',
    '  DEPOT { int depot_id PK money fee geometry area }',
  ].join('\n');

  it('is an erDiagram Mermaid reads', async () => {
    const mermaid = await realMermaid();
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
  });

  it('places each note at its attribute, on its line and from its column', () => {
    const result = importMermaidEr(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const places = result.notes.map((note) => `${note.line}:${note.column}-${note.endColumn} ${note.path}`);
    expect(places).toEqual(['4:5-20 PARCEL.label_scan', '5:5-20 PARCEL.depot_id', '7:37-50 DEPOT.area']);
  });
});

describe('an erDiagram note about an entity is at its name', () => {
  it('places an entity first named on a relationship line at its own name there, not at a name holding it', () => {
    const text = 'erDiagram\n  ORDER_LINE }o--|| ORDER : "is part of"\n  ORDER_LINE {\n    int order_id FK\n  }';
    const result = importMermaidEr(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const order = result.notes.find((note) => note.message.startsWith('ORDER has no attributes'));
    expect(order).toMatchObject({ line: 2, column: 21, endColumn: 26 });
  });
});
