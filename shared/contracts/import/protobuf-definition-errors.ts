import type { TextRange } from '../text-range';
import { rangeAt } from './imported-schema';

/*
 * protobufjs refuses a number or name given twice, or one its message or enum reserves, with no
 * line (`duplicate id 3 in Type ContainerBooking`): the refusal in the user's words, placed at the
 * field or value that breaks the rule, the later of two that share a number or name.
 */

const KINDS: Record<string, string> = { Type: 'message', Enum: 'enum' };

interface Rule {
  pattern: RegExp;
  message: (what: string, kind: string, name: string) => string;
  /** Where the field or value is declared, after its message's or enum's declaration. */
  declaration: (what: string) => RegExp;
  /** Which declaration of it breaks the rule: the second of two, or the only one. */
  occurrence: number;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byNumber = (id: string) => new RegExp(`=\\s*${escaped(id)}\\s*[;[]`, 'g');
const byName = (name: string) => new RegExp(`\\b${escaped(name)}\\s*=\\s*-?\\d`, 'g');

const RULES: Rule[] = [
  {
    pattern: /^duplicate id (-?\d+) in (Type|Enum) (\S+)$/,
    message: (id, kind, name) => `number ${id} is given twice in ${kind} ${name}`,
    declaration: byNumber,
    occurrence: 2,
  },
  {
    pattern: /^duplicate name '([^']+)' in (Type|Enum) (\S+)$/,
    message: (field, kind, name) => `'${field}' is declared twice in ${kind} ${name}`,
    declaration: byName,
    occurrence: 2,
  },
  {
    pattern: /^id (-?\d+) is reserved in (Type|Enum) (\S+)$/,
    message: (id, kind, name) => `number ${id} is reserved in ${kind} ${name}`,
    declaration: byNumber,
    occurrence: 1,
  },
  {
    pattern: /^name '([^']+)' is reserved in (Type|Enum) (\S+)$/,
    message: (field, kind, name) => `name '${field}' is reserved in ${kind} ${name}`,
    declaration: byName,
    occurrence: 1,
  },
];

/** The refusal of a definition protobufjs makes without a line, located; undefined for any other error. */
export function locatedDefinitionError(
  text: string,
  parserMessage: string,
): { message: string; range: TextRange } | undefined {
  for (const rule of RULES) {
    const match = rule.pattern.exec(parserMessage);
    if (!match) continue;
    const [, what = '', type = '', fullName = ''] = match;
    const kind = KINDS[type] ?? type;
    const name = fullName.slice(fullName.lastIndexOf('.') + 1);
    const declared = new RegExp(`\\b${kind}\\s+${escaped(name)}\\b`).exec(text);
    const from = declared?.index ?? 0;
    const found = [...text.slice(from).matchAll(rule.declaration(what))][rule.occurrence - 1];
    return { message: rule.message(what, kind, name), range: statementAt(text, found ? from + found.index : from) };
  }
  return undefined;
}

/** The statement around `offset`: from its line's first word to its `;` (or the line's end). */
function statementAt(text: string, offset: number): TextRange {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const start = lineStart + (/^\s*/.exec(text.slice(lineStart))?.[0].length ?? 0);
  const lineEnd = text.indexOf('\n', start);
  const line = text.slice(start, lineEnd === -1 ? undefined : lineEnd);
  const end = line.indexOf(';');
  return rangeAt(text, start, end === -1 ? line.trimEnd().length : end + 1);
}
