import { patternExpression } from '../contracts/text-pattern';
import type { RandomStream } from './seeded-random';

/**
 * Text made to match a contract's regular expression (`logicalTypeOptions.pattern`, ECMA-262 as
 * JSON Schema reads it), for the common subset: literals and escapes, classes (`[A-Z0-9_]`,
 * `[^@]`), `.`, `\d` `\w` `\s` and their negations, the quantifiers `{n}` `{n,}` `{n,m}` `?` `+`
 * `*`, groups, alternation, and `^` and `$` at the ends. Anything else (lookaround, backreferences,
 * `\b`, `\p{…}`) is refused with the reason, so that no text is made that the pattern would refuse.
 */
export type PatternReading =
  | { ok: true; matches: (text: string) => boolean; text: (random: RandomStream) => string }
  | { ok: false; reason: string };

type PatternNode =
  | { kind: 'characters'; choices: string }
  | { kind: 'sequence'; items: PatternNode[] }
  | { kind: 'alternation'; options: PatternNode[] }
  | { kind: 'repeat'; node: PatternNode; min: number; max: number };

/** How many more times than its minimum an open quantifier (`*`, `+`, `{2,}`) repeats at most. */
const OPEN_REPEATS = 5;
const DIGITS = '0123456789';
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WORD = `${LETTERS}${DIGITS}_`;
/** What `.` and a negated class draw from: printable ASCII. */
const PRINTABLE = Array.from({ length: 95 }, (_, at) => String.fromCharCode(32 + at)).join('');
const CLASS_ESCAPES: Record<string, string> = {
  d: DIGITS,
  w: WORD,
  s: ' ',
  D: without(PRINTABLE, DIGITS),
  W: without(PRINTABLE, WORD),
  S: without(PRINTABLE, ' '),
};
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

class Unsupported extends Error {}

export function readPattern(pattern: string): PatternReading {
  const expression = patternExpression(pattern);
  if (!expression) return { ok: false, reason: 'it is not a valid regular expression' };
  let tree: PatternNode;
  try {
    tree = new PatternParser(pattern).parse();
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.message };
    throw error;
  }
  return {
    ok: true,
    matches: (text) => expression.test(text),
    text: (random) => {
      const text = textOf(tree, random);
      // The subset is made so that this cannot happen: a text that does not match is a bug here.
      if (!expression.test(text)) throw new Error(`'${text}' made for the pattern ${pattern} does not match it`);
      return text;
    },
  };
}

function textOf(node: PatternNode, random: RandomStream): string {
  switch (node.kind) {
    case 'characters':
      return node.choices.charAt(random.integer(0, node.choices.length - 1));
    case 'sequence':
      return node.items.map((item) => textOf(item, random)).join('');
    case 'alternation':
      return textOf(random.pick(node.options), random);
    case 'repeat': {
      const times = random.integer(node.min, node.max);
      return Array.from({ length: times }, () => textOf(node.node, random)).join('');
    }
  }
}

/** A recursive-descent reading of the subset; `Unsupported` names what lies outside it. */
class PatternParser {
  private at = 0;

  constructor(private readonly pattern: string) {}

  parse(): PatternNode {
    if (this.pattern.startsWith('^')) this.at++;
    const tree = this.alternation();
    if (this.at < this.pattern.length) throw new Unsupported(`'${this.pattern[this.at]}' cannot be read here`);
    return tree;
  }

  private alternation(): PatternNode {
    const options = [this.sequence()];
    while (this.pattern[this.at] === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as PatternNode) : { kind: 'alternation', options };
  }

  private sequence(): PatternNode {
    const items: PatternNode[] = [];
    for (let char = this.pattern[this.at]; char !== undefined && char !== '|' && char !== ')'; ) {
      if (char === '$') {
        if (this.at !== this.pattern.length - 1) throw new Unsupported('it has a $ before its end');
        this.at++;
        break;
      }
      if (char === '^') throw new Unsupported('it has a ^ after its start');
      items.push(this.quantified(this.atom()));
      char = this.pattern[this.at];
    }
    return items.length === 1 ? (items[0] as PatternNode) : { kind: 'sequence', items };
  }

  private atom(): PatternNode {
    const char = this.pattern[this.at++] as string;
    if (char === '(') {
      if (this.pattern[this.at] === '?') {
        if (this.pattern[this.at + 1] !== ':') throw new Unsupported('it has a lookaround or a named group');
        this.at += 2;
      }
      const group = this.alternation();
      this.at++; // the ')' a valid expression has here
      return group;
    }
    if (char === '[') return this.characterClass();
    if (char === '.') return { kind: 'characters', choices: PRINTABLE };
    if (char === '\\') return { kind: 'characters', choices: this.escape(false) };
    return { kind: 'characters', choices: char };
  }

  private quantified(node: PatternNode): PatternNode {
    const rest = this.pattern.slice(this.at);
    const bounds = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    let range: [number, number] | undefined;
    if (bounds) {
      const min = Number(bounds[1]);
      range = [min, bounds[2] === undefined ? min : bounds[3] ? Number(bounds[3]) : min + OPEN_REPEATS];
      this.at += bounds[0].length;
    } else if (rest[0] === '?' || rest[0] === '*' || rest[0] === '+') {
      range = rest[0] === '?' ? [0, 1] : rest[0] === '*' ? [0, OPEN_REPEATS] : [1, 1 + OPEN_REPEATS];
      this.at++;
    }
    if (!range) return node;
    if (this.pattern[this.at] === '?') this.at++; // lazy: matches the same texts
    return { kind: 'repeat', node, min: range[0], max: range[1] };
  }

  private characterClass(): PatternNode {
    const isNegated = this.pattern[this.at] === '^';
    if (isNegated) this.at++;
    let members = '';
    while (this.pattern[this.at] !== ']') {
      const start = this.classMember();
      if (this.pattern[this.at] === '-' && this.pattern[this.at + 1] !== ']' && start.length === 1) {
        this.at++;
        const end = this.classMember();
        for (let code = start.charCodeAt(0); code <= end.charCodeAt(0); code++) members += String.fromCharCode(code);
      } else members += start;
    }
    this.at++;
    const choices = isNegated ? without(PRINTABLE, members) : members;
    if (choices.length === 0) throw new Unsupported('it has a class no printable character matches');
    return { kind: 'characters', choices };
  }

  private classMember(): string {
    const char = this.pattern[this.at++] as string;
    return char === '\\' ? this.escape(true) : char;
  }

  /** The characters an escape stands for, read after its backslash. */
  private escape(isInClass: boolean): string {
    const char = this.pattern[this.at++] as string;
    const standsFor = CLASS_ESCAPES[char] ?? CONTROL_ESCAPES[char];
    if (standsFor !== undefined) return standsFor;
    if (char === 'b' && isInClass) return '\b';
    if (/[1-9bBpPk]/.test(char)) throw new Unsupported(`it has \\${char}`);
    const code = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/.exec(this.pattern.slice(this.at - 1));
    if (code) {
      this.at += code[0].length - 1;
      return String.fromCharCode(Number.parseInt((code[1] ?? code[2]) as string, 16));
    }
    if (/[a-zA-Z]/.test(char)) throw new Unsupported(`it has \\${char}`);
    return char;
  }
}

function without(characters: string, excluded: string): string {
  return [...characters].filter((char) => !excluded.includes(char)).join('');
}
