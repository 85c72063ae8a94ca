import { byPosition } from '../contracts/text-range';
import { type Mesh, NEW_DESIGN_NAME } from '../model';
import { whyNotADesign } from './app-diagram-refusal';
import { type FlowchartMatches, matchFlowchart } from './flowchart-matches';
import { type AddedElements, addFlowchartToMesh } from './flowchart-mesh';
import { type ImportNote, parseMermaidFlowchart } from './mermaid-flowchart';
import { OWN_LOGICAL_VIEW_TITLE } from './own-logical-view-breaks';

export type MermaidImport =
  | {
      ok: true;
      mesh: Mesh;
      added: AddedElements;
      /** The existing elements the flowchart draws again: updated, or added again as new (see `ImportMode`). */
      matched: MatchedElements;
      /** What was not imported, by line. */
      warnings: ImportNote[];
      /** The diagram's own title (front matter), which names a new design (see `isNewDesign`). */
      title?: string;
    }
  | { ok: false; errors: ImportNote[] };

/** What an import does with the elements the design already has: update them, or add all the diagram again as new. */
export type ImportMode = 'update' | 'add';

export interface MatchedElements {
  domainIds: string[];
  productIds: string[];
  systemIds: string[];
}

/**
 * Turns a Mermaid flowchart into domains, data products and links added to `into` (an empty mesh
 * for a new design): one pure step, so the app applies it as one undoable change.
 */
export function importMermaidFlowchart(text: string, into: Mesh, mode: ImportMode = 'update'): MermaidImport {
  const parsed = parseMermaidFlowchart(text);
  if (!parsed.ok) return parsed;
  const { flowchart } = parsed;
  const notADesign = whyNotADesign(flowchart.title);
  if (notADesign) return { ok: false, errors: [{ line: titleLine(text), column: 1, message: notADesign }] };
  if (flowchart.nodes.length === 0 && flowchart.subgraphs.length === 0) {
    const { line, column } = parsed.warnings[0] ?? { line: 1, column: 1 };
    return {
      ok: false,
      errors: [{ line, column, message: 'The flowchart has no nodes or subgraphs to import.' }, ...parsed.warnings],
    };
  }
  const matches = matchFlowchart(flowchart, into);
  const {
    mesh: withDiagram,
    added,
    warnings,
  } = addFlowchartToMesh(flowchart, into, mode === 'update' ? matches : undefined);
  const mesh =
    flowchart.title && isNewDesign(into) ? { ...withDiagram, name: designNameIn(flowchart.title) } : withDiagram;
  const allWarnings = [...parsed.warnings, ...warnings].sort(byPosition);
  const matched = matchedElements(matches, into);
  const imported: MermaidImport = { ok: true, mesh, added, matched, warnings: allWarnings };
  if (flowchart.title) imported.title = flowchart.title;
  return imported;
}

function matchedElements({ domainIdBySubgraph, elementIdByNode }: FlowchartMatches, mesh: Mesh): MatchedElements {
  const nodeIds = new Set(elementIdByNode.values());
  const drawn = (elements: ReadonlyArray<{ id: string }>) =>
    elements.filter((element) => nodeIds.has(element.id)).map((element) => element.id);
  return {
    domainIds: [...domainIdBySubgraph.values()],
    productIds: drawn(mesh.products),
    systemIds: drawn(mesh.systems),
  };
}

/** A design with nothing in it that was never named: an import names it after its diagram. */
function isNewDesign(mesh: Mesh): boolean {
  const { domains, products, systems, contracts, name } = mesh;
  return name === NEW_DESIGN_NAME && [domains, products, systems, contracts].every((list) => list.length === 0);
}

/** The design a diagram's title names: the app's logical view is titled `Logical view: <design>`. */
function designNameIn(title: string): string {
  return title.replace(OWN_LOGICAL_VIEW_TITLE, '') || title;
}

/** The line of the front matter's `title:` (a diagram's title names what it is). */
function titleLine(text: string): number {
  return text.slice(0, Math.max(0, text.search(/^\s*title:/m))).split('\n').length;
}

/** Whether a text looks like a Mermaid flowchart (to offer importing it when pasted). */
export function looksLikeMermaidFlowchart(text: string): boolean {
  return startsAsMermaid(text, 'flowchart|graph');
}

/** Whether a text is a Mermaid erDiagram, which is imported as a contract rather than as a design. */
export function looksLikeMermaidErDiagram(text: string): boolean {
  return startsAsMermaid(text, 'erDiagram');
}

/** Whether a text's first statement, after its front matter and comments, is one of `headers`. */
function startsAsMermaid(text: string, headers: string): boolean {
  const header = new RegExp(String.raw`^\s*(?:---\n[\s\S]*?\n---\s*\n\s*)?(?:%%[^\n]*\n\s*)*(?:${headers})\b`);
  return header.test(text.replace(/\r\n?/g, '\n'));
}
