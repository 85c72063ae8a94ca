import { describe, expect, it } from 'vitest';
import { importMermaidFlowchart } from '../../../shared/import';
import { parseMermaidFlowchart } from '../../../shared/import/mermaid-flowchart';
import { emptyMesh } from '../../../shared/model';
import { parseFlowchart, whereMermaidRefuses } from './real-mermaid';

/** Nodes (`id=label`) and edges (`from>to:label`) as the importer reads them. */
function oursOf(text: string) {
  const parsed = parseMermaidFlowchart(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return {
    nodes: parsed.flowchart.nodes.map((node) => `${node.id}=${node.label}`).sort(),
    edges: parsed.flowchart.edges.map((edge) => `${edge.from}>${edge.to}:${edge.label}`),
    warnings: parsed.warnings,
  };
}

/** A line break Mermaid keeps in a label parts its words where it is drawn: a one-line name holds it as a space. */
function asShown(label: string): string {
  return label.replace(/[ \t]*\n\s*/g, ' ');
}

/** The same, as the real mermaid package reads them. */
async function mermaidsOf(text: string) {
  const parsed = await parseFlowchart(text);
  return {
    nodes: parsed.vertices.map((vertex) => `${vertex.id}=${asShown(vertex.label)}`).sort(),
    edges: parsed.edges.map((edge) => `${edge.from}>${edge.to}:${asShown(edge.label)}`),
  };
}

describe('the importer reads a flowchart as the real mermaid package does', () => {
  it.each([
    ['a directive before the header', '%%{init: {"theme": "dark"}}%%\nflowchart LR\n  A --> B'],
    [
      'a directive over several lines after front matter',
      '---\ntitle: T\n---\n%%{\n  init: { "theme": "dark" }\n}%%\ngraph TD\n  A --> B',
    ],
    ['the elk renderer', 'flowchart-elk TD\n  A --> B'],
    [
      'subgraph titles in brackets, in quotes or going on after them',
      'flowchart LR\n  subgraph s1["Grain (wet) intake"]\n    a\n  end\n  subgraph s2["Yard" 2]\n    b\n  end\n  subgraph "Bins [4]"\n    c\n  end\n  a --> b --> c',
    ],
    ['a class before shape data', 'flowchart LR\n  A:::hot@{ shape: cyl } --> B[x]:::cold@{ label: "y" }'],
    ['a class suffix right before a link', 'flowchart LR\n  A:::hot-->B:::cold\n  C:::my-class-->D'],
    ['a link text with no spaces', 'flowchart LR\n  A--text-->B\n  C==thick==>D\n  E-.dots.->F'],
    ['a link text in quotes holding a link', 'flowchart LR\n  A -- "a -- b" --> B\n  C -->|"x | y"| D'],
    ['a `;` inside a label', 'flowchart LR\n  A[a;b] --> B("c;d")\n  A -->|e;f| B; B --> C'],
    ['edge ids and their properties', 'flowchart LR\n  A e1@--> B\n  B e2@==>|t| C\n  e1@{ animate: true }'],
    ['a later label of a node', 'flowchart LR\n  A["first"] --> B\n  A["second"]'],
    ['node ids Mermaid takes as written', 'flowchart LR\n  click --> B\n  a-b --> c.d\n  A --> -B\n  A/B --> C'],
    ['backticks outside quotes, which are not markdown', 'flowchart LR\n  A[`t`] -->|`u`| B["`plain`"]'],
    ['a label over two lines', 'flowchart LR\n  A[first\nsecond] --> B'],
    ['a single-quoted label in shape data', "flowchart LR\n  A@{ shape: rect, label: 'it''s' }"],
    [
      'a long chain broken after its links',
      'flowchart LR\n  iap[In-App Purchases] -->|receipts| fraud[[Fraud Check]] -->\n    rev([Revenue Daily]) ==>\n    kpis & ltv\n  A -- text -->\n\n  %% between\n  B -.-> C',
    ],
    [
      'a `;` after a colour, which leaves the rest of a classDef its style',
      'flowchart LR\n  A --> B\n  classDef svc fill:#f9f; C',
    ],
    [
      "a link text holding a `|`, a bracket or a `;`, which Mermaid reads as its text up to the link's end",
      'flowchart LR\n  A -- x | y --> B -->|z| C\n  C == a [b ==> D\n  D -. c;d .-> E',
    ],
    ['a link text in quotes over a line end', 'flowchart LR\n  A -- "two\nlines" --> B\n  B == "x\n  y" ==> C'],
    ['a link text between pipes over a line end', 'flowchart LR\n  A -->|two\nlines| B\n  B -->|"x\n  y"| C'],
    [
      'a link text not in quotes over a line end',
      'flowchart LR\n  A -- two\nlines --> B\n  B == thick\n  words ==> C\n  C -. dotted;\n\n  words .-> D',
    ],
    ['a link text starting on the next line', 'flowchart LR\n  A --\n  lines --> B\n  B ==\n  thick ==> C'],
    [
      "a link text over a line end holding what would be a statement of its own, up to the link's end",
      'flowchart LR\n  A -- two\n  B --> C\n  C -- x\n  end --> D\n  D--E\n  F --> G',
    ],
    ['a link text over a line end, its node on the next line', 'flowchart LR\n  A -- two\nlines -->\n  B'],
    [
      'a comment line inside a link text or a label, which Mermaid drops before it reads',
      'flowchart LR\n  A -- two\n  %% why\n  lines --> B["x\n%% why\ny"]',
    ],
    [
      'a label going on after its quotes, which Mermaid joins to them',
      'flowchart LR\n  A["x" y] --> B("v1"beta)\n  C(("a (b)" c-d))',
    ],
    ['a quoted node label over a line end', 'flowchart LR\n  A["two\nlines"] --> B("x\n  y")'],
    [
      'styles ending with a `;` after their colour',
      'flowchart LR\n  A:::foo --> B\n  classDef foo fill:#f9f; stroke:#333\n  style B fill:#0f0,stroke:#333;',
    ],
  ])('%s', async (_, text) => {
    const ours = oursOf(text);
    const mermaids = await mermaidsOf(text);
    expect(ours.edges).toEqual(mermaids.edges);
    expect(ours.nodes).toEqual(mermaids.nodes);
    expect(ours.warnings.filter((warning) => !/not imported|ignored/.test(warning.message))).toEqual([]);
  });
});

describe('what the real mermaid package draws, the importer imports, styles skipped', () => {
  it('takes a linkStyle numbering any link drawn before it: of a group, invisible, to a subgraph', async () => {
    const text =
      'flowchart LR\n  subgraph s\n    X\n  end\n  A & B --> C & D\n  A ~~~ X\n  A --> s\n  linkStyle 5 stroke:#f00\n  linkStyle 0,3 stroke:#0f0\n  linkStyle default stroke:#999';
    expect((await parseFlowchart(text)).edges).toHaveLength(6);
    expect(importMermaidFlowchart(text, emptyMesh('new', 'New')).ok).toBe(true);
  });

  it.each([
    [
      'a click of each kind',
      'click A cb\n  click A call cb()\n  click A href "https://x.org" _blank\n  click A "https://x.org" "tip"',
    ],
    [
      'styles and classes',
      'style A fill:#f9f\n  classDef leak fill:#f00\n  class A,B leak\n  linkStyle 0 interpolate basis',
    ],
    ['`click` as a node’s id with a label', 'click[Clicks] --> call[Call centre]'],
    [
      'clicks with a tooltip and a target, spaces in their quotes',
      'click A "https://x.org/a b" "a tip" _blank\n  click B href "https://x.org" _top\n  click A call cb(1, 2) "a tip"\n  click B cb "a tip"',
    ],
    ['a class of ids and of names joined by commas', 'class A,B leak,hot\n  linkStyle 0 interpolate basis stroke:#f00'],
    ['a linkStyle naming a curve Mermaid has not, which it draws as `basis`', 'linkStyle 0 interpolate notACurve'],
    [
      'a space after styles, or a class ended by `;`',
      'style A fill:#f9f \n  linkStyle 0 interpolate basis stroke:#f00 \n  class A foo;',
    ],
  ])('takes %s', async (_, statements) => {
    const text = `flowchart LR\n  A --> B\n  ${statements}`;
    await parseFlowchart(text);
    expect(importMermaidFlowchart(text, emptyMesh('new', 'New')).ok).toBe(true);
  });
});

describe('the importer puts each node in the subgraph the real mermaid package draws it in', () => {
  it('titles each subgraph as the real mermaid package does: in brackets, in quotes, going on after them', async () => {
    const text =
      'flowchart LR\n  subgraph s1["Grain (wet) intake"]\n    a\n  end\n  subgraph s2["Yard" 2]\n    b\n  end\n  subgraph "Bins [4]"\n    c\n  end\n  subgraph s4 [Dryers]\n    d\n  end';
    const parsed = parseMermaidFlowchart(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const mermaids = (await parseFlowchart(text)).subgraphs.map((subgraph) => subgraph.title);
    expect(parsed.flowchart.subgraphs.map((subgraph) => subgraph.label)).toEqual(mermaids);
  });

  /** Each node's subgraph (`node@subgraph`, none after `@` outside every subgraph). */
  const oursIn = (text: string) => {
    const parsed = parseMermaidFlowchart(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.flowchart.nodes.map((node) => `${node.id}@${node.subgraphId ?? ''}`).sort();
  };
  const mermaidsIn = async (text: string) => {
    const { vertices, subgraphs } = await parseFlowchart(text);
    const subgraphOf = (id: string) => subgraphs.find((subgraph) => subgraph.nodes.includes(id))?.id ?? '';
    return vertices.map((vertex) => `${vertex.id}@${subgraphOf(vertex.id)}`).sort();
  };

  it.each([
    [
      'a node of a frame named again in a subgraph nested in it',
      'flowchart LR\n  subgraph money[Monetization]\n    iap --> rev\n    subgraph ads[Ad Mediation]\n      imp --> rev\n    end\n  end',
    ],
    [
      'nested three deep, the node named in each',
      'flowchart LR\n  subgraph a\n    x --> y\n    subgraph b\n      y --> z\n      subgraph c\n        z --> y\n      end\n    end\n  end',
    ],
    [
      'a node named in two subgraphs side by side',
      'flowchart LR\n  subgraph a\n    x --> y\n  end\n  subgraph b\n    y --> z\n  end',
    ],
    ['a node named outside first', 'flowchart LR\n  x --> y\n  subgraph a\n    y\n  end'],
    [
      'a node named in the frame after its nested subgraph closed',
      'flowchart LR\n  subgraph a\n    subgraph b\n      y\n    end\n    x --> y\n  end',
    ],
  ])('%s', async (_, text) => {
    expect(oursIn(text)).toEqual(await mermaidsIn(text));
  });
});

/** Mermaid's storage shapes, which the importer reads as operational systems. */
const STORAGE_SHAPE_TYPES = new Set(['cylinder', 'cyl', 'db', 'database', 'lin-cyl', 'disk', 'h-cyl', 'das']);

describe("the importer reads a node's shape data (`@{ … }`) as YAML, as the real mermaid package does", () => {
  it.each([
    ['a shape name in double quotes', 'flowchart LR\n  silo@{ shape: "cyl", label: "Grain Silo" } --> lots[Lots]'],
    ['a shape name in single quotes', "flowchart LR\n  silo@{ shape: 'cyl' } --> lots[Lots]"],
    ['a key in quotes', 'flowchart LR\n  silo@{ "shape": cyl, "label": "Grain Silo" } --> lots[Lots]'],
    ['a comment after a label', 'flowchart LR\n  silo@{ shape: cyl, label: Grain Silo # weighbridge side }'],
    [
      'a label that is null or empty, which leaves the id',
      'flowchart LR\n  a@{ label: ~ } --> b@{ label: "" }\n  c@{ label: null }',
    ],
    [
      'keys with no space after their colon, which YAML reads as one word',
      'flowchart LR\n  silo@{shape:cyl,label:"tight"}',
    ],
    [
      'shape data on a subgraph already closed, which Mermaid keeps whatever shape or label it names',
      'flowchart LR\n  subgraph silos[Silos]\n    bin[Bin 4]\n  end\n  silos@{ shape: grain-silo, label: 12 }\n  bin --> lots[Lots]',
    ],
    [
      'shape data over several lines',
      'flowchart LR\n  silo@{\n    shape: cyl\n    label: "Grain Silo"\n  } --> lots[Lots]',
    ],
  ])('%s', async (_, text) => {
    const parsed = parseMermaidFlowchart(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const ours = parsed.flowchart.nodes.map((node) => `${node.id}=${node.label}${node.isDatabase ? ' (storage)' : ''}`);
    const mermaids = (await parseFlowchart(text)).vertices.map(
      (vertex) => `${vertex.id}=${vertex.label}${STORAGE_SHAPE_TYPES.has(vertex.type ?? '') ? ' (storage)' : ''}`,
    );
    expect(ours.sort()).toEqual(mermaids.sort());
  });
});

describe('what the real mermaid package refuses, the importer refuses with its line and imports nothing', () => {
  it.each([
    ['shape data that is not YAML', 'flowchart LR\n  A --> B\n  silo@{ shape: cyl, label: a: b }', 3],
    ['a key given twice in shape data', 'flowchart LR\n  A --> B\n  silo@{ label: "Silo", label: "Bin" }', 3],
    ['a label that is no text', 'flowchart LR\n  A --> B\n  lot@{ label: 12 }', 3],
    ['a label that is a list', 'flowchart LR\n  A --> B\n  lot@{ label: [a, b] }', 3],
    ['a shape name in capitals', 'flowchart LR\n  A --> B\n  silo@{ shape: CYL }', 3],
    ['a shape name with an underscore', 'flowchart LR\n  A --> B\n  silo@{ shape: h_cyl }', 3],
    [
      'a shape Mermaid has no name for, on a subgraph not yet closed',
      'flowchart LR\n  subgraph s\n    s@{ shape: grain-silo }\n  end',
      3,
    ],
    ['a class after shape data', 'flowchart LR\n  A --> B\n  silo@{ shape: cyl }:::hot --> lots', 3],
    [
      'brackets in a subgraph title not in quotes',
      'flowchart LR\n  A --> B\n  subgraph s1[Grain (wet) intake]\n    n\n  end',
      3,
    ],
    ['a quote in a subgraph title in brackets', 'flowchart LR\n  A --> B\n  subgraph s1[Grain "x" intake]\n  end', 3],
    ['a bracket in a subgraph title without brackets', 'flowchart LR\n  A --> B\n  subgraph Grain (wet)\n  end', 3],
    ['a subgraph title in round brackets', 'flowchart LR\n  A --> B\n  subgraph s1("Grain intake")\n  end', 3],
    ['a closing bracket ending a subgraph title', 'flowchart LR\n  A --> B\n  subgraph Yard]\n  end', 3],
    ['edge properties that are not YAML', 'flowchart LR\n  A e1@--> B\n  e1@{ animate: true, animate: false }', 3],
    ['a shape Mermaid has no name for', 'flowchart LR\n  A --> B\n  silo@{ shape: grain-silo }', 3],
    [
      'a shape name ending with a comma over several lines',
      'flowchart LR\n  A --> B\n  silo@{ shape: cyl,\n label: Silo }',
      3,
    ],
    ['an unclosed bracket', 'flowchart LR\n  A --> B\n  C[unclosed --> D\n  E --> F', 3],
    ['an unclosed quote', 'flowchart LR\n  A --> B\n  C["unclosed] --> D', 3],
    ['a bracket after the quotes of a label', 'flowchart LR\n  A --> B\n  C["x" (y)]', 3],
    ['a second quote in a label', 'flowchart LR\n  A --> B\n  C["x" y "z"]', 3],
    ['a wrong closing bracket', 'flowchart LR\n  X --> Y\n  A(]', 3],
    ['a link to nothing', 'flowchart LR\n  A --> B\n  B -->', 3],
    ['a two-dash link', 'graph LR\n  A--B', 2],
    ['a comment after a statement', 'flowchart LR\n  X --> Y\n  A --> B %% why', 3],
    ['brackets in a label not in quotes', 'flowchart LR\n  A --> B[a (b)]', 2],
    ['brackets in a link label not in quotes', 'flowchart LR\n  A -->|a [b]| B', 2],
    ['a pipe in a label not in quotes', 'flowchart LR\n  A[a|b]', 2],
    ['`end` with no subgraph', 'flowchart LR\n  A --> B\n  end', 3],
    ['a subgraph never closed', 'flowchart LR\n  subgraph s\n  A --> B', 2],
    ['`end` as a node id', 'flowchart LR\n  A --> end', 2],
    ['`graph` as a node id', 'flowchart LR\n  graph[g] --> B', 2],
    ['a keyword starting a node id', 'flowchart LR\n  end-A --> B', 2],
    ['`style` as a node id', 'flowchart LR\n  X --> Y\n  style[s] --> B', 3],
    [
      "a statement after a classDef colour's `;`",
      'flowchart LR; X --> Y; classDef svc fill:#f9f; A[Orders]:::svc --> B[Billing]',
      1,
    ],
    ["a link after a style colour's `;`", 'flowchart LR\n  A\n  style A fill:#f9f; B --> C', 3],
    ['two classDefs on one line', 'flowchart LR\n  A:::a\n  classDef a fill:#f9f; classDef b fill:#0f0;', 3],
    ["a `;` between a classDef's styles", 'flowchart LR\n  A:::foo\n  classDef foo fill:#f9f;stroke:#333;', 3],
    ['a linkStyle ending with a `;` after its colour', 'flowchart LR\n  A --> B\n  linkStyle 0 stroke:#f00;', 3],
    ['a style with no styles', 'flowchart LR\n  A --> B\n  style A', 3],
    ['a classDef with no styles', 'flowchart LR\n  A --> B\n  classDef leak', 3],
    ['a class naming no class', 'flowchart LR\n  A --> B\n  class A', 3],
    ['a linkStyle with no styles', 'flowchart LR\n  A --> B\n  linkStyle 0', 3],
    ['a click with nothing to do', 'flowchart LR\n  A --> B\n  click A', 3],
    ['a click with `href` and no page', 'flowchart LR\n  A --> B\n  click A href', 3],
    ['a click with `call` and no callback', 'flowchart LR\n  A --> B\n  click A call', 3],
    ['`click` alone', 'flowchart LR\n  A --> B\n  click', 3],
    ['a statement starting with `call`', 'flowchart LR\n  A --> B\n  call --> C', 3],
    ['a statement starting with `href`', 'flowchart LR\n  A --> B\n  href A "https://example.org"', 3],
    ['a linkStyle numbering a link past those drawn', 'flowchart LR\n  A --> B\n  linkStyle 1 stroke:#f00', 3],
    ['a linkStyle numbering a link drawn only after it', 'flowchart LR\n  linkStyle 0 stroke:#f00\n  A --> B', 2],
    ['a linkStyle with a number past the links in its list', 'flowchart LR\n  A --> B\n  linkStyle 0,1 stroke:#f00', 3],
    ['a linkStyle number written with a leading zero', 'flowchart LR\n  A --> B --> C\n  linkStyle 01 stroke:#f00', 3],
  ])('%s', async (_, text, line) => {
    await expect(parseFlowchart(text)).rejects.toThrow();
    const result = importMermaidFlowchart(text, emptyMesh('new', 'New'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.line).toBe(line);
    expect(result.errors[0]?.message).not.toBe('');
  });

  it.each([
    [
      'a link to nothing at the end of the text',
      'flowchart LR\n  iap --> fraud --> rev -->',
      25,
      '`iap --> fraud --> rev -->` ends with a link to no node: add the node it goes to, or remove the link.',
    ],
    [
      'a labelled link with its node on the next line',
      'flowchart LR\n  iap -->|receipts|\n  rev --> kpis',
      7,
      '`iap -->|receipts|` ends with a link to no node: add the node it goes to, or remove the link.',
    ],
    [
      'a group left open at the end of a line',
      'flowchart LR\n  iap --> fraud &\n  rev --> kpis',
      18,
      'Not understood: expected a node at the end of the line.',
    ],
    [
      'a comment after a statement',
      'flowchart LR\n  events --> kpis[Engagement KPIs] %% daily\n  rev --> kpis',
      36,
      'Mermaid takes a comment only on a line of its own: move `%% daily` off the line of `events --> kpis[Engagement KPIs]`.',
    ],
  ])('says how to fix %s, at its line and column', async (_, text, column, message) => {
    await expect(parseFlowchart(text)).rejects.toThrow();
    const result = importMermaidFlowchart(text, emptyMesh('new', 'New'));
    expect(result.ok ? [] : result.errors).toEqual([{ line: 2, column, message }]);
  });

  it.each([
    [
      "a node after a classDef colour's `;`",
      'flowchart LR\n  classDef svc fill:#f9f; A[Orders]:::svc --> B[Billing]',
      28,
      'Mermaid refuses `[` in a style: a `;` after a colour does not end a `classDef` or `style`, so put the next statement on a line of its own.',
    ],
    [
      "a `;` between a classDef's styles",
      'flowchart LR\n  classDef foo fill:#f9f;stroke:#333;',
      21,
      'Mermaid reads `#f9f;` as an entity code, which a style cannot hold: part its styles with `,`, and put the next statement on a line of its own.',
    ],
    [
      'a `--` inside the text of a `-- … -->` link, which starts another link',
      'flowchart LR\n  A -- a -- b --> B',
      10,
      'Mermaid cannot read `--` in the text of a `-- … -->` link: put the text in quotes, as `-- "a -- b" -->`.',
    ],
    [
      'a `=` inside the text of a `== … ==>` link',
      'flowchart LR\n  A == a=b ==> B',
      9,
      'Mermaid cannot read `=` in the text of a `== … ==>` link: put the text in quotes, as `== "a=b" ==>`.',
    ],
    [
      'a `.` inside the text of a `-. … .->` link',
      'flowchart LR\n  A -. v1.2 .-> B',
      10,
      'Mermaid cannot read `.` in the text of a `-. … .->` link: put the text in quotes, as `-. "v1.2" .->`.',
    ],
    [
      'a linkStyle left numbering a link that was removed',
      'flowchart LR; meters --> reads\n  linkStyle 0,1 stroke:#c62828',
      15,
      'Mermaid refuses `linkStyle 1`: it numbers links from 0 in the order written, and only 1 link (0) is drawn before this line. Number a link drawn before it, or remove the number.',
    ],
    [
      "a class after a node's shape data",
      'flowchart LR\n  silo@{ shape: cyl }:::hot --> lots',
      22,
      "Mermaid takes a node's class before its shape data, not after it: write `silo:::hot@{ … }`.",
    ],
  ])('says how to fix %s, at the token Mermaid refuses', async (_, text, column, message) => {
    await expect(parseFlowchart(text)).rejects.toThrow();
    const result = importMermaidFlowchart(text, emptyMesh('new', 'New'));
    expect(result.ok ? [] : result.errors).toEqual([{ line: 2, column, message }]);
  });

  it.each([
    [
      'a style with no styles',
      'style leak',
      '`style leak` has no styles, and Mermaid refuses it: add them (`style leak fill:#f9f`), or remove the line.',
    ],
    [
      'a class naming no class',
      'class A,B',
      '`class A,B` names no class, and Mermaid refuses it: add one (`class A,B leak`), or remove the line.',
    ],
    [
      'a click with nothing to do',
      'click meters',
      '`click meters` says no page or callback, and Mermaid refuses it: add one (`click meters "https://…"`), or remove the line.',
    ],
    [
      'a click with `href` and no page',
      'click meters href',
      '`click meters href` names no page after `href`, and Mermaid refuses it: add one, or remove the line.',
    ],
    [
      'a class with a word after its class name',
      'class meters hot cold',
      '`class meters hot cold` goes on after its class name `hot`, and Mermaid refuses it: a `class` line takes one class (`class meters hot`), so put another class on a line of its own.',
    ],
    [
      'a class parting its nodes with spaces',
      'class meters, reads hot',
      '`class meters, reads hot` parts its nodes with spaces, and Mermaid refuses it: join them with commas alone (`class meters,reads hot`).',
    ],
    [
      'a click going on after its tooltip',
      'click meters "https://x.org/a b" "tip" "more"',
      'Mermaid refuses `"more"` in `click meters "https://x.org/a b" "tip" "more"`: after its page a click takes only a tooltip in quotes, then a target (`click meters "https://…" "tip" _blank`). Remove it, or put it in the tooltip.',
    ],
    [
      'a click with a target after its callback',
      'click meters notify "tip" _blank',
      'Mermaid refuses `_blank` in `click meters notify "tip" _blank`: after its callback a click takes only a tooltip in quotes (`click meters callback "tip"`). Remove it, or put it in the tooltip.',
    ],
    [
      'a click calling a callback with no brackets',
      'click meters call notify',
      '`click meters call notify` gives its callback no brackets, and Mermaid refuses it: write them after its name (`click meters call callback()`).',
    ],
    [
      'a click calling its callback with brackets but no `call`',
      'click meters notify()',
      '`click meters notify()` gives its callback brackets without `call`, and Mermaid refuses it: write `click meters call notify()`, or the name alone (`click meters notify`).',
    ],
    [
      'a class ending with a space',
      'class meters hot ',
      'Mermaid refuses the space after `class meters hot`: a `class` line must end right after its class name. Remove the space.',
    ],
    [
      'a click ending with a space',
      'click meters "https://x.org" "tip"\t',
      'Mermaid refuses the space after `click meters "https://x.org" "tip"`: a `click` line must end right after its last word. Remove the space.',
    ],
    [
      'a linkStyle ending with a space after its curve',
      'linkStyle default interpolate basis ',
      'Mermaid refuses the space after `linkStyle default interpolate basis`: a `linkStyle` line must end right after its curve, or go on with styles. Remove the space.',
    ],
    [
      'a linkStyle naming no curve after `interpolate`',
      'linkStyle default interpolate',
      '`linkStyle default interpolate` names no curve after `interpolate`, and Mermaid refuses it: add one (`linkStyle default interpolate basis`), or remove the line.',
    ],
    [
      'a node id Mermaid reads as a word of a click',
      'call --> reads',
      'Mermaid takes `call` only in a `click` (`click A call …`) and refuses a statement starting with it: give the node another id.',
    ],
  ])('says why Mermaid refuses %s, at its statement', async (_, statement, message) => {
    const text = `flowchart LR\n  ${statement}`;
    await expect(parseFlowchart(text)).rejects.toThrow();
    const result = importMermaidFlowchart(text, emptyMesh('new', 'New'));
    expect(result.ok ? [] : result.errors).toEqual([{ line: 2, column: 3, message }]);
  });

  it('says how to fix a `--` in the next line of a link text, at the token Mermaid refuses', async () => {
    const text = 'flowchart LR\n  A -- two\n  li -- nes --> B';
    await expect(parseFlowchart(text)).rejects.toThrow(/line 3/);
    const result = importMermaidFlowchart(text, emptyMesh('new', 'New'));
    const message =
      'Mermaid cannot read `--` in the text of a `-- … -->` link: put the text in quotes, as `-- "two li -- nes" -->`.';
    expect(result.ok ? [] : result.errors).toEqual([{ line: 3, column: 6, message }]);
  });

  it.each([
    ['--', '-->', 'flowchart LR\n  A -- two\n  B\n  C'],
    ['==', '==>', 'flowchart LR\n  A ==\n  B'],
    ['-.', '.->', 'flowchart LR\n  A -. two'],
  ])('refuses a `%s … %s` link whose text never ends, at where the text starts', async (start, arrow, text) => {
    // Mermaid reads the text on to the end of the diagram and refuses there, where nothing is to fix.
    await expect(whereMermaidRefuses(text)).resolves.toEqual({ line: text.split('\n').length + 1, column: 1 });
    const result = importMermaidFlowchart(text, emptyMesh('new', 'New'));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        line: 2,
        column: 5,
        message: `The text of this \`${start} … ${arrow}\` link never ends: end it with \`${arrow}\` and the node it goes to.`,
      },
    ]);
  });

  it('says how to fix a label with brackets', () => {
    const result = importMermaidFlowchart('flowchart LR\n  A[a (b)]', emptyMesh('new', 'New'));
    expect(result.ok ? [] : result.errors).toEqual([
      { line: 2, column: 3, message: 'The label of \'A\' holds brackets or quotes: put it in quotes, as A["…"].' },
    ]);
  });
});
