import { isAlias, isMap, isPair, isSeq, Lexer, parseDocument, Scalar, visit } from 'yaml';
import { scalarText } from '../export/yaml-text';
import type { PathSegment } from './path-segment';
import { documentPathOfNode } from './yaml-node-path';

/** Words YAML 1.1 reads as booleans (or as merge and value keys) and YAML 1.2 as strings. */
const WORD = '[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|=|<<';
/** A number-like value with what only one of the versions reads as a number, date or time: `1_000`, `12:30`, `1e3`, `0b1`, `0o7`, `2024-01-01`. */
// The marker is looked for ahead, so a long token costs one pass, not one per split of it.
const NUMBER_LIKE = String.raw`[-+]?\.?[0-9](?=[^\s,\]}#]*[_:eEbBoOxX-])[^\s,\]}#]*`;
/** A leading zero: octal in YAML 1.1, decimal in 1.2. */
const LEADING_ZERO = String.raw`[-+]?0[0-9][^\s,\]}#]*`;
/** A signed fraction without a leading digit: a number in YAML 1.2, a string in 1.1 (`+.5`). */
const SIGNED_FRACTION = String.raw`[-+]\.[0-9][^\s,\]}#]*`;
/** A date and a time: a YAML 1.1 timestamp, also with spaces before its time zone (`2001-12-14 21:59:43.10 -5`). */
const DATE_TIME = String.raw`[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9]`;
/**
 * A whole plain value (after a space, a line start or a flow indicator, up to a line end, a
 * comment, a flow indicator or `: `) that one of the patterns above matches, or the start of a
 * date and time, which may hold spaces. Every value the versions read differently matches;
 * most contracts have none, and are spared a parse.
 */
const MAYBE_READ_OTHERWISE = new RegExp(
  String.raw`(?:^|[\s\[{,])(?:(?:${WORD}|${NUMBER_LIKE}|${LEADING_ZERO}|${SIGNED_FRACTION})(?=[ \t\r]*(?:$|[,\]}#]|:\s))|${DATE_TIME})`,
  'm',
);
/** What YAML 1.1 readers take for line breaks, in any scalar: NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAK_LOOKALIKE = /[\u0085\u2028\u2029]/;
const LINE_BREAK_LOOKALIKES = new RegExp(LINE_BREAK_LOOKALIKE.source, 'g');

/** What the lexer inserts between tokens (document start, flow end, scalar start): not in the text. */
const LEXER_CONTROL = new Set(['\x02', '\x18', '\x1f']);

/**
 * The user's YAML with every plain scalar a YAML 1.1 reader (PyYAML, SnakeYAML) would read
 * differently written so that it reads alike: `unit: y` becomes `unit: "y"`, `on:` becomes
 * `"on":`, `0755` becomes `755` (a merge key, `<<: *common`, stays plain), and a tab between tokens (`status:<tab>active`, before a
 * comment, at a line's end), which PyYAML refuses, becomes a space. A scalar holding what
 * YAML 1.1 takes for a line break (U+0085, U+2028, U+2029) is escaped, and in a comment such a
 * character becomes a space. Every other byte
 * (comments, order, quoting, blank lines) is kept. Text that does not parse is returned as
 * it is: the validation reports it.
 */
export function quotedForYaml11(text: string): string {
  const rewrites = yaml11Rewrites(text);
  if (rewrites === undefined) return text;
  const hasTabs = text.includes('\t');
  const quoted = rewrites.reduceRight(
    (result, splice) => result.slice(0, splice.start) + splice.text + result.slice(splice.end),
    text,
  );
  // Every scalar holding one is escaped now: what is left is in comments, where PyYAML would end the comment.
  const uncommented = quoted.replace(LINE_BREAK_LOOKALIKES, ' ');
  return hasTabs ? withSpacesBetweenTokens(uncommented) : uncommented;
}

/** A scalar of the text, from `start` to `end`, and what to write in its place so YAML 1.1 readers read it alike. */
export interface Yaml11Rewrite {
  start: number;
  end: number;
  text: string;
  /** Where the scalar is in the document: its entry's path for a key. */
  path: PathSegment[];
}

/** Every scalar of the text a YAML 1.1 reader reads otherwise, in order; undefined where the text does not parse. */
export function yaml11Rewrites(text: string): Yaml11Rewrite[] | undefined {
  if (!text.includes('\t') && !LINE_BREAK_LOOKALIKE.test(text) && !MAYBE_READ_OTHERWISE.test(text)) return [];
  const document = parseDocument(text);
  if (document.errors.length > 0) return undefined;
  const rewrites: Yaml11Rewrite[] = [];
  visit(document, {
    Scalar(key, node, path) {
      if (key === 'key' && isMergeKey(node, path.at(-1))) return;
      const rewritten = yaml11Reading(node, text);
      if (rewritten !== undefined && node.range)
        rewrites.push({
          start: node.range[0],
          end: node.range[1],
          text: rewritten,
          path: documentPathOfNode(path, node),
        });
    },
  });
  return rewrites;
}

/**
 * A plain `<<` key whose value is what YAML 1.1 merges (a mapping, an alias, or a sequence of
 * them): PyYAML and SnakeYAML merge it, as the app does, and quotes would make it a plain key.
 */
function isMergeKey(key: Scalar, parent: unknown): boolean {
  if (key.type !== Scalar.PLAIN || key.value !== '<<' || !isPair(parent)) return false;
  const isMergeSource = (node: unknown) => isAlias(node) || isMap(node);
  const { value } = parent;
  return isMergeSource(value) || (isSeq(value) && value.items.every(isMergeSource));
}

/** The text with every tab that separates tokens a space; tabs within scalars and comments stay. */
function withSpacesBetweenTokens(text: string): string {
  let result = '';
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    if (LEXER_CONTROL.has(token)) {
      previous = token;
      continue;
    }
    const isSeparation = previous !== '\x1f' && /^[ \t]+$/.test(token);
    result += isSeparation ? token.replaceAll('\t', ' ') : token;
    previous = token;
  }
  return result;
}

/** The scalar's text for YAML 1.1 readers, or undefined when its source already reads alike. */
function yaml11Reading(node: Scalar, text: string): string | undefined {
  // Quoted or in a block, such a character is folded into a space, or ends a plain scalar: only an escape keeps it.
  const source = node.range ? text.slice(node.range[0], node.range[1]) : '';
  if (typeof node.value === 'string' && LINE_BREAK_LOOKALIKE.test(source)) return scalarText(node.value);
  if (node.type !== Scalar.PLAIN || node.value === null) return undefined;
  // A plain scalar folded over lines may hold a tab where PyYAML wants none: written afresh, it has none.
  if (node.range && text.slice(node.range[0], node.range[1]).includes('\t')) return scalarText(node.value);
  // `.inf` and `.nan` read alike in both versions, and JSON has no text for them.
  if (typeof node.value === 'number' && !Number.isFinite(node.value)) return undefined;
  const written = scalarText(node.value);
  // A plain string stays as written unless it needs quotes: a folded multi-line one reads alike.
  if (typeof node.value === 'string') return written === node.value ? undefined : written;
  return written === node.source ? undefined : written;
}
