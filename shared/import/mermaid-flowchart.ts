import { byPosition } from '../contracts/text-range';
import { titleAsWritten } from '../export/mermaid/diagram-title';
import { excerpt, sixDigitColor, withIndefiniteArticle } from '../model';
import { whyIncomplete } from './incomplete-statements';
import { withoutMarkup } from './mermaid-label-markup';
import { readShapeDataText, type ShapeData } from './mermaid-shape-data';
import { characterOfCode } from './numeric-character-reference';
import { CUT_INSIDE_WORD, withCutWordsMasked } from './own-logical-view-breaks';
import { StatementPlaces, type TextPlace } from './statement-places';
/** A note about the Mermaid text, at the token it is about: what was not imported, or why nothing was. */
export interface ImportNote extends TextPlace {
  message: string;
}

/** Where a node is first mentioned. */
export interface DraftNode extends TextPlace {
  id: string;
  label: string;
  /** The subgraph Mermaid draws the node in: the first to close of those that mention it. */
  subgraphId?: string;
  /** Drawn as a database or other storage (`[(…)]`, `@{ shape: cyl }`, `lin-cyl`, `das`…), which a mesh holds as an operational system. */
  isDatabase?: boolean;
}

/** Where its `subgraph` header is. */
export interface DraftSubgraph extends TextPlace {
  id: string;
  label: string;
  parentId?: string;
  /** The frame's stroke colour (`style <id> stroke:#2f6fde`), as our own exports give a domain's colour. */
  color?: string;
}

/** Where its link (`-->`) is. */
export interface DraftEdge extends TextPlace {
  from: string;
  to: string;
  label: string;
  /**
   * The label's names, apart at each arrow written as one (` → `), as the logical view joins a
   * link's ports; an arrow written as its code (`#8594;`) is a name's own. One name without such an arrow.
   */
  names: string[];
}

/** What the importer understood of a flowchart: nodes, subgraphs and edges, in the order written. */
export interface FlowchartDraft {
  title?: string;
  nodes: DraftNode[];
  subgraphs: DraftSubgraph[];
  edges: DraftEdge[];
}

export type FlowchartParse =
  | { ok: true; flowchart: FlowchartDraft; warnings: ImportNote[] }
  | { ok: false; errors: ImportNote[] };

/** Larger texts are refused before parsing: no whiteboard diagram comes near it. */
export const MAX_MERMAID_LENGTH = 2 * 1024 * 1024;

const HEADER = /^(flowchart(?:-elk)?|graph)(?:\s+(TB|TD|BT|RL|LR|[<>^v]))?\s*;?$/;
const DIRECTIVE = /^%%\{/;
const OTHER_DIAGRAM =
  /^(\w+Diagram(?:-v2)?|journey|gantt|pie|quadrantChart|gitGraph|C4\w+|mindmap|timeline|zenuml|(?:sankey|xychart|block|packet|architecture|radar|treemap)(?:-beta)?|kanban)\b/;
const SUBGRAPH_STROKE = /^style\s+([\p{L}\p{N}_$.-]+)\s+.*\bstroke:\s*(#(?:[0-9a-fA-F]{3}){1,2})\b/u;
/** Statements a mesh has no place for. */
const STYLES_NOT_IMPORTED = 'Styles and classes are not imported.';
const SKIPPED_STATEMENTS: ReadonlyArray<{ pattern: RegExp; message: string }> = [
  { pattern: /^(classDef|class|style|linkStyle)\s/, message: STYLES_NOT_IMPORTED },
  { pattern: /^click\s/, message: 'Clicks and links to pages are not imported.' },
  { pattern: /^acc(Title\s*:|Descr\s*[:{])/, message: 'Accessibility titles are not imported.' },
  { pattern: DIRECTIVE, message: 'Directives (`%%{ … }%%`) are ignored.' },
];
/** Words Mermaid reads as keywords wherever a node id could stand, so it refuses them as ids. */
const KEYWORD_IDS = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'interpolate',
  'style',
  'class',
  'classDef',
  'linkStyle',
]);
const DIRECTION = /^direction\s+(TB|TD|BT|RL|LR)$/;
/** Mermaid's node ids: letters, digits and most punctuation, but no `-`, `.` or `=` that starts a link, and no `:::`. */
const NODE_ID = /^(?:[\p{L}\p{N}_$!'*+?\\/,`]|\.(?!-)|:(?!::)|-(?![->.])|=(?!=))+/u;
/** `e1@-->`: an edge's id, before its arrow (Mermaid 11.6). */
const EDGE_ID = /^\s+([\p{L}\p{N}_$]+)@(?=[-=.~<ox])/u;
const CLASS_SUFFIX = /^:::\w+(?:-\w+)*/;
/** A link, as Mermaid's lexer reads it: `-->`, `---`, `--o`, `-.->`, `-.-`, `==>`, `===`, `<-->`, `~~~`. */
const LINK = /^(<|o|x)?(-{2,}[->ox]|={2,}[=>ox]|-?\.+-[>ox]?|~{3,})/;
/** The start of a link with its text inside (`-- text -->`), and the end each start takes. */
const TEXT_LINK_START = /^(<|o|x)?(--|==|-\.)/;
const TEXT_LINK_ENDS: Readonly<Record<string, RegExp>> = {
  '--': /(-{2,}[->ox])/,
  '==': /(={2,}[=>ox])/,
  '-.': /(\.+-[>ox]?)/,
};
/** What Mermaid's lexer cannot read in each link's text: `--` starts another link, a `=` or a `.` is no token there. */
const NOT_IN_LINK_TEXT: Readonly<Record<string, RegExp>> = { '--': /--/, '==': /=/, '-.': /\./ };
/**
 * Where a link's text starts (`--`, `==`, `-.` and a character no link goes on with), or ends, as the
 * last characters read show it: from its start to its end Mermaid reads everything as the text.
 */
const LINK_TEXT_STARTS: ReadonlyArray<[string, RegExp]> = [
  ['--', /(?:^|[^-])--[^-xo>]$/],
  ['==', /(?:^|[^=])==[^=xo>]$/],
  ['-.', /-\.[^.-]$/],
];
const LINK_TEXT_END: Readonly<Record<string, RegExp>> = { '--': /--[-xo>]$/, '==': /==[=xo>]$/, '-.': /\.-$/ };
const PIPE_LABEL = /^\s*\|("[^"]*"|[^|]*)\|/;
/** Characters Mermaid refuses in a label that is not in quotes. */
const UNQUOTED_LABEL_BREAKERS = /[()[\]{}"|]/;
/** Shape brackets, longest opening first, with the text that closes each. */
const SHAPES: ReadonlyArray<[string, readonly string[]]> = [
  ['(((', [')))']],
  ['((', ['))']],
  ['([', ['])']],
  ['[[', [']]']],
  ['[(', [')]']],
  ['[/', ['/]', '\\]']],
  ['[\\', ['\\]', '/]']],
  ['{{', ['}}']],
  ['>', [']']],
  ['(', [')']],
  ['[', [']']],
  ['{', ['}']],
];

/**
 * Reads the subset of a Mermaid flowchart that describes a mesh: subgraphs, nodes (any shape,
 * `@{ shape, label }` included) and edges (chains `A --> B --> C`, groups `A & B`, labels
 * `-->|x|` or `-- x -->`). Everything else is skipped with a note at its line; it never throws.
 */
export function parseMermaidFlowchart(text: string): FlowchartParse {
  if (text.length > MAX_MERMAID_LENGTH) {
    return refuse({ line: 1, column: 1 }, `The text is larger than ${MAX_MERMAID_LENGTH / 1024 / 1024} MB.`);
  }
  const { body, title, firstLine } = withoutFrontMatter(text.replace(/\r\n?/g, '\n'));
  const statements = splitStatements(withCutWordsMasked(protectEntityCodes(body), title), firstLine);
  const reader = new FlowchartReader();
  while (statements[0] && DIRECTIVE.test(statements[0].text)) reader.read(statements.shift() as Statement);
  const header = statements.shift();
  if (!header)
    return refuse(
      { line: firstLine, column: 1 },
      'There is no flowchart here: it should start with `flowchart LR` or `graph TD`.',
    );
  if (!HEADER.test(header.text)) {
    const kind = OTHER_DIAGRAM.exec(header.text)?.[1];
    const what = kind ? withIndefiniteArticle(`${kind} diagram`) : 'not a Mermaid diagram';
    return refuse(
      header.places.at(0),
      `Only flowcharts can be imported, and this is ${what}: it should start with \`flowchart\`.`,
    );
  }
  for (const statement of statements) reader.read(statement);
  return reader.finish(title);
}

/** A subgraph not yet closed, with the nodes mentioned in it so far (its own, not its nested subgraphs'). */
interface OpenSubgraph {
  subgraph: DraftSubgraph;
  mentions: Array<{ nodeId: string; place: TextPlace }>;
}

interface Statement {
  text: string;
  /** Where each character of the text is in the source. */
  places: StatementPlaces;
  /** Where a quote, bracket, `|` or a link's text opened in it is never closed, to the end of the text. */
  unclosed?: Unclosed;
  /** A space or tab right before its end (a line end or `;`), which Mermaid refuses after some statements. */
  endsWithSpace: boolean;
}

interface Unclosed extends TextPlace {
  /** The start (`--`, `==`, `-.`) of the link whose text never ends, if it is one. */
  linkStart?: string;
}

/** The arrow that ends each link's text, as a message names it. */
const LINK_TEXT_ARROWS: Readonly<Record<string, string>> = { '--': '-->', '==': '==>', '-.': '.->' };

class FlowchartReader {
  private readonly nodes = new Map<string, DraftNode>();
  private readonly subgraphs: DraftSubgraph[] = [];
  private readonly edges: DraftEdge[] = [];
  private readonly warnings: ImportNote[] = [];
  /** What Mermaid itself would refuse, or what this reader cannot tell apart from it: nothing is imported then. */
  private readonly errors: ImportNote[] = [];
  private readonly edgeIds = new Set<string>();
  private readonly open: OpenSubgraph[] = [];
  private readonly warned = new Set<string>();
  private readonly decisionIds = new Set<string>();
  /** The links Mermaid has drawn so far, invisible ones and those to a subgraph too: what a `linkStyle` numbers. */
  private linksDrawn = 0;

  read({ text, places, unclosed, endsWithSpace }: Statement): void {
    const line = places.at(0);
    if (unclosed) {
      this.refuseUnclosed(text, unclosed);
    } else if (text === 'end') {
      const closed = this.open.pop();
      if (closed) this.closeSubgraph(closed);
      else this.fail(line, '`end` closes no subgraph.');
    } else if (/^subgraph(\s|$)/.test(text)) {
      this.openSubgraph(text.slice('subgraph'.length).trim(), line);
    } else if (this.isEdgeData(text)) {
      const id = text.slice(0, text.indexOf('@{'));
      const data = readShapeData({ rest: text.slice(id.length), textLength: text.length }, id);
      // Mermaid reads an edge's properties as YAML too, and refuses the diagram where they are none.
      if (data !== null && 'error' in data) this.fail(line, data.error);
      else this.warnOnce(line, 'Edge properties (`e1@{ … }`) are not imported.');
    } else if (DIRECTION.test(text)) {
      this.warnOnce(line, `\`${text}\` is not imported: the canvas lays each domain out by data flow.`);
    } else if (STYLE_STATEMENT.test(text) && NOT_IN_A_STYLE.test(text)) {
      this.refuseStyle(text, places);
    } else if (!this.refusedIncomplete(text, places, endsWithSpace) && !this.readSubgraphColor(text)) {
      const skipped = SKIPPED_STATEMENTS.find((statement) => statement.pattern.test(text));
      if (skipped) this.warnOnce(line, skipped.message);
      else this.readNodesAndEdges(text, places);
    }
  }

  /** Mermaid reads a link's text on to the diagram's end and refuses there: its start is where to fix it. */
  private refuseUnclosed(text: string, { linkStart, ...place }: Unclosed): void {
    if (linkStart === undefined) {
      this.fail(place, `A quote, bracket or \`|\` opened here is never closed: ${excerpt(text)}`);
      return;
    }
    const arrow = LINK_TEXT_ARROWS[linkStart] as string;
    this.fail(
      place,
      `The text of this \`${linkStart} … ${arrow}\` link never ends: end it with \`${arrow}\` and the node it goes to.`,
    );
  }

  /** Mermaid reads a style up to its line's end, so a statement written after `fill:#f9f;` is refused as part of it. */
  private refuseStyle(text: string, places: StatementPlaces): void {
    const refused = NOT_IN_A_STYLE.exec(text) as RegExpExecArray;
    const [token, entityName] = refused;
    const message = entityName
      ? `Mermaid reads \`#${entityName};\` as an entity code, which a style cannot hold: part its styles with \`,\`, and put the next statement on a line of its own.`
      : `Mermaid refuses \`${token}\` in a style: a \`;\` after a colour does not end a \`classDef\` or \`style\`, so put the next statement on a line of its own.`;
    this.fail(places.at(refused.index), message);
  }

  /** Whether Mermaid refuses a statement the reader would skip (a style, a click) for what it lacks or numbers. */
  private refusedIncomplete(text: string, places: StatementPlaces, endsWithSpace: boolean): boolean {
    const incomplete = whyIncomplete(text, endsWithSpace);
    if (incomplete) this.fail(places.at(0), incomplete);
    return Boolean(incomplete) || this.refusedLinkNumber(text, places);
  }

  /** Mermaid refuses the whole diagram where a `linkStyle` numbers a link not drawn before it (one removed since, say). */
  private refusedLinkNumber(text: string, places: StatementPlaces): boolean {
    const refused = linkNumberNotDrawn(text, this.linksDrawn);
    if (!refused) return false;
    const { number, offset } = refused;
    const drawn =
      this.linksDrawn === 0
        ? 'no link is drawn before this line'
        : this.linksDrawn === 1
          ? 'only 1 link (0) is drawn before this line'
          : `only ${this.linksDrawn} links (0 to ${this.linksDrawn - 1}) are drawn before this line`;
    const message = /^0\d/.test(number)
      ? `Mermaid refuses \`linkStyle ${number}\`: write the link's number without a leading zero.`
      : `Mermaid refuses \`linkStyle ${number}\`: it numbers links from 0 in the order written, and ${drawn}. Number a link drawn before it, or remove the number.`;
    this.fail(places.at(offset), message);
    return true;
  }

  private readSubgraphColor(text: string): boolean {
    const [, id, color] = SUBGRAPH_STROKE.exec(text) ?? [];
    const subgraph = this.subgraphs.find((candidate) => candidate.id === id);
    if (subgraph && color) subgraph.color = sixDigitColor(color.toLowerCase());
    return Boolean(subgraph && color);
  }

  private isClosedSubgraph(id: string): boolean {
    return (
      this.subgraphs.some((subgraph) => subgraph.id === id) && !this.open.some(({ subgraph }) => subgraph.id === id)
    );
  }

  private isEdgeData(text: string): boolean {
    const id = /^([\p{L}\p{N}_$]+)@\{/u.exec(text)?.[1];
    return id !== undefined && this.edgeIds.has(id);
  }

  private readNodesAndEdges(text: string, places: StatementPlaces): void {
    const chain = readChain(text);
    if ('error' in chain) {
      this.fail(places.at(chain.offset), chain.error);
      return;
    }
    const keyword = chain.nodes.find((node) => KEYWORD_IDS.has(/^\w+/.exec(node.id)?.[0] ?? ''));
    if (keyword) {
      const message = `'${keyword.id}' starts with a Mermaid keyword, so it cannot be a node's id: rename it.`;
      this.fail(places.at(keyword.offset), message);
      return;
    }
    const refused = chain.nodes.find((node) => node.whyNotOnANode !== undefined && !this.isClosedSubgraph(node.id));
    if (refused?.whyNotOnANode) {
      this.fail(places.at(refused.offset), refused.whyNotOnANode);
      return;
    }
    for (const node of chain.nodes) {
      const place = places.at(node.offset);
      this.mention(node, place);
      if (node.isDecision) this.noteDecision(node.id, place);
    }
    for (const { offset, ...edge } of chain.edges) this.edges.push({ ...edge, ...places.at(offset) });
    this.linksDrawn += chain.linksDrawn;
    for (const id of chain.edgeIds) this.edgeIds.add(id);
    for (const note of chain.notes) this.warn(places.at(note.offset), note.message);
    if (chain.classOffset !== undefined) this.warnOnce(places.at(chain.classOffset), STYLES_NOT_IMPORTED);
  }

  finish(title: string | undefined): FlowchartParse {
    for (const { subgraph } of this.open)
      this.fail(subgraph, `Subgraph '${subgraph.label}' is never closed with \`end\`.`);
    if (this.errors.length > 0) return { ok: false, errors: this.errors.sort(byPosition) };
    const subgraphIds = new Set(this.subgraphs.map((subgraph) => subgraph.id));
    const edges = this.edges.filter((edge) => {
      const isToSubgraph = subgraphIds.has(edge.from) || subgraphIds.has(edge.to);
      if (isToSubgraph) this.warn(edge, 'Links to or from a subgraph are not imported: link the nodes inside it.');
      return !isToSubgraph;
    });
    const nodes = [...this.nodes.values()].filter((node) => !subgraphIds.has(node.id));
    const flowchart: FlowchartDraft = { nodes, subgraphs: this.domainSubgraphs(nodes), edges };
    if (title) flowchart.title = title;
    return { ok: true, flowchart, warnings: this.warnings.sort(byPosition) };
  }

  /** Subgraphs but those that only frame others (no node of their own), which would be empty domains. */
  private domainSubgraphs(nodes: readonly DraftNode[]): DraftSubgraph[] {
    const withNodes = new Set(nodes.map((node) => node.subgraphId));
    const parents = new Set(this.subgraphs.map((subgraph) => subgraph.parentId));
    return this.subgraphs.filter((subgraph) => {
      const isFrame = !withNodes.has(subgraph.id) && parents.has(subgraph.id);
      if (isFrame) {
        const message = `Subgraph '${subgraph.label}' only holds other subgraphs: it frames them, so it is not imported as a domain.`;
        this.warn(subgraph, message);
      }
      return !isFrame;
    });
  }

  private noteDecision(id: string, place: TextPlace): void {
    if (this.decisionIds.has(id)) return;
    this.decisionIds.add(id);
    this.warn(place, `'${id}' is drawn as a decision (a diamond): it is read as a data product.`);
  }

  private openSubgraph(header: string, line: TextPlace): void {
    const read = subgraphHeader(header, this.subgraphs.length);
    // A refused header still opens a subgraph, so that its `end` is not refused too.
    if ('error' in read) this.fail(line, read.error);
    const { id, label } = 'error' in read ? { id: `subgraph-${this.subgraphs.length + 1}`, label: header } : read;
    const opened = this.subgraphs.find((subgraph) => subgraph.id === id);
    if (opened) {
      this.reopenSubgraph(opened, label, line);
      return;
    }
    const parent = this.open.at(-1)?.subgraph;
    const subgraph: DraftSubgraph = { id, label, ...line };
    if (parent) {
      subgraph.parentId = parent.id;
      this.warn(line, `Subgraph '${label}' is inside '${parent.label}': domains do not nest, so it becomes its own.`);
    }
    this.subgraphs.push(subgraph);
    this.open.push({ subgraph, mentions: [] });
  }

  /** Mermaid draws a subgraph id opened again as one frame, under its first title, holding the nodes of both. */
  private reopenSubgraph(subgraph: DraftSubgraph, label: string, line: TextPlace): void {
    const hasTitleOfItsOwn = label !== subgraph.id;
    if (hasTitleOfItsOwn && label !== subgraph.label) {
      const message = `Subgraph '${subgraph.id}' is opened again: its nodes join '${subgraph.label}', whose title Mermaid keeps.`;
      this.warn(line, message);
    }
    this.open.push({ subgraph, mentions: [] });
  }

  /**
   * Mermaid gives a subgraph its nodes when it closes, each node to the first subgraph closed that
   * mentions it: a subgraph nested in another takes the nodes both mention.
   */
  private closeSubgraph({ subgraph, mentions }: OpenSubgraph): void {
    const noted = new Set<string>();
    for (const { nodeId, place } of mentions) {
      const node = this.nodes.get(nodeId) as DraftNode;
      if (node.subgraphId === undefined) node.subgraphId = subgraph.id;
      else if (node.subgraphId !== subgraph.id && !noted.has(nodeId)) {
        noted.add(nodeId);
        const drawnIn = this.subgraphs.find((candidate) => candidate.id === node.subgraphId)?.label;
        this.warn(
          place,
          `'${nodeId}' is also in subgraph '${drawnIn}', where Mermaid draws it: it goes to that domain.`,
        );
      }
    }
  }

  private mention(node: NodeMention, place: TextPlace): void {
    this.open.at(-1)?.mentions.push({ nodeId: node.id, place });
    const known = this.nodes.get(node.id);
    if (!known) {
      const draft: DraftNode = { id: node.id, label: node.label ?? node.id, ...place };
      if (node.isDatabase) draft.isDatabase = true;
      this.nodes.set(node.id, draft);
      return;
    }
    if (node.label !== undefined) known.label = node.label;
    if (node.isDatabase === true) known.isDatabase = true;
    else if (node.isDatabase === false) delete known.isDatabase;
  }

  private fail({ line, column }: TextPlace, message: string): void {
    this.errors.push({ line, column, message });
  }

  private warn({ line, column }: TextPlace, message: string): void {
    this.warnings.push({ line, column, message });
  }

  /** Some statements come in dozens (one `style` per node): one note, at the first, says it. */
  private warnOnce(line: TextPlace, message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warn(line, `${message} (first at this line; later ones are skipped silently)`);
  }
}

/** What a chain says, each part at its offset in the statement's text. */
interface Chain {
  nodes: NodeMention[];
  edges: Array<{ from: string; to: string; label: string; names: string[]; offset: number }>;
  edgeIds: string[];
  notes: Array<{ message: string; offset: number }>;
  /** The links Mermaid draws of it: one per pair of nodes a link joins (`A & B --> C` two), invisible ones too. */
  linksDrawn: number;
  /** Where a node of it first has a class (`A:::src`). */
  classOffset?: number;
}

/** Why Mermaid would refuse a statement, at the offset of the token it is about. */
interface ChainError {
  error: string;
  offset: number;
}

/**
 * `A & B -->|x| C --> D`: the nodes mentioned and the edges between consecutive groups, or why
 * the statement is not one (as Mermaid would refuse it).
 */
function readChain(text: string): Chain | ChainError {
  const cursor: Cursor = { rest: text, textLength: text.length };
  const chain: Chain = { nodes: [], edges: [], edgeIds: [], notes: [], linksDrawn: 0 };
  let previous = readNodeGroup(cursor);
  if ('error' in previous) return previous;
  chain.nodes.push(...previous);
  while (cursor.rest.trim() !== '') {
    const comment = /^\s*(%%.*)$/s.exec(cursor.rest)?.[1];
    if (comment !== undefined)
      return { error: commentAfterStatement(text, comment), offset: text.length - comment.length };
    const edgeId = EDGE_ID.exec(cursor.rest);
    if (edgeId) {
      chain.edgeIds.push(edgeId[1] as string);
      cursor.rest = cursor.rest.slice(edgeId[0].length);
    }
    cursor.rest = cursor.rest.trimStart();
    const linkOffset = offsetOf(cursor);
    const link = readLink(cursor);
    if (link && 'error' in link) return link;
    const classAfterShapeData = text.slice(0, linkOffset).endsWith('}') && CLASS_SUFFIX.exec(cursor.rest)?.[0];
    if (!link && classAfterShapeData) {
      const node = previous.at(-1)?.id;
      const error = `Mermaid takes a node's class before its shape data, not after it: write \`${node}${classAfterShapeData}@{ … }\`.`;
      return { error, offset: linkOffset };
    }
    if (!link) {
      const error = `Not understood: ${excerpt(text)} (expected a link such as \`-->\` at \`${excerpt(cursor.rest.trim())}\`)`;
      return { error, offset: linkOffset };
    }
    if (cursor.rest.trim() === '') {
      const error = `\`${excerpt(text)}\` ends with a link to no node: add the node it goes to, or remove the link.`;
      return { error, offset: linkOffset };
    }
    const next = readNodeGroup(cursor);
    if ('error' in next) return next;
    chain.nodes.push(...next);
    const note = (message: string) => chain.notes.push({ message, offset: linkOffset });
    chain.linksDrawn += previous.length * next.length;
    if (link.isInvisible) note('Invisible links (`~~~`) only place nodes; they are not imported.');
    else {
      if (link.isBothWays) note('A link with arrows at both ends is imported as one link, left to right.');
      if (link.hasCircleOrCrossEnd)
        note('A link with a circle or cross end (`--o`, `--x`) is imported as a plain link.');
      for (const from of previous) {
        for (const to of next)
          chain.edges.push({ from: from.id, to: to.id, label: link.label, names: link.names, offset: linkOffset });
      }
    }
    previous = next;
  }
  return cursor.classOffset === undefined ? chain : { ...chain, classOffset: cursor.classOffset };
}

/** Mermaid drops only whole lines of comment before it parses: one after a statement is refused. */
/**
 * The first number of a `linkStyle` (`linkStyle 0,3 stroke:#f00`) that is no link drawn so far, as
 * Mermaid, which styles the link by that index, refuses the diagram then; `default` numbers none.
 */
function linkNumberNotDrawn(text: string, linksDrawn: number): { number: string; offset: number } | undefined {
  const numbers = /^(linkStyle\s+)(\S+)/.exec(text);
  if (!numbers || numbers[2] === 'default') return undefined;
  let offset = (numbers[1] as string).length;
  for (const number of (numbers[2] as string).split(',')) {
    if (!/^(0|[1-9]\d*)$/.test(number) || Number(number) >= linksDrawn) return { number, offset };
    offset += number.length + 1;
  }
  return undefined;
}

function commentAfterStatement(text: string, comment: string): string {
  const statement = text.slice(0, text.length - comment.length).trim();
  return `Mermaid takes a comment only on a line of its own: move \`${excerpt(comment.trim())}\` off the line of \`${excerpt(statement)}\`.`;
}

interface Cursor {
  rest: string;
  /** The length of the whole statement, of which `rest` is the end still to read. */
  textLength: number;
  /** Where a node so far first had a class (`A:::src`), which is not imported. */
  classOffset?: number;
}

/** How far into the statement the cursor has read. */
function offsetOf(cursor: Cursor): number {
  return cursor.textLength - cursor.rest.length;
}

/** A node as one mention writes it; a later mention may give it a label or a shape. */
/** `isDatabase` is told only by a mention that draws the node's shape: Mermaid draws the shape given last. */
type NodeMention = {
  id: string;
  offset: number;
  label?: string;
  isDatabase?: boolean;
  isDecision?: boolean;
  /** Why Mermaid refuses its shape data, unless the id is a subgraph's it has closed. */
  whyNotOnANode?: string;
};

/** Mermaid's names for the decision diamond (`A{…}`), a branch a mesh has no element for. */
const DECISION_SHAPES = new Set(['diam', 'diamond', 'decision', 'question']);

/**
 * Mermaid's storage shapes, by their names and aliases (its shape list's Database, Direct Access
 * Storage, Disk Storage, Internal Storage, Stored Data and a data flow diagram's Data Store): where
 * a mesh keeps data outside its products, an operational system.
 */
const STORAGE_SHAPES = new Set([
  'cyl',
  'cylinder',
  'db',
  'database',
  'h-cyl',
  'das',
  'horizontal-cylinder',
  'lin-cyl',
  'disk',
  'lined-cylinder',
  'win-pane',
  'internal-storage',
  'window-pane',
  'bow-rect',
  'stored-data',
  'bow-tie-rectangle',
  'datastore',
  'data-store',
]);

function readNodeGroup(cursor: Cursor): NodeMention[] | ChainError {
  const group: NodeMention[] = [];
  for (;;) {
    cursor.rest = cursor.rest.trimStart();
    const offset = offsetOf(cursor);
    const node = readNode(cursor, offset);
    if (typeof node === 'string') return { error: node, offset };
    group.push(node);
    const ampersand = /^\s*&\s*/.exec(cursor.rest);
    if (!ampersand) return group;
    cursor.rest = cursor.rest.slice(ampersand[0].length);
  }
}

function readNode(cursor: Cursor, offset: number): NodeMention | string {
  const id = NODE_ID.exec(cursor.rest)?.[0];
  if (!id)
    return cursor.rest === ''
      ? 'Not understood: expected a node at the end of the line.'
      : `Not understood: expected a node at \`${excerpt(cursor.rest)}\`.`;
  cursor.rest = cursor.rest.slice(id.length);
  let isDatabase = cursor.rest.startsWith('[(');
  let isDecision = cursor.rest.startsWith('{') && !cursor.rest.startsWith('{{');
  let label = readShapeText(cursor, id);
  if (typeof label === 'object') return label.error;
  let isShaped = label !== undefined;
  // Mermaid takes a class before the shape data (`A:::hot@{ … }`), not after it.
  const classSuffix = CLASS_SUFFIX.exec(cursor.rest);
  if (classSuffix) {
    cursor.classOffset ??= offsetOf(cursor);
    cursor.rest = cursor.rest.slice(classSuffix[0].length);
  }
  if (cursor.rest.startsWith('@{')) {
    const data = readShapeData(cursor, id);
    if (data === null) return `The shape data of '${id}' (\`@{\`) is never closed with \`}\`.`;
    if ('error' in data) return data.error;
    if ('whyNotOnANode' in data) return { id, offset, whyNotOnANode: data.whyNotOnANode };
    label = data.label ?? label;
    if (data.shape !== undefined) {
      isShaped = true;
      isDatabase = STORAGE_SHAPES.has(data.shape);
      isDecision = DECISION_SHAPES.has(data.shape);
    }
  }
  return {
    id,
    offset,
    ...(label !== undefined && { label: cleanLabel(label) }),
    ...(isShaped && { isDatabase }),
    ...(isDecision && { isDecision }),
  };
}

/**
 * The text inside `[…]`, `(…)`, `{…}` and the other shape brackets (undefined when none), or why
 * Mermaid would refuse it: a bracket never closed, or brackets and quotes in a label not in quotes.
 */
function readShapeText(cursor: Cursor, id: string): string | undefined | { error: string } {
  const shape = SHAPES.find(([opening]) => cursor.rest.startsWith(opening));
  if (!shape) return undefined;
  const [opening, closings] = shape;
  const inside = cursor.rest.slice(opening.length);
  const quoted = /^"([^"]*)"\s*/.exec(inside);
  const searchFrom = quoted ? quoted[0].length : 0;
  const ends = closings
    .map((closing) => ({ closing, at: inside.indexOf(closing, searchFrom) }))
    .filter((end) => end.at >= 0);
  const end = ends.sort((a, b) => a.at - b.at)[0];
  if (!end) return { error: `The label of '${id}' is never closed: \`${opening}\` needs its \`${closings[0]}\`.` };
  cursor.rest = inside.slice(end.at + end.closing.length);
  if (quoted && end.at === quoted[0].length) return `"${quoted[1]}"`;
  const text = inside.slice(0, end.at);
  // Mermaid joins text written after the quotes to them (`["x" y]` is `x y`), read as any text outside quotes.
  if (quoted) {
    const [, inQuotes = ''] = quoted;
    const after = text.slice(inQuotes.length + 2);
    if (UNQUOTED_LABEL_BREAKERS.test(after))
      return { error: `The label of '${id}' goes on after its quotes: put all of it in quotes.` };
    return `${inQuotes}${after}`;
  }
  if (isUnquotedWithBreakers(text))
    return {
      error: `The label of '${id}' holds brackets or quotes: put it in quotes, as ${id}${opening}"…"${end.closing}.`,
    };
  return text;
}

/** `@{ shape: rect, label: "data product" }` up to its `}` (not one in double quotes, as Mermaid ends it), or null if there is none. */
function readShapeData(cursor: Cursor, id: string): ShapeData | null {
  let at = 2;
  let isQuoted = false;
  for (; at < cursor.rest.length; at++) {
    const character = cursor.rest[at];
    if (character === '"') isQuoted = !isQuoted;
    else if (character === '}' && !isQuoted) break;
  }
  if (at >= cursor.rest.length) return null;
  const body = cursor.rest.slice(2, at);
  cursor.rest = cursor.rest.slice(at + 1);
  return readShapeDataText(id, body);
}

interface Link {
  label: string;
  names: string[];
  isInvisible: boolean;
  isBothWays: boolean;
  /** `--o`, `--x`, `o--o`: Mermaid draws a circle or a cross at an end, which a mesh link has no word for. */
  hasCircleOrCrossEnd: boolean;
}

/** Whether a link written as `start` and `end` (`o`, `--o`) has a circle or cross at either end. */
function isCircleOrCross(start: string | undefined, end: string): boolean {
  return start === 'o' || start === 'x' || /[ox]$/.test(end);
}

/**
 * `-->`, `---`, `-.->`, `==>`, `--o`, `<-->`, `~~~`, with `|label|` after or `-- label -->` inside;
 * null if there is none, or why Mermaid would refuse its label.
 */
function readLink(cursor: Cursor): Link | ChainError | null {
  const rest = cursor.rest.trimStart();
  const offset = cursor.textLength - rest.length;
  const link = LINK.exec(rest);
  if (link) {
    cursor.rest = rest.slice(link[0].length);
    const pipe = PIPE_LABEL.exec(cursor.rest);
    if (pipe) cursor.rest = cursor.rest.slice(pipe[0].length);
    const label = pipe?.[1] ?? '';
    if (isUnquotedWithBreakers(label))
      return { error: `The link label |${label}| holds brackets: put it in quotes, as |"…"|.`, offset };
    return {
      ...labelAndNames(label),
      isInvisible: (link[2] as string).startsWith('~'),
      isBothWays: link[1] === '<' && (link[2] as string).endsWith('>'),
      hasCircleOrCrossEnd: isCircleOrCross(link[1], link[2] as string),
    };
  }
  const textStart = TEXT_LINK_START.exec(rest);
  if (!textStart) return null;
  const start = textStart[2] as string;
  const afterStart = rest.slice(textStart[0].length);
  const quoted = /^\s*"[^"]*"/.exec(afterStart)?.[0] ?? '';
  const end = (TEXT_LINK_ENDS[start] as RegExp).exec(afterStart.slice(quoted.length));
  if (!end) return null;
  const endAt = quoted.length + end.index;
  const unreadable = (NOT_IN_LINK_TEXT[start] as RegExp).exec(afterStart.slice(quoted.length, endAt));
  if (unreadable) {
    const text = afterStart.slice(0, endAt).replaceAll('"', '').replace(/\s+/g, ' ').trim();
    const error = `Mermaid cannot read \`${unreadable[0]}\` in the text of a \`${start} … ${end[1]}\` link: put the text in quotes, as \`${start} "${text}" ${end[1]}\`.`;
    return { error, offset: offset + textStart[0].length + quoted.length + unreadable.index };
  }
  cursor.rest = afterStart.slice(endAt + end[0].length);
  return {
    ...labelAndNames(afterStart.slice(0, endAt)),
    isInvisible: false,
    isBothWays: textStart[1] === '<',
    hasCircleOrCrossEnd: isCircleOrCross(textStart[1], end[1] as string),
  };
}

/**
 * A subgraph's id and title, or why Mermaid refuses its header: its title in brackets is read as a
 * node's label is, and one without brackets may hold no bracket, quote or `|` out of quotes.
 */
function subgraphHeader(header: string, index: number): { id: string; label: string } | { error: string } {
  const autoId = `subgraph-${index + 1}`;
  const withLabel = /^([\p{L}\p{N}_$.-]+)\s*(\[.*)$/u.exec(header);
  if (withLabel) {
    const id = withLabel[1] as string;
    const cursor: Cursor = { rest: withLabel[2] as string, textLength: header.length };
    const title = /^\[[^([/\\]/.test(cursor.rest) ? readShapeText(cursor, id) : undefined;
    if (typeof title === 'object') return title;
    if (title === undefined || cursor.rest.trim() !== '')
      return { error: `The title of subgraph '${id}' holds brackets or quotes: put it in quotes, as ${id}["…"].` };
    return { id, label: cleanLabel(title) || id };
  }
  if (header === '') return { id: autoId, label: `Subgraph ${index + 1}` };
  if (isUnquotedWithBreakers(header))
    return { error: `The title of subgraph '${header}' holds brackets or quotes: put it in quotes, as subgraph "…".` };
  const label = cleanLabel(header);
  return { id: NODE_ID.exec(header)?.[0] === header ? header : autoId, label };
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: ' ' };
const ENTITY_START = '\uE000';
const ENTITY_END = '\uE001';
const PROTECTED_ENTITY = new RegExp(`${ENTITY_START}(\\w+)${ENTITY_END}`, 'g');
/** Mermaid's lines of a `style` or `classDef` with a colour (`fill:#f9f;`), whose last `;` it drops before reading entity codes. */
const LINES_WITH_STYLE_COLORS = [/style.*:\S*#.*;/g, /classDef.*:\S*#.*;/g];
const STYLE_STATEMENT = /^(classDef|style|linkStyle)\s/;

/** What Mermaid's lexer refuses in a style: a bracket, a quote, `|`, `&`, `:::`, a link, or an entity code (its name caught). */
const NOT_IN_A_STYLE = new RegExp(
  `[[\\](){}"|&]|:::|<?(?:-{2,}[->ox]|={2,}[=>ox]|-?\\.+-[>ox]?|~{3,}|(?:--|==|-\\.)\\s)|${ENTITY_START}(\\w+)${ENTITY_END}`,
);

/**
 * Entity codes (`#quot;`, `#59;`) set aside first, as Mermaid does, so their `;` ends no statement.
 * Like Mermaid, the last `;` of a line with a style colour is dropped before (a space keeps the columns).
 */
function protectEntityCodes(text: string): string {
  const withStyleEndsDropped = LINES_WITH_STYLE_COLORS.reduce(
    (result, line) => result.replace(line, (matched) => `${matched.slice(0, -1)} `),
    text,
  );
  return withStyleEndsDropped.replace(/#(\w+);/g, `${ENTITY_START}$1${ENTITY_END}`);
}

export function decodeEntity(name: string): string {
  if (/^\d+$/.test(name)) return characterOfCode(name);
  return NAMED_ENTITIES[name.toLowerCase()] ?? `#${name};`;
}

/** A label as the reader sees it: quotes, a quoted label's markdown backticks, `<br>`, HTML tags, icons and entity codes (`#quot;`, `#35;`) undone. */
function cleanLabel(raw: string): string {
  return withCodesDecoded(shownWithCodes(raw));
}

/** An arrow written as one, a word of its own (a name's own arrow the logical view writes as `#8594;`). */
const WRITTEN_ARROW = /(?<=^|\s)→(?=\s|$)/;

/** An edge's label as the reader sees it, and its names apart at each arrow written as one. */
function labelAndNames(raw: string): { label: string; names: string[] } {
  const shown = shownWithCodes(raw);
  return { label: withCodesDecoded(shown), names: shown.split(WRITTEN_ARROW).map(withCodesDecoded) };
}

/** As `cleanLabel`, Mermaid's entity codes still set aside, so that what they write can be told from what is written. */
function shownWithCodes(raw: string): string {
  let label = raw.trim();
  const isQuoted = label.length >= 2 && label.startsWith('"') && label.endsWith('"');
  if (isQuoted) label = label.slice(1, -1).trim();
  // Only a quoted label is markdown (`"`**bold**`"`); elsewhere Mermaid shows backticks as written.
  if (isQuoted && label.length >= 2 && label.startsWith('`') && label.endsWith('`')) {
    label = withoutEmphasis(label.slice(1, -1).trim());
  }
  // A break (`<br/>`, or a YAML label's line end) right after `.`, `/`, `_` or `-` is inside a
  // name (see mermaidLines), as is one the app's logical view cut a word with; others part words.
  const unbroken = label
    .replaceAll(CUT_INSIDE_WORD, '')
    .replace(/([./_-])(?:<br\s*\/?>|\n)/gi, '$1')
    .replace(/<br\s*\/?>|\n/gi, ' ');
  // Labels are HTML where Mermaid draws them: the browser shows `&amp;` as `&`. Mermaid's own
  // codes become references only after that, so `#38;amp;` shows as `&amp;`, decoded once.
  return withoutMarkup(unbroken).replace(/&(#\d+|\w+);/g, (entity, name: string) => {
    const decoded = decodeEntity(name.replace(/^#/, ''));
    return decoded.startsWith('#') ? entity : decoded;
  });
}

function withCodesDecoded(shown: string): string {
  return shown
    .replace(PROTECTED_ENTITY, (_, name: string) => decodeEntity(name))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A markdown string's text as Mermaid shows it: `**bold**`, `__bold__`, `*italic*` and `_italic_` as plain words (`order_items` stays). */
function withoutEmphasis(markdown: string): string {
  return markdown
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1');
}

/** Mermaid's `--- title: … ---` block: its title, which Mermaid shows as written, names a new design. */
function withoutFrontMatter(text: string): { body: string; title?: string; firstLine: number } {
  const match = /^\s*---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { body: text, firstLine: 1 };
  const titleLine = /^title:\s*(.*)$/m.exec(match[1] as string)?.[1]?.trim();
  const title = titleLine ? titleAsWritten(yamlScalar(titleLine)) : undefined;
  const linesBefore = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  const body = text.slice(match[0].length);
  return title ? { body, title, firstLine: linesBefore + 1 } : { body, firstLine: linesBefore + 1 };
}

/** A one-line YAML scalar: `"double"` (JSON escapes), `'single'` or plain. */
function yamlScalar(text: string): string {
  if (text.startsWith('"')) {
    try {
      return String(JSON.parse(text));
    } catch {
      return text.slice(1, -1);
    }
  }
  return text.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
}

/** A link ending a line (`A -->`, `A -- text -->`, not `A -->|text|`): Mermaid takes its node from the next line. */
const LINK_AT_LINE_END = /(?:^|[^-=.~<])(?:<|o|x)?(?:-{2,}[->ox]|={2,}[=>ox]|-?\.+-[>ox]?|~{3,})\s*$/;

/**
 * The text as statements with their line: split at line ends and `;`, comments dropped. A `;`
 * or a line end inside quotes, brackets, `|…|` or a link's text is the label's own, as Mermaid
 * reads it, so a statement still open there (an `@{ … }` over several lines) goes on on the next
 * line, as does one ending with a link. One pass: a bracket never closed costs no more than one closed.
 */
function splitStatements(text: string, firstLine: number): Statement[] {
  const statements: Statement[] = [];
  const scan: Scan = { depth: 0, isQuoted: false, isPiped: false, recent: '' };
  const isOpen = () => scan.isQuoted || scan.isPiped || scan.depth > 0 || scan.linkText !== undefined;
  let current = '';
  let places = new StatementPlaces();
  let openedAt: Unclosed | undefined;
  let isLinkOpen = false;
  const statementOf = (unclosed?: Unclosed): Statement => {
    const leadingSpace = current.length - current.trimStart().length;
    const statement: Statement = {
      text: current.trim(),
      places: places.shifted(leadingSpace),
      endsWithSpace: /[ \t]$/.test(current),
    };
    return unclosed ? { ...statement, unclosed } : statement;
  };
  const scanWithOpening = (character: string, line: number, column: number) => {
    const wasOpen = isOpen();
    scanCharacter(scan, character);
    if (wasOpen || !isOpen()) return;
    // A link's text opens on the character after its start, which is the place to point at.
    const linkStart = scan.linkText;
    openedAt = linkStart === undefined ? { line, column } : { line, column: column - linkStart.length, linkStart };
  };
  const flush = () => {
    if (current.trim() !== '') statements.push(statementOf());
    current = '';
    places = new StatementPlaces();
    isLinkOpen = false;
  };
  text.split('\n').forEach((rawLine, index) => {
    const line = firstLine + index;
    const trimmed = rawLine.trim();
    // Mermaid drops a line of comment before it reads, even one inside a label or a link's text.
    if (trimmed.startsWith('%%') && !trimmed.startsWith('%%{')) return;
    if (isOpen()) current += '\n';
    else if (trimmed === '') return;
    else if (isLinkOpen) current += ' ';
    let column = 1;
    for (const character of rawLine) {
      if (character === ';' && !isOpen()) flush();
      else {
        places.startPiece(current.length, { line, column });
        current += character;
        scanWithOpening(character, line, column);
      }
      column += character.length;
    }
    // The line end is read as Mermaid reads it: a space that may start a link's text (`A --`).
    scanWithOpening('\n', line, column);
    if (isOpen()) return;
    scan.recent = '';
    isLinkOpen = LINK_AT_LINE_END.test(current);
    if (!isLinkOpen) flush();
  });
  if (isOpen()) statements.push(statementOf(openedAt));
  else flush();
  return statements;
}

interface Scan {
  depth: number;
  isQuoted: boolean;
  isPiped: boolean;
  /** The start (`--`, `==`, `-.`) of the link whose text is being read: a `|`, a bracket or a `;` in it is the text's own. */
  linkText?: string;
  /** The last characters read on the line outside quotes, which tell a link's text from a link. */
  recent: string;
}

/** Follows quotes, brackets, `|…|` and links' texts through a statement, one character at a time. */
function scanCharacter(scan: Scan, character: string): void {
  if (character === '"') scan.isQuoted = !scan.isQuoted;
  if (scan.isQuoted || character === '"') return;
  const recent = scan.recent + character;
  scan.recent = recent.slice(-3);
  if (scan.linkText !== undefined) {
    if ((LINK_TEXT_END[scan.linkText] as RegExp).test(recent)) scan.linkText = undefined;
    return;
  }
  if (scan.depth === 0 && !scan.isPiped) {
    scan.linkText = LINK_TEXT_STARTS.find(([, start]) => start.test(recent))?.[0];
    if (scan.linkText !== undefined) return;
  }
  if ('[({'.includes(character)) scan.depth++;
  else if (')]}'.includes(character)) scan.depth = Math.max(0, scan.depth - 1);
  else if (character === '|' && scan.depth === 0) scan.isPiped = !scan.isPiped;
}

function isUnquotedWithBreakers(label: string): boolean {
  return !/^\s*"[^"]*"\s*$/.test(label) && UNQUOTED_LABEL_BREAKERS.test(label);
}

function refuse({ line, column }: TextPlace, message: string): FlowchartParse {
  return { ok: false, errors: [{ line, column, message }] };
}
