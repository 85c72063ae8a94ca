import { describe, expect, it } from 'vitest';
import { mermaidDiagram } from '../../../shared/export/mermaid';
import { type ImportMode, importMermaidFlowchart } from '../../../shared/import';
import { checkIntegrity, emptyMesh, type Mesh, NEW_DESIGN_NAME } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { parseFlowchart } from './real-mermaid';

/** Print Jobs’ one output port read by Shipping and Invoicing (under another input port name), products in domain order as an import adds them. */
function aPrintHouse(): Mesh {
  return aMesh()
    .withDomain('production', { name: 'Production', color: '#2f6fde' })
    .withDomain('finance', { name: 'Finance', color: '#d9480f' })
    .withProduct('print-jobs', 'production', {
      name: 'Print Jobs',
      inputPorts: [aPort('input', 'input', { name: 'input' })],
      outputPorts: [aPort('print-jobs', 'output', { name: 'Print Jobs' })],
    })
    .withProduct('shipping', 'production', {
      name: 'Shipping',
      inputPorts: [aPort('print-jobs', 'input', { name: 'Print Jobs' })],
      outputPorts: [aPort('dataset', 'output', { name: 'dataset' })],
    })
    .withProduct('invoicing', 'finance', {
      name: 'Invoicing',
      inputPorts: [aPort('jobs', 'input', { name: 'jobs' })],
      outputPorts: [aPort('dataset', 'output', { name: 'dataset' })],
    })
    .withLink('l1', { nodeId: 'print-jobs', portId: 'print-jobs' }, { nodeId: 'invoicing', portId: 'jobs' })
    .withLink('l2', { nodeId: 'print-jobs', portId: 'print-jobs' }, { nodeId: 'shipping', portId: 'print-jobs' })
    .build();
}

/** The whole mesh's diagram of a kind, its title (which names the design) left out. */
const diagramOf = (kind: 'logical-view' | 'lineage') => (mesh: Mesh) => {
  const diagram = mermaidDiagram(mesh, { kind, subject: { kind: 'mesh' } });
  if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
  return diagram.value.replace(/^title: .*$/m, '');
};
const logicalView = diagramOf('logical-view');
const lineage = diagramOf('lineage');

describe('the app’s own logical view, imported into a blank design', () => {
  const original = aPrintHouse();
  const imported = importMermaidFlowchart(logicalView(original), emptyMesh('blank', 'Blank'));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));

  it('exports again as the same text: export → import → export is identical, port by port', () => {
    expect(logicalView(imported.mesh)).toEqual(logicalView(original));
    expect(lineage(imported.mesh)).toEqual(lineage(original));
  });

  it('keeps each link’s two port names, and one output port feeding both readers', () => {
    const printJobs = imported.mesh.products.find((product) => product.name === 'Print Jobs');
    expect(printJobs?.outputPorts.map((port) => port.name)).toEqual(['Print Jobs']);
    const invoicing = imported.mesh.products.find((product) => product.name === 'Invoicing');
    expect(invoicing?.inputPorts.map((port) => port.name)).toEqual(['jobs']);
  });
});

describe('the app’s own logical view, title and all, imported into a new design', () => {
  const original = aPrintHouse();
  const exported = () => {
    const diagram = mermaidDiagram(original, { kind: 'logical-view', subject: { kind: 'mesh' } });
    if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
    return diagram.value;
  };
  const importedInto = (into: Mesh) => {
    const result = importMermaidFlowchart(exported(), into, 'add');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.mesh;
  };

  it('is named after the diagram’s title and keeps the ids the diagram’s node ids carry', () => {
    const mesh = importedInto(emptyMesh('untitled', NEW_DESIGN_NAME));
    expect(mesh.name).toBe(original.name);
    expect(mesh.domains.map((domain) => domain.id)).toEqual(['production', 'finance']);
    expect(mesh.products.map((product) => product.id)).toEqual(['print-jobs', 'shipping', 'invoicing']);
  });

  it('exports again as the same text, its title included', () => {
    const mesh = importedInto(emptyMesh('untitled', NEW_DESIGN_NAME));
    const again = mermaidDiagram(mesh, { kind: 'logical-view', subject: { kind: 'mesh' } });
    expect(again.ok && again.value).toBe(exported());
  });

  it('keeps the name of a design that has one, and, added as new, ids the design already has are not reused', () => {
    const named = aMesh().withDomain('production', { name: 'Existing' }).build();
    const mesh = importedInto(named);
    expect(mesh.name).toBe(named.name);
    expect(mesh.domains.map((domain) => domain.id)).toEqual(['production', 'production-2', 'finance']);
  });
});

describe('names longer than a line, cut inside a word by the export, imported into a blank design', () => {
  const cementGroup = aMesh()
    .withDomain('dispatch', { name: 'Zementversandlogistikabteilung' })
    .withSystem('silo-control', 'dispatch', { name: 'Rohmehlsiloentnahmesteuerung' })
    .withProduct('clinker-quality', 'dispatch', {
      name: 'Klinkerqualitätsüberwachung',
      inputPorts: [aPort('silo', 'input', { name: 'silo' })],
      outputPorts: [aPort('loads', 'output', { name: 'TruckLoadDispatchedEventsV2' })],
    })
    .withProduct('trucks', 'dispatch', {
      name: 'Trucks',
      inputPorts: [aPort('loads', 'input', { name: 'loads' })],
    })
    .withLink('l1', { nodeId: 'silo-control', portId: 'items-cdc' }, { nodeId: 'clinker-quality', portId: 'silo' })
    .withLink('l2', { nodeId: 'clinker-quality', portId: 'loads' }, { nodeId: 'trucks', portId: 'loads' })
    .build();
  const exported = mermaidDiagram(cementGroup, { kind: 'logical-view', subject: { kind: 'mesh' } });
  if (!exported.ok) throw new Error(JSON.stringify(exported.errors));
  const imported = importMermaidFlowchart(exported.value, emptyMesh('untitled', NEW_DESIGN_NAME));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));

  it('cuts each of those names across lines, as Mermaid would otherwise cut them itself', () => {
    expect(exported.value).toContain('Klinkerqualitätsüber\\nwachung');
    expect(exported.value).toContain('TruckLoadDispatched<br/>EventsV2');
  });

  it('reads each name back whole, with no space where the export cut it', () => {
    expect(imported.mesh.domains.map((domain) => domain.name)).toEqual(['Zementversandlogistikabteilung']);
    expect(imported.mesh.systems.map((system) => system.name)).toEqual(['Rohmehlsiloentnahmesteuerung']);
    expect(imported.mesh.products.map((product) => product.name)).toEqual(['Klinkerqualitätsüberwachung', 'Trucks']);
    expect(imported.mesh.products[0]?.outputPorts.map((port) => port.name)).toEqual(['TruckLoadDispatchedEventsV2']);
  });

  it('exports again as the same text, and imported again into the design renames nothing', () => {
    const again = mermaidDiagram(imported.mesh, { kind: 'logical-view', subject: { kind: 'mesh' } });
    expect(again.ok && again.value).toBe(exported.value);
    const updated = importMermaidFlowchart(exported.value, cementGroup);
    if (!updated.ok) throw new Error(JSON.stringify(updated.errors));
    expect(updated.mesh).toEqual(cementGroup);
  });
});

describe('hyphenated ids, exported and imported into a blank design', () => {
  const aquarium = aMesh()
    .withDomain('life-support', { name: 'Life Support' })
    .withProduct('tank-health', 'life-support', { name: 'Tank Health', outputPorts: [aPort('out', 'output')] })
    .withProduct('end-x', 'life-support', { name: 'End X', inputPorts: [aPort('in', 'input')] })
    .withProduct('a--b', 'life-support', { name: 'A B' })
    .withLink('l1', { nodeId: 'tank-health', portId: 'out' }, { nodeId: 'end-x', portId: 'in' })
    .build();

  it('keeps ids with single hyphens, as Mermaid reads a hyphen inside a node id', async () => {
    const text = logicalView(aquarium);
    const imported = importMermaidFlowchart(text, emptyMesh('blank', 'Blank'));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.mesh.domains.map((domain) => domain.id)).toEqual(['life-support']);
    expect(imported.mesh.products.map((product) => product.id)).toEqual(['tank-health', 'end-x', 'a__b']);
    const mermaids = await parseFlowchart(text);
    expect(mermaids.vertices.map((vertex) => vertex.id)).toEqual([
      'product_tank-health',
      'product_end-x',
      'product_a__b',
    ]);
    expect(mermaids.subgraphs.map((subgraph) => subgraph.id)).toEqual(['domain_life-support']);
  });
});

describe('operational systems in the logical view, exported and imported into a blank design', () => {
  const hydro = aMesh()
    .withDomain('water', { name: 'Water' })
    .withDomain('maintenance', { name: 'Maintenance' })
    .withSystem('scada', 'water', { name: 'SCADA historian' })
    .withProduct('levels', 'water', {
      name: 'Reservoir levels',
      inputPorts: [aPort('levels', 'input', { name: 'levels' })],
      outputPorts: [aPort('dataset', 'output', { name: 'dataset' })],
    })
    .withProduct('outages', 'maintenance', {
      name: 'Planned outages',
      inputPorts: [aPort('scada-feed', 'input', { name: 'scada feed' }), aPort('levels', 'input', { name: 'levels' })],
      outputPorts: [aPort('dataset', 'output', { name: 'dataset' })],
    })
    .withLink('l1', { nodeId: 'scada', portId: 'items-cdc' }, { nodeId: 'levels', portId: 'levels' })
    .withLink('l2', { nodeId: 'scada', portId: 'items-cdc' }, { nodeId: 'outages', portId: 'scada-feed' })
    .withLink('l3', { nodeId: 'levels', portId: 'dataset' }, { nodeId: 'outages', portId: 'levels' })
    .build();
  const text = logicalView(hydro);
  const imported = importMermaidFlowchart(text, emptyMesh('blank', 'Blank'));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const endName = (mesh: Mesh, end: { nodeId: string; portId: string }) => {
    const system = mesh.systems.find((candidate) => candidate.id === end.nodeId);
    const topic = system?.messaging.topics.find((candidate) => candidate.id === end.portId);
    const product = mesh.products.find((candidate) => candidate.id === end.nodeId);
    const port = product && [...product.inputPorts, ...product.outputPorts].find((p) => p.id === end.portId);
    return `${system?.name ?? product?.name}: ${topic?.name ?? port?.name}`;
  };
  const linkNames = (mesh: Mesh) => mesh.links.map((link) => `${endName(mesh, link.from)} → ${endName(mesh, link.to)}`);

  it('draws each system as a cylinder in its domain, with its links, as Mermaid reads it', async () => {
    const parsed = await parseFlowchart(text);
    expect(parsed.vertices.find((vertex) => vertex.id === 'system_scada')?.type).toBe('db');
    expect(parsed.subgraphs.find((subgraph) => subgraph.id === 'domain_water')?.nodes).toContain('system_scada');
    expect(parsed.edges.filter((edge) => edge.from === 'system_scada').map((edge) => edge.to)).toEqual([
      'product_levels',
      'product_outages',
    ]);
  });

  it('comes back with the same systems, ports and link ends', () => {
    expect(imported.mesh.systems.map((system) => [system.id, system.domainId, system.name])).toEqual([
      ['scada', 'water', 'SCADA historian'],
    ]);
    expect(imported.mesh.products.map((product) => product.inputPorts.map((port) => port.name))).toEqual([
      ['levels'],
      ['scada feed', 'levels'],
    ]);
    expect(linkNames(imported.mesh)).toEqual(linkNames(hydro));
  });

  it('exports again as the same logical view and lineage', () => {
    expect(logicalView(imported.mesh)).toEqual(text);
    expect(lineage(imported.mesh)).toEqual(lineage(hydro));
  });
});

describe('a product named like the system that feeds it, in one domain, as the design allows', () => {
  // Products and systems are named apart (each unique among its kind in its domain), as a source-aligned product often takes its source's name.
  const maintenance = aMesh()
    .withDomain('assets', { name: 'Asset Maintenance' })
    .withSystem('maximo', 'assets', { name: 'Work Orders' })
    .withProduct('work-orders', 'assets', {
      name: 'Work Orders',
      inputPorts: [aPort('orders', 'input', { name: 'orders' })],
      outputPorts: [aPort('dataset', 'output', { name: 'dataset' })],
    })
    .withLink('l1', { nodeId: 'maximo', portId: 'items-cdc' }, { nodeId: 'work-orders', portId: 'orders' })
    .build();

  it('comes back into a blank design under the same names, so it exports again as the same text', () => {
    const imported = importMermaidFlowchart(logicalView(maintenance), emptyMesh('blank', 'Blank'));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.mesh.products.map((product) => product.name)).toEqual(['Work Orders']);
    expect(imported.mesh.systems.map((system) => system.name)).toEqual(['Work Orders']);
    expect(logicalView(imported.mesh)).toEqual(logicalView(maintenance));
  });

  it('imported again into the design it came from, renames nothing', () => {
    const again = importMermaidFlowchart(logicalView(maintenance), maintenance);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.mesh).toEqual(maintenance);
  });

  it('is read from a hand-written flowchart as a product and a system of that name', () => {
    const flowchart = 'flowchart LR\n  subgraph assets[Asset Maintenance]\n    erp[(Maximo)] --> wo[Maximo]\n  end\n';
    const imported = importMermaidFlowchart(flowchart, emptyMesh('blank', 'Blank'));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.mesh.products.map((product) => product.name)).toEqual(['Maximo']);
    expect(imported.mesh.systems.map((system) => system.name)).toEqual(['Maximo']);
  });
});

describe('a domain’s logical view', () => {
  it('draws the systems of other domains that feed its products', () => {
    const mesh = aMesh()
      .withDomain('water')
      .withDomain('maintenance')
      .withSystem('scada', 'water')
      .withProduct('outages', 'maintenance', { inputPorts: [aPort('feed', 'input')] })
      .withLink('l1', { nodeId: 'scada', portId: 'items-cdc' }, { nodeId: 'outages', portId: 'feed' })
      .build();
    const diagram = mermaidDiagram(mesh, { kind: 'logical-view', subject: { kind: 'domain', id: 'maintenance' } });
    expect(diagram.ok && diagram.value).toContain('system_scada -->');
  });
});

describe('a flowchart imported again into the design it came from', () => {
  const reimported = (text: string, into: Mesh, mode: ImportMode = 'update') => {
    const result = importMermaidFlowchart(text, into, mode);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result;
  };
  const names = (elements: ReadonlyArray<{ name: string }>) => elements.map((element) => element.name);

  it('matches every node and subgraph of the app’s own diagram by the id it carries, and changes nothing', () => {
    const original = aPrintHouse();
    const again = reimported(logicalView(original), original);
    expect(again.matched).toEqual({
      domainIds: ['production', 'finance'],
      productIds: ['print-jobs', 'shipping', 'invoicing'],
      systemIds: [],
    });
    expect(again.added).toEqual({ domainIds: [], productIds: [], systemIds: [], linkIds: [] });
    expect(again.mesh).toEqual(original);
  });

  it('renames what was relabelled, adds what is new, moves a node to its new subgraph and keeps what the diagram lacks', () => {
    const original = aPrintHouse();
    const edited = logicalView(original)
      .replace('label: "Invoicing"', 'label: "Billing"')
      .replace(/( {4}product_print-jobs@[^\n]*\n)/, '$1    product_refunds["Refunds"]\n')
      .replace(/ {2}product_print-jobs -->[^\n]*product_invoicing\n/, '  product_refunds --> product_invoicing\n');
    const again = reimported(edited, original);

    expect(names(again.mesh.domains)).toEqual(['Production', 'Finance']);
    expect(names(again.mesh.products)).toEqual(['Print Jobs', 'Shipping', 'Billing', 'Refunds']);
    expect(again.mesh.products.find((product) => product.name === 'Refunds')?.domainId).toBe('production');
    // Print Jobs → Invoicing is no longer drawn, and is kept: nothing is deleted.
    expect(again.mesh.links.map((link) => `${link.from.nodeId} -> ${link.to.nodeId}`)).toEqual([
      'print-jobs -> invoicing',
      'print-jobs -> shipping',
      'refunds -> invoicing',
    ]);
    expect(checkIntegrity(again.mesh)).toEqual([]);

    const moved = logicalView(original)
      .replace(/ {4}product_shipping@[^\n]*\n/, '')
      .replace(/(subgraph domain_finance[^\n]*\n)/, '$1    product_shipping["Shipping"]\n');
    expect(reimported(moved, original).mesh.products.find((product) => product.id === 'shipping')?.domainId).toBe(
      'finance',
    );
  });

  it('matches by name a flowchart another tool wrote, imported twice', () => {
    const flowchart = 'flowchart LR\n  subgraph Shop\n    DB[(Shop DB)]\n    A[Orders]\n  end\n  DB --> A\n';
    const first = reimported(flowchart, emptyMesh('new', 'New')).mesh;
    const again = reimported(`${flowchart}  subgraph Finance\n    B[Sales]\n  end\n  A --> B\n`, first);

    expect(again.matched).toEqual({
      domainIds: first.domains.map((domain) => domain.id),
      productIds: first.products.map((product) => product.id),
      systemIds: first.systems.map((system) => system.id),
    });
    expect(names(again.mesh.domains)).toEqual(['Shop', 'Finance']);
    expect(names(again.mesh.products)).toEqual(['Orders', 'Sales']);
    expect(names(again.mesh.systems)).toEqual(['Shop DB']);
    expect(again.mesh.links).toHaveLength(2);
    expect(checkIntegrity(again.mesh)).toEqual([]);
  });

  it('adds everything again, under free names, when asked to add all as new', () => {
    const original = aPrintHouse();
    const again = reimported(logicalView(original), original, 'add');
    expect(again.matched.productIds).toEqual(['print-jobs', 'shipping', 'invoicing']);
    expect(names(again.mesh.domains)).toEqual(['Production', 'Finance', 'Production 2', 'Finance 2']);
    expect(again.mesh.products).toHaveLength(6);
  });
});

describe('a flowchart without edge labels, imported and drawn as a logical view', () => {
  const flowchart =
    'flowchart LR\n  leaf[Plucking Rounds] --> yield[Green-Leaf Yield]\n  leaf -->|green leaf| batches[Factory Batches]\n';
  const imported = importMermaidFlowchart(flowchart, emptyMesh('blank', 'Blank'));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));

  it('leaves unlabelled a link whose ports only carry the importer’s names (to B, from A)', async () => {
    const edges = (await parseFlowchart(logicalView(imported.mesh))).edges;
    expect(edges.map((edge) => [edge.from, edge.to, edge.label])).toEqual([
      ['product_plucking-rounds', 'product_green-leaf-yield', ''],
      ['product_plucking-rounds', 'product_factory-batches', 'green leaf'],
    ]);
  });

  it('reads back as the same ports, so it exports again as the same text', () => {
    const again = importMermaidFlowchart(logicalView(imported.mesh), emptyMesh('blank', 'Blank'));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(logicalView(again.mesh)).toEqual(logicalView(imported.mesh));
    const leaf = again.mesh.products.find((product) => product.name === 'Plucking Rounds');
    expect(leaf?.outputPorts.map((port) => port.name)).toEqual(['to Green-Leaf Yield', 'green leaf']);
  });
});

describe('port and stream names holding an arrow, exported and imported into a blank design', () => {
  const quarry = aMesh()
    .withDomain('extraction', { name: 'Extraction' })
    .withDomain('processing', { name: 'Processing' })
    .withSystem('kiln', 'processing', { name: 'Kiln' })
    .withProduct('crushing', 'extraction', {
      name: 'Crushing',
      inputPorts: [aPort('input', 'input', { name: 'input' })],
      outputPorts: [aPort('to-stockpile', 'output', { name: 'crusher → stockpile' })],
    })
    .withProduct('stockpiles', 'processing', {
      name: 'Stockpiles',
      inputPorts: [
        aPort('from-crusher', 'input', { name: 'from crusher' }),
        aPort('tags', 'input', { name: 'tags → raw' }),
      ],
      outputPorts: [aPort('dataset', 'output', { name: 'dataset' })],
    })
    .withLink('l1', { nodeId: 'crushing', portId: 'to-stockpile' }, { nodeId: 'stockpiles', portId: 'from-crusher' })
    .withLink('l2', { nodeId: 'kiln', portId: 'items-cdc' }, { nodeId: 'stockpiles', portId: 'tags' })
    .build();
  const text = logicalView(quarry);
  const imported = importMermaidFlowchart(text, emptyMesh('blank', 'Blank'));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const portNames = (mesh: Mesh, name: string, direction: 'inputPorts' | 'outputPorts') =>
    mesh.products.find((product) => product.name === name)?.[direction].map((port) => port.name);

  it('keeps each port’s name whole, its own arrow included', () => {
    expect(portNames(imported.mesh, 'Crushing', 'outputPorts')).toEqual(['crusher → stockpile']);
    expect(portNames(imported.mesh, 'Stockpiles', 'inputPorts')).toEqual(['from crusher', 'tags → raw']);
  });

  it('keeps the name of the system’s stream', () => {
    const kiln = imported.mesh.systems.find((system) => system.name === 'Kiln');
    expect(kiln?.messaging.topics.map((topic) => topic.name)).toEqual(
      quarry.systems[0]?.messaging.topics.map((topic) => topic.name),
    );
  });

  it('exports again as the same text', () => {
    expect(logicalView(imported.mesh)).toEqual(text);
  });

  it('is drawn by Mermaid with each name’s arrow as an arrow', async () => {
    const labels = (await parseFlowchart(text)).edges.map((edge) => edge.label.replace(/<br\/?>/g, ''));
    expect(labels).toEqual(['crusher → stockpile → from crusher', 'kiln.items → tags → raw']);
  });
});
