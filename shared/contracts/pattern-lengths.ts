import { patternExpression } from './text-pattern';

/**
 * How long a value a contract's `pattern` accepts can be, in characters (code points, as JSON
 * Schema's `maxLength` counts them): at least `shortest`, and at most `longest` when the pattern
 * is anchored at both ends with no unbounded repetition (otherwise the value may be any longer).
 * Undefined when the pattern is no regular expression, or holds what this reading does not judge
 * (a backreference, a lookaround, a modifier group, a surrogate written as an escape).
 */
export function patternLengths(pattern: string): { shortest: number; longest?: number } | undefined {
  if (!patternExpression(pattern)) return undefined;
  const reader = new PatternReader(Array.from(pattern));
  try {
    const whole = reader.alternation();
    if (!reader.isAtEnd()) return undefined;
    const isWholeValue = whole.startsAnchored && whole.endsAnchored && Number.isFinite(whole.longest);
    return { shortest: whole.shortest, ...(isWholeValue && { longest: whole.longest }) };
  } catch (error) {
    if (error instanceof NotJudged) return undefined;
    throw error;
  }
}

/** What a part of a pattern matches: how many characters at least and at most, and whether `^` / `$` pin it. */
interface Span {
  shortest: number;
  longest: number;
  startsAnchored: boolean;
  endsAnchored: boolean;
}

class NotJudged extends Error {}

const ZERO_WIDTH: Span = { shortest: 0, longest: 0, startsAnchored: false, endsAnchored: false };
const ONE_CHARACTER: Span = { shortest: 1, longest: 1, startsAnchored: false, endsAnchored: false };
const START: Span = { ...ZERO_WIDTH, startsAnchored: true };
const END: Span = { ...ZERO_WIDTH, endsAnchored: true };

/** A recursive-descent reading of an ECMA-262 pattern (Unicode mode) already known to compile. */
class PatternReader {
  private at = 0;

  constructor(private readonly characters: readonly string[]) {}

  isAtEnd(): boolean {
    return this.at >= this.characters.length;
  }

  alternation(): Span {
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      alternatives.push(this.sequence());
    }
    return alternatives.reduce((either, other) => ({
      shortest: Math.min(either.shortest, other.shortest),
      longest: Math.max(either.longest, other.longest),
      startsAnchored: either.startsAnchored && other.startsAnchored,
      endsAnchored: either.endsAnchored && other.endsAnchored,
    }));
  }

  private sequence(): Span {
    const parts: Span[] = [];
    while (!this.isAtEnd() && this.peek() !== '|' && this.peek() !== ')') parts.push(this.quantified(this.atom()));
    // `^` pins the sequence only where nothing that takes characters comes before it; `$` likewise after it.
    const startIndex = parts.findIndex((part) => part.startsAnchored);
    const endIndex = parts.findLastIndex((part) => part.endsAnchored);
    return {
      shortest: parts.reduce((sum, part) => sum + part.shortest, 0),
      longest: parts.reduce((sum, part) => sum + part.longest, 0),
      startsAnchored: startIndex >= 0 && parts.slice(0, startIndex).every((part) => part.longest === 0),
      endsAnchored: endIndex >= 0 && parts.slice(endIndex + 1).every((part) => part.longest === 0),
    };
  }

  private atom(): Span {
    const character = this.next();
    switch (character) {
      case '^':
        return START;
      case '$':
        return END;
      case '.':
        return ONE_CHARACTER;
      case '[':
        this.skipClass();
        return ONE_CHARACTER;
      case '\\':
        return this.escape();
      case '(':
        return this.group();
      default:
        return ONE_CHARACTER;
    }
  }

  private group(): Span {
    if (this.peek() === '?') {
      const kind = this.characters[this.at + 1];
      const isNamed = kind === '<' && !['=', '!'].includes(this.characters[this.at + 2] ?? '');
      if (kind === ':') this.at += 2;
      else if (isNamed) this.at = this.characters.indexOf('>', this.at) + 1;
      else throw new NotJudged(); // lookahead, lookbehind, modifiers
    }
    const inside = this.alternation();
    this.next(); // ')'
    return inside;
  }

  private escape(): Span {
    const escaped = this.next();
    if (escaped === 'b' || escaped === 'B') return ZERO_WIDTH;
    if (/[1-9]/.test(escaped) || escaped === 'k') throw new NotJudged(); // a backreference
    if (escaped === 'p' || escaped === 'P') this.skipPast('}');
    else if (escaped === 'c') this.at++;
    else if (escaped === 'x') this.at += 2;
    else if (escaped === 'u') this.skipUnicodeEscape();
    return ONE_CHARACTER;
  }

  /** `\u{1F600}` or `\uHHHH`; a surrogate written as `\uD83D` may pair with the next escape into one character. */
  private skipUnicodeEscape(): void {
    if (this.peek() === '{') {
      this.skipPast('}');
      return;
    }
    const code = Number.parseInt(this.characters.slice(this.at, this.at + 4).join(''), 16);
    if (code >= 0xd800 && code <= 0xdfff) throw new NotJudged();
    this.at += 4;
  }

  /** A class is one character whatever it holds (Unicode mode has no string classes); `]` may be escaped inside. */
  private skipClass(): void {
    while (this.peek() !== ']') {
      if (this.next() === '\\') this.at++;
    }
    this.at++;
  }

  private quantified(atom: Span): Span {
    const bounds = this.quantifier();
    if (!bounds) return atom;
    if (this.peek() === '?') this.at++; // lazy: the same lengths
    const [least, most] = bounds;
    const isRequired = least > 0;
    return {
      shortest: atom.shortest * least,
      longest: atom.longest === 0 || most === 0 ? 0 : atom.longest * most,
      startsAnchored: isRequired && atom.startsAnchored,
      endsAnchored: isRequired && atom.endsAnchored,
    };
  }

  private quantifier(): [number, number] | undefined {
    const symbol = this.peek();
    if (symbol === '*') return this.take([0, Number.POSITIVE_INFINITY]);
    if (symbol === '+') return this.take([1, Number.POSITIVE_INFINITY]);
    if (symbol === '?') return this.take([0, 1]);
    if (symbol !== '{') return undefined;
    const end = this.characters.indexOf('}', this.at);
    const [least, most] = this.characters
      .slice(this.at + 1, end)
      .join('')
      .split(',');
    this.at = end + 1;
    const lower = Number(least);
    if (most === undefined) return [lower, lower];
    return [lower, most === '' ? Number.POSITIVE_INFINITY : Number(most)];
  }

  private take(bounds: [number, number]): [number, number] {
    this.at++;
    return bounds;
  }

  private skipPast(character: string): void {
    this.at = this.characters.indexOf(character, this.at) + 1;
  }

  private peek(): string | undefined {
    return this.characters[this.at];
  }

  private next(): string {
    return this.characters[this.at++] as string;
  }
}
