import protobuf from 'protobufjs';
import type { TextRange } from '../text-range';
import { rangeAt } from './imported-schema';

/*
 * The rules of a .proto's definitions, each refusal placed at the field or value that breaks it.
 * protobufjs refuses a number or name given twice, or one its message or enum reserves, with no
 * line (`duplicate id 3 in Type ContainerBooking`): that refusal in the user's words, at the later
 * of two that share a number or name. What protoc refuses and protobufjs lets pass is checked here.
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

/** The largest field number: numbers are 29 bits. */
const MAX_FIELD_NUMBER = 536_870_911;
/** The numbers Protocol Buffers keeps for its own implementation. */
const IMPLEMENTATION_NUMBERS = { first: 19_000, last: 19_999 };

/**
 * What protoc refuses and protobufjs lets pass, each at its field or value: a field numbered 0,
 * past 2^29 − 1 or among the numbers the implementation keeps, and in proto3 an enum whose first
 * value is not 0 (its default, which a reader takes for an unset field).
 */
export function definitionRuleBreaks(
  root: protobuf.NamespaceBase,
  text: string,
): { message: string; range: TextRange }[] {
  const isProto3 = /^\s*syntax\s*=\s*["']proto3["']/m.test(text);
  const breaks: { message: string; range: TextRange }[] = [];
  const at = (kind: string, name: string, declaration: RegExp) => {
    const declared = new RegExp(`\\b${kind}\\s+${escaped(name)}\\b`).exec(text);
    const from = declared?.index ?? 0;
    const found = declaration.exec(text.slice(from));
    return statementAt(text, found ? from + found.index : from);
  };
  const visit = (namespace: protobuf.NamespaceBase) => {
    for (const nested of namespace.nestedArray) {
      if (nested.fullName.startsWith('.google')) continue;
      if (nested instanceof protobuf.Type) {
        for (const field of nested.fieldsArray) {
          const why = fieldNumberFault(field.id);
          if (!why) continue;
          breaks.push({
            message: `number ${field.id} of field ${field.name} in message ${nested.name} ${why}`,
            range: at('message', nested.name, new RegExp(`\\b${escaped(field.name)}\\s*=\\s*${field.id}\\b`)),
          });
        }
      }
      if (nested instanceof protobuf.Enum && isProto3) {
        const [first] = Object.entries(nested.values);
        if (first && first[1] !== 0) {
          breaks.push({
            message: `the first value of enum ${nested.name} is numbered ${first[1]}: proto3 wants the first value of an enum numbered 0, its default`,
            range: at('enum', nested.name, new RegExp(`\\b${escaped(first[0])}\\s*=`)),
          });
        }
      }
      if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) visit(nested);
    }
  };
  visit(root);
  return breaks;
}

function fieldNumberFault(id: number): string | undefined {
  if (id < 1 || id > MAX_FIELD_NUMBER) return `is not a field number: field numbers run from 1 to ${MAX_FIELD_NUMBER}`;
  if (id >= IMPLEMENTATION_NUMBERS.first && id <= IMPLEMENTATION_NUMBERS.last)
    return `is one Protocol Buffers keeps for itself (${IMPLEMENTATION_NUMBERS.first} to ${IMPLEMENTATION_NUMBERS.last})`;
  return undefined;
}
