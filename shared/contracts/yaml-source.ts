import {
  type Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  type YAMLError,
} from 'yaml';
import { DOCUMENT_PATH, formatPath, formatPlacedProblem, type Problem } from '../model/problem';
import type { PathProblem, PathSegment } from './path-problem';
import type { ProblemRepair } from './problem-repair';
import type { TextRange } from './text-range';
import { echoesMisalignedKey, misalignedKey } from './yaml-misaligned-key';
import { echoesUnclosedFlow, type UnclosedFlow, unclosedFlow } from './yaml-unclosed-flow';
import { unclosedQuote } from './yaml-unclosed-quote';
import { type PlainScalar, yaml12ReadingHint } from './yaml12-reading-hint';

export type { TextRange } from './text-range';

/** A problem with the place in the text where it is. */
export interface LocatedProblem extends Problem, TextRange {
  repair?: ProblemRepair;
}

export type LocatedResult<T> = { ok: true; value: T } | { ok: false; errors: LocatedProblem[] };

export interface YamlSource {
  text: string;
  /** The parsed value, or undefined when the text has syntax errors. */
  value: unknown;
  syntaxErrors: LocatedProblem[];
  /**
   * When duplicate keys are the only syntax errors, what the text reads as with each such key
   * taking its last value (as PyYAML and the YAML 1.2 readers that accept duplicates do), so the
   * text's other problems can be found; the duplicates stay errors.
   */
  valueDespiteDuplicateKeys?: unknown;
  /** The text of the node at `path`, or of its nearest ancestor when the path does not exist. */
  locate(path: readonly PathSegment[], target?: PathProblem['target']): TextRange;
  /** The value at `path` where it is written as a plain (unquoted) scalar. */
  plainScalarAt(path: readonly PathSegment[]): PlainScalar | undefined;
}

export const DOCUMENT_START: TextRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };
/** Bounds alias expansion, so a few lines of YAML cannot blow up into gigabytes. */
const MAX_ALIAS_COUNT = 100;

/** Parses YAML keeping where every node is, so problems found later can be shown at their line. */
export function readYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  // Merge keys (`<<`) are YAML 1.1's; PyYAML and SnakeYAML merge them, so the app reads them alike.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  const rangeOf = ([start, end]: readonly [number, number]): TextRange => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(end);
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };

  /** The node at `path`, or its nearest ancestor, with its key and how many segments were found. */
  const nodeAt = (path: readonly PathSegment[]) => {
    let node: unknown = document.contents;
    let key: unknown;
    let depth = 0;
    for (const segment of path) {
      const child = childOf(node, segment);
      if (!child) break;
      ({ node, key } = child);
      depth++;
    }
    return { node, key, isFound: depth === path.length };
  };

  const locate: YamlSource['locate'] = (path, target = 'value') => {
    const { node, key, isFound } = nodeAt(path);
    const pointsAtKey = target === 'key' && isFound && key !== undefined;
    const offsets = spanOf(pointsAtKey ? key : node);
    return offsets ? rangeOf(offsets) : DOCUMENT_START;
  };

  const plainScalarAt: YamlSource['plainScalarAt'] = (path) => {
    const { node, isFound } = nodeAt(path);
    // An empty value has no text to explain how it was read.
    if (!isFound || !isScalar(node) || node.type !== Scalar.PLAIN || !node.source) return undefined;
    return { source: node.source, value: node.value };
  };

  const misalignedKeys: TextRange[] = [];
  const unclosedFlows: UnclosedFlow[] = [];
  // Running out of stack is reported wherever the reader gave up, which can be more than once: say it once.
  const syntaxErrors = onceEach(
    document.errors
      .filter(
        (error, index, errors) =>
          error.code !== 'RESOURCE_EXHAUSTION' || errors.findIndex(({ code }) => code === error.code) === index,
      )
      .flatMap((error): LocatedProblem[] => {
        if (echoesUnclosedFlow(error, unclosedFlows)) return [];
        const unclosed = unclosedFlow(error, document, text);
        if (unclosed) {
          unclosedFlows.push(unclosed);
          const { message, span, repair } = unclosed;
          return [{ path: DOCUMENT_PATH, message, ...rangeOf(span), ...(repair && { repair }) }];
        }
        const quoted = unclosedQuote(error, text);
        if (quoted)
          return [{ path: DOCUMENT_PATH, message: quoted.message, ...rangeOf(quoted.span), repair: quoted.repair }];
        const errorLine = rangeOf(error.pos).line;
        if (echoesMisalignedKey(error.code, errorLine, text, misalignedKeys)) return [];
        const misaligned = misalignedKey(error.code, errorLine, text);
        if (misaligned) {
          misalignedKeys.push(misaligned.range);
          return [{ path: DOCUMENT_PATH, message: misaligned.message, ...misaligned.range }];
        }
        return [{ path: DOCUMENT_PATH, message: syntaxErrorMessage(error, text), ...rangeOf(markedSpan(error, text)) }];
      }),
  );
  if (syntaxErrors.length > 0) {
    const hasOnlyDuplicateKeys = document.errors.every((error) => error.code === 'DUPLICATE_KEY');
    const despite = hasOnlyDuplicateKeys ? plainValueOf(document) : undefined;
    const valueDespiteDuplicateKeys = despite?.ok ? despite.value : undefined;
    return { text, value: undefined, syntaxErrors, valueDespiteDuplicateKeys, locate, plainScalarAt };
  }
  const read = plainValueOf(document);
  if (!read.ok) return { text, value: undefined, syntaxErrors: [read.error], locate, plainScalarAt };
  return { text, value: read.value, syntaxErrors, locate, plainScalarAt };
}

/** Each problem once: the reader may say one cause in two errors (a key further in than its siblings). */
function onceEach(problems: LocatedProblem[]): LocatedProblem[] {
  return problems.filter(
    (problem, index) =>
      problems.findIndex((other) => formatLocatedProblem(other) === formatLocatedProblem(problem)) === index,
  );
}

/** The document as plain values; a later duplicate key overwrites an earlier one. */
function plainValueOf(document: Document.Parsed): { ok: true; value: unknown } | { ok: false; error: LocatedProblem } {
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    return { ok: false, error: { path: DOCUMENT_PATH, message: (error as Error).message, ...DOCUMENT_START } };
  }
}

/** The parser's message, in words that say what to fix where its own do not. */
function syntaxErrorMessage(error: YAMLError, text: string): string {
  switch (error.code) {
    // Its own words name its API (`YAML.parseAllDocuments()`).
    case 'MULTIPLE_DOCS':
      return 'expected one YAML document; a second one starts here, after ---';
    // Its own words do not say which key.
    case 'DUPLICATE_KEY': {
      const key = duplicateKeyText(error, text);
      return `the key ${key ? `'${key}' ` : ''}appears twice in this mapping; keys must be unique`;
    }
    // The reader recurses into nested collections; its own words are the engine's.
    case 'RESOURCE_EXHAUSTION':
      return 'nested too deeply: the YAML reader ran out of stack here';
    default:
      return error.message;
  }
}

/** The duplicate key as written (quotes kept), where the reader's error starts. */
function duplicateKeyText(error: YAMLError, text: string): string | undefined {
  return /^("[^"\n]*"|'[^'\n]*'|[^:,}\n]*)/.exec(text.slice(duplicateKeyStart(error, text)))?.[1]?.trim();
}

/**
 * Where the duplicate key starts. After a key left without a value (`classification: ` while
 * typing) the reader's error starts where that empty value does, at the end of the line before,
 * so the blank space and comments up to the key are skipped.
 */
function duplicateKeyStart(error: YAMLError, text: string): number {
  const start = error.pos[0];
  const gap = /^(?:\s+(?:#[^\n]*)?)*/.exec(text.slice(start))?.[0] ?? '';
  return start + gap.length;
}

/** Where the error is in the text: the reader marks a duplicate key's first character only, so the whole key is taken. */
function markedSpan(error: YAMLError, text: string): [number, number] {
  const [start, end] = error.pos;
  const key = error.code === 'DUPLICATE_KEY' ? duplicateKeyText(error, text) : undefined;
  if (!key) return [start, end];
  const keyStart = duplicateKeyStart(error, text);
  return [keyStart, Math.max(end, keyStart + key.length)];
}

/** A problem placed in the text, its message saying how YAML 1.2 read a plain value where that explains it. */
export function locateProblem(source: YamlSource, problem: PathProblem): LocatedProblem {
  const { path, message, target, repair } = problem;
  const scalar = target === 'key' ? undefined : source.plainScalarAt(path);
  const hint = scalar && yaml12ReadingHint(message, scalar);
  return {
    path: formatPath(path),
    message: hint ? `${message} (${hint})` : message,
    ...source.locate(path, target),
    ...(repair && { repair }),
  };
}

/** Reads like a compiler message: `12:7 schema[0].name: must be string`. */
export function formatLocatedProblem(problem: LocatedProblem): string {
  return formatPlacedProblem(problem, problem);
}

function childOf(node: unknown, segment: PathSegment): { node: unknown; key?: unknown } | undefined {
  if (isMap(node)) {
    // A duplicated key reads as its last value (plainValueOf), so its problems are there.
    const pair = node.items.findLast((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair && { node: pair.value ?? pair.key, key: pair.key };
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

/** Where a node starts; a collection is shown by its first entry, not by all its lines. */
function spanOf(node: unknown): readonly [number, number] | undefined {
  if (isMap(node) && node.items[0]) return spanOf(node.items[0].key);
  if (isSeq(node) && node.items[0]) return spanOf(node.items[0]);
  if (isNode(node) && node.range) return [node.range[0], node.range[1]];
  return undefined;
}
