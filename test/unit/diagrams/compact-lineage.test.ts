import { describe, expect, it } from 'vitest';
import { largeMesh } from '../../../bench/cases/canvas';
import { MERMAID_DEFAULT_LIMITS, mermaidDiagram } from '../../../shared/export/mermaid';
import { parseWithDefaultLimits } from './real-mermaid';

/** A thousand-product mesh of 20 domains of 50 products, each with three inputs and two outputs. */
const mesh = largeMesh();

describe('the lineage of a 50-product domain', () => {
  const domain = mesh.domains[10] as { id: string; name: string };
  const text = () => {
    const diagram = mermaidDiagram(mesh, { kind: 'lineage', subject: { kind: 'domain', id: domain.id } });
    if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
    return diagram.value;
  };

  it('stays under Mermaid’s default maxTextSize, so GitHub, GitLab and wikis draw it', () => {
    expect(mesh.products.filter((product) => product.domainId === domain.id)).toHaveLength(50);
    expect(text().length).toBeLessThan(MERMAID_DEFAULT_LIMITS.maxTextSize);
  });

  it('draws every port and link as plain-string labels, as Mermaid reads it with its defaults', async () => {
    const chart = await parseWithDefaultLimits(text());
    const ports = chart.vertices.filter((vertex) => vertex.type === 'in-out');
    expect(ports.length).toBeGreaterThanOrEqual(250);
    expect(chart.subgraphs.some((subgraph) => subgraph.title === 'Product 10.49')).toBe(true);
    expect(chart.edges.length).toBeGreaterThan(200);
  });
});
