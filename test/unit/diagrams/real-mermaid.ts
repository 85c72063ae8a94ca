import jsYaml from 'js-yaml';
import { JSDOM } from 'jsdom';
import type { Mermaid } from 'mermaid';
import { MERMAID_LIMITS } from '../../../shared/export/mermaid';

let loading: Promise<Mermaid> | undefined;

/**
 * The real `mermaid` package, on a jsdom window (its parser needs a DOM for DOMPurify, not a
 * layout engine), set up with the limits the app and the CLI draw with.
 */
export function realMermaid(): Promise<Mermaid> {
  loading ??= (async () => {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    Object.assign(globalThis, { window, document: window.document });
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, ...MERMAID_LIMITS });
    return mermaid;
  })();
  return loading;
}

/**
 * The title Mermaid draws over a diagram (as text, so as it is here): its front matter's `title`,
 * read as YAML with the JSON schema as Mermaid reads it, set on the diagram as Mermaid's `render`
 * sets it, which sanitises it (`getDiagramFromText` alone leaves the title out).
 */
export async function titleMermaidShows(text: string): Promise<string> {
  const mermaid = await realMermaid();
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
  const { title } = (jsYaml.load(frontMatter, { schema: jsYaml.JSON_SCHEMA }) ?? {}) as { title?: unknown };
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text, {
    title: title === undefined ? '' : String(title),
  });
  return (diagram.db as unknown as { getDiagramTitle(): string }).getDiagramTitle();
}

export interface ParsedFlowchart {
  /** Nodes, not subgraphs. */
  vertices: Array<{ id: string; label: string; type: string | undefined }>;
  edges: Array<{ from: string; to: string; label: string; stroke: string }>;
  subgraphs: Array<{ id: string; title: string; nodes: string[] }>;
}

interface FlowDb {
  getVertices(): Map<string, { id: string; text?: string; type?: string }>;
  getEdges(): Array<{ start: string; end: string; text?: string; stroke?: string }>;
  getSubGraphs(): Array<{ id: string; title: string; nodes: string[] }>;
}

/** What Mermaid itself reads from a flowchart: its vertices, edges and subgraphs, labels decoded. */
export async function parseFlowchart(text: string): Promise<ParsedFlowchart> {
  const mermaid = await realMermaid();
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as FlowDb;
  // Mermaid also lists a subgraph as a vertex once an edge or a style names it.
  const subgraphIds = new Set(db.getSubGraphs().map((subgraph) => subgraph.id));
  return {
    vertices: [...db.getVertices().values()]
      .filter((vertex) => !subgraphIds.has(vertex.id))
      .map((vertex) => ({
        id: vertex.id,
        label: decodeEntities(vertex.text ?? vertex.id),
        type: vertex.type,
      })),
    edges: db.getEdges().map((edge) => ({
      from: edge.start,
      to: edge.end,
      label: decodeEntities(edge.text ?? ''),
      stroke: edge.stroke ?? 'normal',
    })),
    subgraphs: db.getSubGraphs().map((subgraph) => ({
      id: subgraph.id,
      title: decodeEntities(subgraph.title),
      nodes: subgraph.nodes,
    })),
  };
}

/**
 * What GitHub, GitLab and wikis read: the flowchart parsed with Mermaid's default limits (its
 * edges), and the whole text within its default maximum size (which `render` checks).
 */
export async function parseWithDefaultLimits(text: string): Promise<ParsedFlowchart>;
export async function parseWithDefaultLimits<Parsed>(
  text: string,
  parse: (text: string) => Promise<Parsed>,
): Promise<Parsed>;
export async function parseWithDefaultLimits(
  text: string,
  parse: (text: string) => Promise<unknown> = parseFlowchart,
): Promise<unknown> {
  const mermaid = await realMermaid();
  const { maxTextSize, maxEdges } = mermaid.mermaidAPI.defaultConfig;
  if (text.length > (maxTextSize as number)) {
    throw new Error(`${text.length} characters, past Mermaid's default maxTextSize of ${maxTextSize}`);
  }
  mermaid.initialize({ maxTextSize, maxEdges });
  try {
    return await parse(text);
  } finally {
    mermaid.initialize({ startOnLoad: false, ...MERMAID_LIMITS });
  }
}

/** A label Mermaid reads in lines (`<br>`, or a box's `\n`: see mermaidLines) as one line: a break after a space parts words. */
export function asOneLine(label: string): string {
  return label.replace(/ (?:<br\/?>|\n)/g, ' ').replace(/<br\/?>|\n/g, '');
}

const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };

/** Mermaid keeps entity codes as placeholders until it draws; this is what the drawing shows. */
function decodeEntities(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (whole, name: string) => NAMED_ENTITIES[name] ?? whole);
}

export interface ParsedErDiagram {
  /** Entities by their labels (aliases), decoded, with their attributes as `type name keys comment`. */
  entities: Array<{ label: string; attributes: string[] }>;
  relationships: Array<{ from: string; to: string; label: string }>;
}

interface ErDb {
  getEntities(): Map<string, { id: string; label: string; alias?: string; attributes: ErAttribute[] }>;
  getRelationships(): Array<{ entityA: string; entityB: string; roleA: string }>;
}
interface ErAttribute {
  type: string;
  name: string;
  keys: string[];
  comment: string;
}

/** What Mermaid reads from any diagram the export writes: a flowchart, or a contract's `erDiagram`. */
export function parseExportedDiagram(text: string): Promise<ParsedFlowchart | ParsedErDiagram> {
  return /^erDiagram$/m.test(text) ? parseErDiagram(text) : parseFlowchart(text);
}

/** What Mermaid itself reads from an `erDiagram`: its entities (by label) and relationships, labels decoded. */
export async function parseErDiagram(text: string): Promise<ParsedErDiagram> {
  const mermaid = await realMermaid();
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  if (diagram.type !== 'er') throw new Error(`not an erDiagram: ${diagram.type}`);
  const db = diagram.db as unknown as ErDb;
  const entities = [...db.getEntities().values()];
  const labelOf = new Map(entities.map((entity) => [entity.id, decodeEntities(entity.alias || entity.label)]));
  return {
    entities: entities.map((entity) => ({
      label: labelOf.get(entity.id) as string,
      attributes: entity.attributes.map(({ type, name, keys, comment }) =>
        [type, name, keys.join(','), decodeEntities(comment)].filter(Boolean).join(' '),
      ),
    })),
    relationships: db.getRelationships().map((relationship) => ({
      from: labelOf.get(relationship.entityA) ?? relationship.entityA,
      to: labelOf.get(relationship.entityB) ?? relationship.entityB,
      label: decodeEntities(relationship.roleA),
    })),
  };
}

/**
 * Where the real mermaid package refuses a diagram: the token after the last one its parser took
 * (the `^` of its message), as a line and a column counted from 1.
 */
export async function whereMermaidRefuses(text: string): Promise<{ line: number; column: number }> {
  const mermaid = await realMermaid();
  try {
    await mermaid.mermaidAPI.getDiagramFromText(text);
  } catch (error) {
    const loc = (error as { hash?: { loc?: { last_line: number; last_column: number } } }).hash?.loc;
    if (loc === undefined) throw error;
    const rest = text.split('\n')[loc.last_line - 1]?.slice(loc.last_column) ?? '';
    return { line: loc.last_line, column: loc.last_column + rest.length - rest.trimStart().length + 1 };
  }
  throw new Error('Mermaid reads the diagram');
}
