import { elementsInScope } from '../export-scope';
import type { ExportFile, ExportTarget } from '../export-target';
import { createFileNamer } from '../file-names';
import { DIAGRAM_KINDS, type DiagramRequest, mermaidDiagram } from './diagrams';
import { meshGraph } from './mesh-graph';

const FOLDER = 'mermaid';

/*
 * The diagrams of the export's scope, one `.mmd` file each: for the whole mesh its logical view
 * and lineage; for each domain in scope its logical view, for each product its architecture,
 * for each system its data retrieval flow. A product's own lineage is left to the Diagram view:
 * the mesh's lineage holds it, and a thousand-product mesh would take a minute to write them all.
 * `diagramKinds` narrows them to the kinds chosen.
 */
export const mermaidTarget: ExportTarget = {
  id: 'mermaid',
  label: 'Mermaid diagrams',
  readBy:
    'Mermaid 11 or later: GitHub, GitLab and most wikis draw it in Markdown; mermaid-cli renders it to SVG or PNG',
  files(mesh, scope, options = {}) {
    const scoped = elementsInScope(mesh, scope);
    if (!scoped.ok) return scoped;
    const { domains, products, systems } = scoped.value;
    const named = (folder: string) => {
      const nameFile = createFileNamer(`${FOLDER}/${folder}`);
      return (element: { id: string; name: string }) => nameFile([element.name, element.id], '.mmd');
    };
    const planned: Array<{ request: DiagramRequest; path: string; about: string }> = [];
    if (scope.kind === 'mesh') {
      planned.push(
        {
          request: { kind: 'logical-view', subject: { kind: 'mesh' } },
          path: `${FOLDER}/logical-view.mmd`,
          about: `logical view of ${mesh.name}`,
        },
        {
          request: { kind: 'lineage', subject: { kind: 'mesh' } },
          path: `${FOLDER}/lineage.mmd`,
          about: `port-level lineage of ${mesh.name}`,
        },
      );
    }
    const domainFile = named('logical-view');
    const productFile = named('architecture');
    const systemFile = named('data-retrieval');
    // A product or system picked on its own brings its domain into scope, not the domain's view.
    const viewed = scope.kind === 'selection' ? domains.filter((domain) => scope.nodeIds.includes(domain.id)) : domains;
    for (const domain of viewed) {
      planned.push({
        request: { kind: 'logical-view', subject: { kind: 'domain', id: domain.id } },
        path: domainFile(domain),
        about: `logical view of domain ${domain.name}`,
      });
    }
    for (const product of products) {
      planned.push({
        request: { kind: 'product-architecture', subject: { kind: 'product', id: product.id } },
        path: productFile(product),
        about: `architecture of data product ${product.name}`,
      });
    }
    for (const system of systems) {
      planned.push({
        request: { kind: 'data-retrieval-flow', subject: { kind: 'system', id: system.id } },
        path: systemFile(system),
        about: `data retrieval flow of operational system ${system.name}`,
      });
    }
    const kinds = options.diagramKinds ?? DIAGRAM_KINDS;
    const graph = meshGraph(mesh);
    const files: ExportFile[] = [];
    for (const { request, path, about } of planned.filter((plan) => kinds.includes(plan.request.kind))) {
      const diagram = mermaidDiagram(graph, request);
      if (!diagram.ok) return diagram;
      files.push({ path, content: diagram.value, about });
    }
    return { ok: true, value: files };
  },
};
