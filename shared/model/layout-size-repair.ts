import { formatPath } from './problem';

type JsonObject = Record<string, unknown>;

export interface SizeRepair {
  json: unknown;
  /** Where a refused size was left out, e.g. `layout.nodes.field-operations.width`. */
  dropped: string[];
}

/**
 * A mesh file's JSON with every layout width or height of 0 or less left out, so that node is
 * drawn at its default size: the reader refuses such sizes, which auto-layout once wrote for an
 * empty domain, and refusing the whole design for them would lose the user's work.
 */
export function withRefusedSizesDropped(json: unknown): SizeRepair {
  const layout = isObject(json) ? json.layout : undefined;
  const nodes = isObject(layout) ? layout.nodes : undefined;
  if (!isObject(json) || !isObject(layout) || !isObject(nodes)) return { json, dropped: [] };
  const dropped: string[] = [];
  const repairedNodes = Object.fromEntries(
    Object.entries(nodes).map(([id, node]) => {
      if (!isObject(node)) return [id, node];
      const kept = { ...node };
      for (const extent of ['width', 'height']) {
        const value = node[extent];
        if (typeof value !== 'number' || value > 0) continue;
        delete kept[extent];
        dropped.push(formatPath(['layout', 'nodes', id, extent]));
      }
      return [id, kept];
    }),
  );
  if (dropped.length === 0) return { json, dropped };
  return { json: { ...json, layout: { ...layout, nodes: repairedNodes } }, dropped };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
