import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts';
import { WHOLE_MESH } from '../../../shared/export';
import { mermaidDiagram, mermaidTarget } from '../../../shared/export/mermaid';
import { flowNode, renderFlowchart } from '../../../shared/export/mermaid/flowchart';
import {
  type ImportMode,
  importMermaidFlowchart,
  looksLikeMermaidFlowchart,
  type MermaidImport,
} from '../../../shared/import';
import { checkIntegrity, comparableName, emptyMesh, type Mesh, MeshSchema, serializeMesh } from '../../../shared/model';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aMesh, aSystem } from '../../builders/mesh-builder';
import { caseMesh, EXPORT_CASES } from './export-cases';

const NOTE_LOGICAL_VIEW = readFileSync(join(import.meta.dirname, 'design-note', 'logical-view.mmd'), 'utf8');
const importAgain = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/mermaid/import-again', name), 'utf8');

function imported(
  text: string,
  into: Mesh = emptyMesh('new', 'New'),
  mode: ImportMode = 'update',
): Extract<MermaidImport, { ok: true }> {
  const result = importMermaidFlowchart(text, into, mode);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const productsIn = (mesh: Mesh, domainName: string) => {
  const domain = mesh.domains.find((candidate) => candidate.name === domainName);
  return mesh.products.filter((product) => product.domainId === domain?.id).map((product) => product.name);
};

/** Links as `source name -> target name`. */
const linkedNames = (mesh: Mesh) =>
  mesh.links.map((link) => {
    const name = (id: string) => mesh.products.find((product) => product.id === id)?.name;
    return `${name(link.from.nodeId)} -> ${name(link.to.nodeId)}`;
  });

/** The names of the output ports links start from. */
const linkPortNames = (mesh: Mesh) =>
  mesh.links.map(
    (link) =>
      mesh.products
        .find((product) => product.id === link.from.nodeId)
        ?.outputPorts.find((port) => port.id === link.from.portId)?.name,
  );

describe('importing a Mermaid flowchart', () => {
  it("turns the design note's logical view into 2 domains with 2 and 3 products and its 4 links", () => {
    const { mesh, warnings } = imported(NOTE_LOGICAL_VIEW);
    expect(mesh.domains.map((domain) => domain.name)).toEqual(['domain 1', 'domain 2']);
    expect(productsIn(mesh, 'domain 1')).toEqual(['data product A', 'data product B']);
    expect(productsIn(mesh, 'domain 2')).toEqual(['data product C', 'data product D', 'data product E']);
    expect(linkedNames(mesh)).toEqual([
      'data product A -> data product B',
      'data product C -> data product D',
      'data product B -> data product D',
      'data product D -> data product E',
    ]);
    expect(warnings).toEqual([]);
  });

  it('takes a node drawn as a cylinder (a database) for an operational system, its change stream feeding what it links to', () => {
    const { mesh, warnings } = imported(
      [
        'flowchart LR',
        '  vet[(Vet Records)] --> diet(Diet Planning)',
        '  pumps@{ shape: cyl, label: "Pumps" } --> diet',
        '  tanks@{ shape: database } --> diet',
        '  diet --> vet',
      ].join('\n'),
    );
    expect(mesh.systems.map((system) => system.name)).toEqual(['Vet Records', 'Pumps', 'tanks']);
    expect(mesh.products.map((product) => product.name)).toEqual(['Diet Planning']);
    const vet = mesh.systems[0];
    expect(mesh.links[0]?.from).toEqual({ nodeId: vet?.id, portId: vet?.messaging.topics[0]?.id });
    expect(mesh.links).toHaveLength(3);
    expect(warnings.map((warning) => warning.message)).toEqual([
      "'diet' links to 'vet', drawn as a database (an operational system): nothing feeds a system, so the link is not imported.",
    ]);
    expect(checkIntegrity(mesh)).toEqual([]);
  });

  it.each([
    'lin-cyl',
    'disk',
    'lined-cylinder',
    'das',
    'h-cyl',
    'horizontal-cylinder',
    'win-pane',
    'internal-storage',
    'bow-rect',
    'stored-data',
    'datastore',
    'data-store',
  ])('takes a node of Mermaid’s storage shape %s for an operational system', (shape) => {
    const { mesh } = imported(`flowchart LR\n  W@{ shape: ${shape}, label: "Water rights DB" } --> L[Levels]`);
    expect(mesh.systems.map((system) => system.name)).toEqual(['Water rights DB']);
    expect(mesh.products.map((product) => product.name)).toEqual(['Levels']);
    expect(mesh.links).toHaveLength(1);
  });

  it('reads an edge with a circle or cross end as a plain link, and says so', () => {
    const { mesh, warnings } = imported('flowchart LR\n  A --o B\n  B --x C\n  C o--o D');
    expect(linkedNames(mesh)).toEqual(['A -> B', 'B -> C', 'C -> D']);
    expect(warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [2, 'A link with a circle or cross end (`--o`, `--x`) is imported as a plain link.'],
      [3, 'A link with a circle or cross end (`--o`, `--x`) is imported as a plain link.'],
      [4, 'A link with a circle or cross end (`--o`, `--x`) is imported as a plain link.'],
    ]);
  });

  it('links each edge from a new output port of its source to a new input port of its target', () => {
    const { mesh } = imported(NOTE_LOGICAL_VIEW);
    const d = mesh.products.find((product) => product.name === 'data product D') as Mesh['products'][number];
    expect(d.inputPorts.map((port) => port.name)).toEqual(['from data product C', 'from data product B']);
    expect(d.outputPorts.map((port) => port.name)).toEqual(['to data product E']);
    for (const link of mesh.links) {
      const source = mesh.products.find((product) => product.id === link.from.nodeId);
      const target = mesh.products.find((product) => product.id === link.to.nodeId);
      expect(source?.outputPorts.some((port) => port.id === link.from.portId)).toBe(true);
      expect(target?.inputPorts.some((port) => port.id === link.to.portId)).toBe(true);
    }
  });

  it('gives products default ports where no edge made one, and a kind from their place in the flow', () => {
    const { mesh } = imported(NOTE_LOGICAL_VIEW);
    const byName = (name: string) => mesh.products.find((product) => product.name === name);
    expect(byName('data product A')).toMatchObject({
      kind: 'source-aligned',
      inputPorts: [{ name: 'input' }],
      discoveryPort: { direction: 'discovery' },
    });
    expect(byName('data product D')?.kind).toBe('aggregate');
    expect(byName('data product E')).toMatchObject({ kind: 'consumer-aligned', outputPorts: [{ name: 'dataset' }] });
  });

  it("makes a product that only operational systems feed source-aligned, as reading a database's changes makes it", () => {
    const { mesh } = imported(
      'flowchart LR\n  db[(Station DB)] --> readings[Readings]\n  readings --> bulletins[Bulletins]\n',
    );
    const kindOf = (name: string) => mesh.products.find((product) => product.name === name)?.kind;
    expect(kindOf('Readings')).toBe('source-aligned');
    expect(kindOf('Bulletins')).toBe('consumer-aligned');
  });

  it('gives a valid document, laid out left to right by data flow inside each domain', () => {
    const { mesh } = imported(NOTE_LOGICAL_VIEW);
    expect(MeshSchema.safeParse(mesh).success).toBe(true);
    expect(checkIntegrity(mesh)).toEqual([]);
    expect(parseMeshFile(serializeMesh(mesh)).ok).toBe(true);
    const at = (name: string) => mesh.layout.nodes[mesh.products.find((product) => product.name === name)?.id ?? ''];
    expect(at('data product A')?.x).toBeLessThan(at('data product B')?.x ?? 0);
    expect(at('data product C')?.x).toBeLessThan(at('data product D')?.x ?? 0);
    expect(at('data product D')?.x).toBeLessThan(at('data product E')?.x ?? 0);
    const [first, second] = mesh.domains.map((domain) => mesh.layout.nodes[domain.id]);
    expect((first?.y ?? 0) + (first?.height ?? 0)).toBeLessThan(second?.y ?? 0);
  });

  it('adds all as new to an open design below its domains, with names and ids that clash with nothing there', () => {
    const into = aMesh()
      .withDomain('domain-1', { name: 'domain 1' })
      .withProduct('data-product-a', 'domain-1', { name: 'data product A' })
      .build();
    into.layout.nodes['domain-1'] = { x: 10, y: 0, width: 600, height: 300 };
    const { mesh, added } = imported(NOTE_LOGICAL_VIEW, into, 'add');
    expect(mesh.domains.map((domain) => domain.name)).toEqual(['domain 1', 'domain 2', 'domain 3']);
    expect(added.domainIds).toHaveLength(2);
    expect(added.productIds).not.toContain('data-product-a');
    expect(checkIntegrity(mesh)).toEqual([]);
    expect(mesh.layout.nodes[added.domainIds[0] as string]).toMatchObject({ x: 10, y: 360 });
    expect(mesh.products[0]).toBe(into.products[0]);
  });

  it('adds all as new beside elements of the same names under names free in the whole design, as a paste numbers a copy', () => {
    const parsed = parseMeshFile(importAgain('health-small.mesh.json'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { mesh, added } = imported(importAgain('design.mmd'), parsed.value, 'add');
    const namesOf = (ids: readonly string[], elements: ReadonlyArray<{ id: string; name: string }>) =>
      ids.map((id) => elements.find((element) => element.id === id)?.name);
    expect(namesOf(added.productIds, mesh.products)).toEqual([
      'Lab Notifications 2',
      'Case Register 2',
      'Outbreak Clusters 2',
      'Contact Tracing',
      'Regional Dashboard 2',
    ]);
    expect(namesOf(added.systemIds, mesh.systems)).toEqual(['Lab LIMS 2']);
    for (const elements of [mesh.domains, mesh.products, mesh.systems]) {
      expect(new Set(elements.map((element) => comparableName(element.name))).size).toBe(elements.length);
    }
    const ids = [...mesh.domains, ...mesh.products, ...mesh.systems].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    const nameFindings = validateMesh(mesh).filter((finding) =>
      ['safe-file-names', 'unique-names'].includes(finding.ruleId),
    );
    expect(nameFindings).toEqual([]);
  });

  it('numbers a domain, and a new system’s database, that the design has already, as a paste numbers a copy', () => {
    const into = aMesh()
      .withDomain('surveillance', { name: 'Surveillance 2' })
      .withSystem('registry', 'surveillance', {
        name: 'Registry',
        database: { ...aSystem('registry', 'surveillance').database, name: 'lab_lims' },
      })
      .build();
    const { mesh, added } = imported(
      'flowchart LR\n  subgraph s["Surveillance 2"]\n    lims[(Lab LIMS)]\n  end\n',
      into,
      'add',
    );
    expect(mesh.domains.at(-1)?.name).toBe('Surveillance 3');
    const system = mesh.systems.find((candidate) => candidate.id === added.systemIds[0]);
    expect(system?.database.name).toBe('lab_lims_2');
    expect(system?.messaging.topics.map((topic) => topic.name)).toEqual(['lab_lims_2.public.items']);
  });

  it('numbers a new product past a number the diagram draws elsewhere, so no two share a name', () => {
    const into = aMesh().withDomain('sales').withProduct('orders', 'sales', { name: 'Orders' }).build();
    const diagram = 'flowchart LR\n  subgraph a\n    o[Orders]\n  end\n  subgraph b\n    p[Orders 2]\n  end\n';
    const { mesh, added } = imported(diagram, into, 'add');
    expect(added.productIds.map((id) => mesh.products.find((product) => product.id === id)?.name)).toEqual([
      'Orders 2',
      'Orders 3',
    ]);
  });

  it('gives ids after their kind to domains and products named with nothing an id can keep', () => {
    const { mesh } = imported('flowchart LR\n  subgraph d1 ["مزارع"]\n    a["محصول القمح"] --> b["🌾"]\n  end\n');
    expect(mesh.domains.map((domain) => domain.id)).toEqual(['domain']);
    expect(mesh.products.map((product) => product.id)).toEqual(['product', 'product-2']);
  });

  it('reads the forms of nodes, labels and edges a flowchart is written with', () => {
    const { mesh, warnings } = imported(`graph TD
      subgraph orders["Orders 🛒"]
        A[Order service] -->|order events| B(Orders)
        B -- "nightly batch" --> C{{"Sales #quot;daily#quot;"}}
      end
      subgraph analytics
        D[[Warehouse]] & E([Dashboard]) -.-> F>Report]
      end
      C ==> D; X@{
        shape: doc
        label: "multi-line"
      }
      X --- F
    `);
    expect(warnings).toEqual([]);
    expect(mesh.domains.map((domain) => domain.name)).toEqual(['Orders 🛒', 'analytics', 'Imported']);
    expect(productsIn(mesh, 'Orders 🛒')).toEqual(['Order service', 'Orders', 'Sales "daily"']);
    expect(productsIn(mesh, 'analytics')).toEqual(['Warehouse', 'Dashboard', 'Report']);
    expect(productsIn(mesh, 'Imported')).toEqual(['multi-line']);
    expect(linkedNames(mesh)).toEqual([
      'Order service -> Orders',
      'Orders -> Sales "daily"',
      'Warehouse -> Report',
      'Dashboard -> Report',
      'Sales "daily" -> Warehouse',
      'multi-line -> Report',
    ]);
    const orders = mesh.products.find((product) => product.name === 'Orders');
    expect(orders?.inputPorts.map((port) => port.name)).toEqual(['order events']);
    expect(orders?.outputPorts.map((port) => port.name)).toEqual(['nightly batch']);
  });

  it('names ports by the long edge labels we export in lines, a name broken after its dots whole again', () => {
    const labels = ['shipping.public.shipment_status_events', 'Enriched shipment status with carrier details'];
    const { mesh } = imported(
      renderFlowchart({
        title: 't',
        direction: 'LR',
        items: [flowNode('a', 'Shipping'), flowNode('b', 'Shipments'), flowNode('c', 'Dashboard')],
        edges: [
          { from: 'a', to: 'b', label: labels[0] },
          { from: 'b', to: 'c', label: labels[1] },
        ],
      }),
    );
    expect(linkPortNames(mesh)).toEqual(labels);
  });

  it('reads a line break another tool wrote between two words as a space', () => {
    const { mesh } = imported('flowchart LR\n  A -->|"nightly<br>batch"| B\n  C -->|"orders.<br/>placed"| D');
    expect(linkPortNames(mesh)).toEqual(['nightly batch', 'orders.placed']);
  });

  it('names a port by each side of an edge label’s arrow, and a side left empty as an unlabelled edge does', () => {
    const { mesh } = imported(
      [
        'flowchart LR',
        '  Pit[Pit] -->|"ore → "| Crusher[Crusher]',
        '  Crusher -->|"→ fines"| Mill[Mill]',
        '  Mill -->|→| Kiln[Kiln]',
        '  Kiln -->|"clinker → bagged #8594; loose"| Silo[Silo]',
      ].join('\n'),
    );
    const ports = (name: string) => {
      const product = mesh.products.find((candidate) => candidate.name === name);
      return [product?.inputPorts.map((port) => port.name), product?.outputPorts.map((port) => port.name)];
    };
    expect(ports('Crusher')).toEqual([['from Pit'], ['to Mill']]);
    expect(ports('Pit')[1]).toEqual(['ore']);
    expect(ports('Mill')).toEqual([['fines'], ['to Kiln']]);
    expect(ports('Kiln')).toEqual([['from Mill'], ['clinker']]);
    expect(ports('Silo')[0]).toEqual(['bagged → loose']);
  });

  it('lists what it skipped, each with its line, and imports the rest', () => {
    const { mesh, warnings } = imported(
      [
        'flowchart LR',
        '  subgraph outer',
        '    subgraph inner',
        '      A --> B',
        '    end',
        '  end',
        '  classDef hot fill:#f00',
        '  class A hot',
        '  click A "https://example.com"',
        '  outer --> C',
        '  A --> A',
        '  B ~~~ C',
      ].join('\n'),
    );
    expect(warnings.map((warning) => warning.line)).toEqual([2, 3, 7, 9, 10, 11, 12]);
    expect(warnings[0]?.message).toContain("Subgraph 'outer' only holds other subgraphs");
    expect(warnings[1]?.message).toContain("Subgraph 'inner' is inside 'outer'");
    expect(warnings[2]?.message).toContain('Styles and classes are not imported');
    expect(warnings[4]?.message).toContain('Links to or from a subgraph are not imported');
    expect(warnings[5]?.message).toContain('links to itself');
    expect(mesh.domains.map((domain) => domain.name)).toEqual(['inner', 'Imported']);
    expect(linkedNames(mesh)).toEqual(['A -> B']);
  });

  it('notes a direction inside a subgraph: the canvas lays each domain out by data flow', () => {
    const { warnings } = imported('flowchart LR\n  subgraph estates\n    direction TB\n    A --> B\n  end');
    expect(warnings).toEqual([{ line: 3, column: 5, message: expect.stringContaining('`direction TB`') }]);
  });

  it('notes that a decision diamond is read as a data product', () => {
    const { mesh, warnings } = imported('flowchart TD\n  A --> C{Auction?}\n  D@{ shape: diamond, label: Sell }');
    expect(warnings).toEqual([
      { line: 2, column: 9, message: "'C' is drawn as a decision (a diamond): it is read as a data product." },
      { line: 3, column: 3, message: "'D' is drawn as a decision (a diamond): it is read as a data product." },
    ]);
    expect(mesh.products.map((product) => product.name)).toEqual(['A', 'Auction?', 'Sell']);
  });

  it('reads a subgraph opened again under its id as the one domain Mermaid draws, under its first title', () => {
    const { mesh, warnings } = imported(
      [
        'flowchart LR',
        '  subgraph food["Food"]',
        '    pos[(POS)] --> sales[Outlet sales]',
        '  end',
        '  subgraph rides[Rides]',
        '    queue[Queue times]',
        '  end',
        '  subgraph food["Food & Drink"]',
        '    menu[Menu]',
        '  end',
      ].join('\n'),
    );
    const domainOf = (name: string) =>
      mesh.domains.find(
        (domain) =>
          domain.id === [...mesh.products, ...mesh.systems].find((element) => element.name === name)?.domainId,
      )?.name;
    expect(mesh.domains.map((domain) => domain.name)).toEqual(['Food', 'Rides']);
    expect(['POS', 'Outlet sales', 'Menu', 'Queue times'].map(domainOf)).toEqual(['Food', 'Food', 'Food', 'Rides']);
    expect(warnings).toEqual([
      {
        line: 8,
        column: 3,
        message: "Subgraph 'food' is opened again: its nodes join 'Food', whose title Mermaid keeps.",
      },
    ]);
  });

  it('takes a node as the shape it was drawn last, as Mermaid does: a database or a data product', () => {
    const { mesh } = imported(
      [
        'flowchart LR',
        '  pos[(POS)] --> sales[Outlet sales]',
        '  pos[POS terminal]',
        '  gates[Gates] --> visits[Guest visits]',
        '  gates[(Gates DB)]',
        '  rides@{ shape: cyl, label: Ride PLC } --> status[Ride status]',
        '  rides',
      ].join('\n'),
    );
    expect(mesh.systems.map((system) => system.name)).toEqual(['Gates DB', 'Ride PLC']);
    expect(mesh.products.map((product) => product.name)).toEqual([
      'POS terminal',
      'Outlet sales',
      'Guest visits',
      'Ride status',
    ]);
  });

  it('puts a node named in a subgraph and in one nested in it in the nested domain, where Mermaid draws it', () => {
    const { mesh, warnings } = imported(
      [
        'flowchart LR',
        '  subgraph money[Monetization]',
        '    iap[In-App Purchases] --> rev[Revenue Daily]',
        '    subgraph ads[Ad Mediation]',
        '      imp[Ad Impressions] --> rev',
        '    end',
        '  end',
        '  subgraph live[Live Ops]',
        '    rev --> kpis[Engagement KPIs]',
        '  end',
      ].join('\n'),
    );
    expect(productsIn(mesh, 'Monetization')).toEqual(['In-App Purchases']);
    expect(productsIn(mesh, 'Ad Mediation')).toEqual(['Revenue Daily', 'Ad Impressions']);
    expect(productsIn(mesh, 'Live Ops')).toEqual(['Engagement KPIs']);
    expect(warnings.filter((warning) => warning.message.includes("'rev'"))).toEqual([
      {
        line: 3,
        column: 31,
        message: "'rev' is also in subgraph 'Ad Mediation', where Mermaid draws it: it goes to that domain.",
      },
      {
        line: 9,
        column: 5,
        message: "'rev' is also in subgraph 'Ad Mediation', where Mermaid draws it: it goes to that domain.",
      },
    ]);
  });

  it('makes no empty domain of a subgraph that only holds other subgraphs, and says so', () => {
    const { mesh, warnings } = imported(
      'flowchart LR\n  subgraph Y\n    subgraph Z["Inner Estate"]\n      G[(Weighbridge DB)]\n    end\n  end',
    );
    expect(mesh.domains.map((domain) => domain.name)).toEqual(['Inner Estate']);
    expect(warnings.map((warning) => warning.line)).toEqual([2, 3]);
    expect(warnings[0]?.message).toBe(
      "Subgraph 'Y' only holds other subgraphs: it frames them, so it is not imported as a domain.",
    );
  });

  it('counts lines after front matter and joined statements, and takes the title from the front matter', () => {
    const result = imported('---\ntitle: "Whiteboard: \\"v2\\""\n---\nflowchart LR\n  A --> B\n  style A fill:#fff');
    expect(result.title).toBe('Whiteboard: "v2"');
    expect(result.warnings.map((warning) => warning.line)).toEqual([6]);
  });

  it.each([
    ['an empty text', '', 1, 'There is no flowchart here'],
    ['a sequence diagram', '%% a comment\nsequenceDiagram\n  A->>B: hi', 2, 'this is a sequenceDiagram diagram'],
    ['prose', 'Just some words.', 1, 'not a Mermaid diagram'],
    ['a flowchart with nothing in it', 'flowchart LR\n  style A fill:#fff', 2, 'no nodes or subgraphs'],
  ])('refuses %s with a located message', (_, text, line, message) => {
    const result = importMermaidFlowchart(text, emptyMesh('new', 'New'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.line).toBe(line);
    expect(result.errors[0]?.message).toContain(message);
  });

  it('never throws, whatever the text', () => {
    const pieces = [
      'flowchart LR\n',
      'A',
      '-->',
      '[',
      ']',
      '"',
      '@{',
      '}',
      'subgraph ',
      'end\n',
      '|x|',
      ';',
      '\n',
      ' & ',
      '#quot;',
      '((',
      '%%',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let attempt = 0; attempt < 2000; attempt++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      expect(() => importMermaidFlowchart(`flowchart LR\n${text}`, emptyMesh('new', 'New')), text).not.toThrow();
    }
  });

  it('takes a frame’s stroke colour written with three hex digits as its domain’s colour, in six', () => {
    const { mesh } = imported(
      'flowchart LR\nsubgraph sales [Sales]\n  a[Orders]\nend\nstyle sales stroke:#Aa3,stroke-width:2px',
    );
    expect(mesh.domains.map((domain) => domain.color)).toEqual(['#aaaa33']);
  });

  it.each(['seed-logical-view', 'ecommerce'])(
    "reads back the domains, products and links of %s's exported logical view",
    (name) => {
      const mesh = caseMesh(name);
      const exported = mermaidDiagram(mesh, { kind: 'logical-view', subject: { kind: 'mesh' } });
      if (!exported.ok) throw new Error('no logical view');
      const { mesh: roundTripped, warnings } = imported(exported.value);
      expect(warnings).toEqual([]);
      const shape = (design: Mesh) => ({
        domains: design.domains.map((domain) => [domain.name, domain.color, productsIn(design, domain.name)]),
        links: linkedNames(design).filter((link) => !link.startsWith('undefined')),
      });
      expect(shape(roundTripped)).toEqual(shape(mesh));
    },
  );

  it('reads back hostile names, and keeps apart names of one domain that differ only by case', () => {
    const { mesh, warnings } = imported(
      (
        mermaidDiagram(caseMesh('hostile-names'), { kind: 'logical-view', subject: { kind: 'mesh' } }) as {
          value: string;
        }
      ).value,
    );
    expect(warnings.map((warning) => warning.message)).toEqual([]);
    expect(mesh.domains.map((domain) => domain.name)).toEqual([
      'end',
      'graph',
      '../../etc',
      '🚀 Launch [beta] (v2) {x}',
    ]);
    expect(productsIn(mesh, 'graph')).toEqual(['a --> b']);
    expect(productsIn(mesh, '../../etc')).toEqual(['../../x', '<script>alert("x")</script>']);
    expect(productsIn(mesh, '🚀 Launch [beta] (v2) {x}').slice(0, 2)).toEqual([
      'Orders product_p-orders-upper',
      'orders product_p-orders-lower',
    ]);
    expect(checkIntegrity(mesh)).toEqual([]);
  });

  it('refuses every other exported diagram, saying what it is: only a logical view reads back as a design', () => {
    const refusals: Array<[RegExp, string]> = [
      [/^mermaid\/contracts\//, 'this is an erDiagram'],
      [
        /^mermaid\/lineage/,
        'This is a lineage diagram (its boxes are ports): only a logical view or a plain flowchart',
      ],
      [/^mermaid\/architecture\//, 'This is a data product’s architecture'],
      [/^mermaid\/data-retrieval\//, 'This is a data retrieval flow'],
    ];
    for (const name of EXPORT_CASES) {
      const exported = mermaidTarget.files(caseMesh(name), WHOLE_MESH);
      for (const diagram of exported.ok ? exported.value : []) {
        const result = importMermaidFlowchart(String(diagram.content), emptyMesh('new', 'New'));
        const refusal = refusals.find(([path]) => path.test(diagram.path))?.[1];
        if (refusal) expect(result.ok ? 'imported' : result.errors[0]?.message, diagram.path).toContain(refusal);
      }
    }
  });

  it('refuses a whole-mesh diagram the export wrote by domain, at its title’s line', () => {
    const summary =
      '---\ntitle: "Logical view: Big nursery, by domain"\n---\nflowchart LR\n  domain_a["A"] --> domain_b["B"]';
    expect(importMermaidFlowchart(summary, emptyMesh('new', 'New'))).toEqual({
      ok: false,
      errors: [
        {
          line: 2,
          column: 1,
          message:
            'This is a domain summary (each box a whole domain): only a logical view or a plain flowchart reads back as a design.',
        },
      ],
    });
  });
});

describe('looksLikeMermaidFlowchart', () => {
  it.each([
    ['flowchart LR\n A --> B', true],
    ['graph TD;A-->B', true],
    ['---\ntitle: x\n---\nflowchart LR', true],
    ['%% comment\nflowchart LR', true],
    ['{"schemaVersion": 1}', false],
    ['sequenceDiagram', false],
  ])('%j: %s', (text, expected) => {
    expect(looksLikeMermaidFlowchart(text)).toBe(expected);
  });
});
