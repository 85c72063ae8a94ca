import { Lexer, type YAMLError } from 'yaml';
import type { ProblemRepair } from './problem-repair';

/** The reader's words for a quoted scalar it reached the end of the text in: `Missing closing "quote`. */
const UNCLOSED_MESSAGE = /^Missing closing (["'])quote/;

/** The lexer's markers (document start, scalar, flow end), which stand for no characters of the text. */
const CONTROL_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);

/** A quoted value whose closing quote the reader did not find: said at its opening quote. */
export interface UnclosedQuote {
  message: string;
  /** Offsets of the text marked: from the opening quote to the end of its line. */
  span: [number, number];
  repair: ProblemRepair;
}

/**
 * The quoted value an error of the YAML reader says is unclosed. The reader tells it where the
 * text ends, often far below; the cause is where the quote opens, so it is said there, with the
 * repair that closes it at the end of that line. Undefined where the error is something else.
 */
export function unclosedQuote(error: YAMLError, text: string): UnclosedQuote | undefined {
  const quote = UNCLOSED_MESSAGE.exec(error.message)?.[1];
  if (error.code !== 'MISSING_CHAR' || !quote) return undefined;
  const start = openingQuoteBefore(text, quote, error.pos[0]);
  if (start === undefined) return undefined;
  const lineEnd = text.indexOf('\n', start);
  const end = start + text.slice(start, lineEnd === -1 ? undefined : lineEnd).trimEnd().length;
  return {
    message: `this value quoted with ${quote} is never closed; end it with ${quote}`,
    span: [start, end],
    repair: {
      kind: 'replace-marked-text',
      text: `${text.slice(start, end)}${quote}`,
      title: `Close the quote with ${quote}`,
    },
  };
}

/** Where the quoted token that runs on to `offset` (the reader's error) opens, as the YAML lexer reads the text. */
function openingQuoteBefore(text: string, quote: string, offset: number): number | undefined {
  let start = 0;
  let opening: number | undefined;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL_TOKENS.has(token)) continue;
    if (start > offset) break;
    if (token.startsWith(quote) && start + token.length >= offset) opening = start;
    start += token.length;
  }
  return opening;
}
