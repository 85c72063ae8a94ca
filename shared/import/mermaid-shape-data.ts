import { parse } from 'yaml';
import { MERMAID_SHAPE_NAMES } from './mermaid-shape-names';

/**
 * What a node's shape data (`@{ shape: cyl, label: "Silo" }`) says of it to a mesh: its label and
 * its shape; or why Mermaid refuses it on a node (not on a subgraph already closed, which Mermaid
 * lets keep any); or why Mermaid refuses it anywhere.
 */
export type ShapeData = { label?: string; shape?: string } | { whyNotOnANode: string } | { error: string };

/**
 * Reads the text between `@{` and `}` as Mermaid does: YAML (its core types), in braces when it
 * is on one line. A key Mermaid reads but leaves falsy (`label: ~`, `label: ""`) says nothing; what
 * Mermaid refuses is an error (text that is no YAML, a key twice), on a node only (a label that is
 * no text, a shape it has no name for).
 */
export function readShapeDataText(id: string, body: string): ShapeData {
  let data: unknown;
  try {
    data = parse(body.includes('\n') ? `${body}\n` : `{\n${body}\n}`, { schema: 'core' });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    return { error: `The shape data of '${id}' (\`@{ … }\`) is not YAML that Mermaid reads: ${reason}.` };
  }
  if (data === null || data === undefined)
    return { error: `The shape data of '${id}' (\`@{ … }\`) is empty: Mermaid reads nothing in it.` };
  if (typeof data !== 'object' || Array.isArray(data)) return {};
  const { label, shape } = data as { label?: unknown; shape?: unknown };
  if (shape && (typeof shape !== 'string' || !MERMAID_SHAPE_NAMES.has(shape)))
    return {
      whyNotOnANode: `The shape of '${id}' is \`${String(shape)}\`: Mermaid has no shape of that name, and refuses it.`,
    };
  if (label && typeof label !== 'string')
    return {
      whyNotOnANode: `The label of '${id}' is not text, which Mermaid cannot draw: put it in quotes (\`label: "…"\`).`,
    };
  return {
    ...(typeof label === 'string' && label !== '' && { label }),
    ...(typeof shape === 'string' && shape !== '' && { shape }),
  };
}
