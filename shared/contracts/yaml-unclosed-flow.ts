import { type Document, isCollection, isPair, visit, type YAMLError } from 'yaml';
import type { ProblemRepair } from './problem-repair';

/** The parser's codes for a flow collection (`[a, b]`, `{a: 1}`) that ends before its closing bracket. */
const UNCLOSED_CODES = new Set(['BAD_INDENT', 'MISSING_CHAR']);
const UNCLOSED_MESSAGE = /^Flow (sequence|map)\b/;
/** The parser's codes for the lines after an unclosed flow collection, which it no longer reads as keys. */
const ECHO_CODES = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_IN_FLOW']);

/** A flow list or mapping whose closing bracket the reader did not find: said at its opening bracket. */
export interface UnclosedFlow {
  message: string;
  /** Offsets of the text marked: from the opening bracket to the end of its last item. */
  span: [number, number];
  repair?: ProblemRepair;
}

/**
 * The flow collection an error of the YAML reader says is unclosed ("Flow sequence in block
 * collection must be sufficiently indented and end with a ]", given where the next line
 * starts): said at its opening bracket, with the repair that closes it. Undefined where the
 * error is something else.
 */
export function unclosedFlow(error: YAMLError, document: Document.Parsed, text: string): UnclosedFlow | undefined {
  const kind = UNCLOSED_MESSAGE.exec(error.message)?.[1];
  if (!UNCLOSED_CODES.has(error.code) || !kind) return undefined;
  const [opener, closer, noun] = kind === 'sequence' ? ['[', ']', 'list'] : ['{', '}', 'mapping'];
  const collection = outermostFlowEndingAt(document, text, opener, error.pos[0]);
  if (!collection) return undefined;
  const { start, lastItemEnd } = collection;
  const span: [number, number] = [start, lastItemEnd ?? start + 1];
  // A closer on the line where the reader stopped: the list goes on there, only indented too little.
  if (
    lineAt(text, error.pos[0])
      .replace(/\s#.*$/, '')
      .includes(closer)
  ) {
    return {
      message: `this ${noun} opened with ${opener} goes on at a line not indented further than its key; indent its lines further`,
      span,
    };
  }
  return {
    message: `this ${noun} opened with ${opener} is never closed; end it with ${closer}`,
    span,
    repair: {
      kind: 'replace-marked-text',
      text: `${text.slice(...span)}${closer}`,
      title: `Close the ${noun} with ${closer}`,
    },
  };
}

/**
 * Whether the reader's error only echoes an unclosed flow collection found before it: the
 * lines after one no longer read as keys ("Nested mappings are not allowed in compact mappings").
 */
export function echoesUnclosedFlow(error: YAMLError, found: readonly UnclosedFlow[]): boolean {
  return ECHO_CODES.has(error.code) && found.some(({ span: [start] }) => start < error.pos[0]);
}

/** The outermost flow collection opened with `opener` whose reading stopped at `end`, with where its last item ends. */
function outermostFlowEndingAt(
  document: Document.Parsed,
  text: string,
  opener: string,
  end: number,
): { start: number; lastItemEnd?: number } | undefined {
  let found: { start: number; lastItemEnd?: number } | undefined;
  visit(document, (_key, node) => {
    if (!isCollection(node) || !node.flow || !node.range) return undefined;
    const [start, readTo] = node.range;
    // A pair in a flow list (`[a: 1]`) is a flow mapping of its own, without a bracket.
    if (readTo !== end || text[start] !== opener) return undefined;
    const last = node.items.at(-1);
    const lastNode = isPair(last) ? (last.value ?? last.key) : last;
    const lastRange = (lastNode as { range?: [number, number, number] } | undefined)?.range;
    found = { start, ...(lastRange && { lastItemEnd: lastRange[1] }) };
    // The outermost comes first; the collections inside it end where it does.
    return visit.BREAK;
  });
  return found;
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? undefined : end);
}
