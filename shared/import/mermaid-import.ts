import type { Mesh } from '../model';
import { whyNotADesign } from './app-diagram-refusal';
import { type AddedElements, addFlowchartToMesh } from './flowchart-mesh';
import { type ImportNote, parseMermaidFlowchart } from './mermaid-flowchart';

export type MermaidImport =
  | {
      ok: true;
      mesh: Mesh;
      added: AddedElements;
      /** What was not imported, by line. */
      warnings: ImportNote[];
      /** The diagram's own title (front matter), to name a new design after. */
      title?: string;
    }
  | { ok: false; errors: ImportNote[] };

/**
 * Turns a Mermaid flowchart into domains, data products and links added to `into` (an empty mesh
 * for a new design): one pure step, so the app applies it as one undoable change.
 */
export function importMermaidFlowchart(text: string, into: Mesh): MermaidImport {
  const parsed = parseMermaidFlowchart(text);
  if (!parsed.ok) return parsed;
  const { flowchart } = parsed;
  const notADesign = whyNotADesign(flowchart.title);
  if (notADesign) return { ok: false, errors: [{ line: titleLine(text), message: notADesign }] };
  if (flowchart.nodes.length === 0 && flowchart.subgraphs.length === 0) {
    const line = parsed.warnings[0]?.line ?? 1;
    return {
      ok: false,
      errors: [{ line, message: 'The flowchart has no nodes or subgraphs to import.' }, ...parsed.warnings],
    };
  }
  const { mesh, added, warnings } = addFlowchartToMesh(flowchart, into);
  const allWarnings = [...parsed.warnings, ...warnings].sort((a, b) => a.line - b.line);
  const imported: MermaidImport = { ok: true, mesh, added, warnings: allWarnings };
  if (flowchart.title) imported.title = flowchart.title;
  return imported;
}

/** The line of the front matter's `title:` (a diagram's title names what it is). */
function titleLine(text: string): number {
  return text.slice(0, Math.max(0, text.search(/^\s*title:/m))).split('\n').length;
}

/** Whether a text looks like a Mermaid flowchart (to offer importing it when pasted). */
export function looksLikeMermaidFlowchart(text: string): boolean {
  return /^\s*(?:---\n[\s\S]*?\n---\s*\n\s*)?(?:%%[^\n]*\n\s*)*(flowchart|graph)\b/.test(text.replace(/\r\n?/g, '\n'));
}
