/**
 * Where Mermaid's erDiagram parser stops in a statement our importer reads as neither an entity nor
 * a relationship line: its lexer's tokens (as `erDiagram.jison` lexes outside a block, first rule
 * first) walked through its grammar's statements that start with a name.
 */

type TokenKind =
  | 'name'
  | 'number'
  | 'role-text'
  | 'cardinality'
  | 'line'
  | 'classes'
  | 'colon'
  | 'comma'
  | 'alias-start'
  | 'alias-end'
  | 'block'
  | 'keyword'
  | 'other';

interface Token {
  kind: TokenKind;
  text: string;
  at: number;
}

/** Mermaid's lexer rules outside a block, in its order: the first that matches takes the text. */
const LEXER_RULES: ReadonlyArray<readonly [RegExp, TokenKind]> = [
  [/"[^"%\r\n\v\b\\]+"/y, 'name'],
  [/"[^"]*"/y, 'role-text'],
  [/(?:erDiagram|style|classDef|class|subgraph|end)\b/iy, 'keyword'],
  [/\{/y, 'block'],
  [/,/y, 'comma'],
  [/:::/y, 'classes'],
  [/:/y, 'colon'],
  [/\[/y, 'alias-start'],
  [/\]/y, 'alias-end'],
  [
    /(?:one or zero|one or more|one or many|zero or one|zero or more|zero or many)\b|1\+|\|o\b|0\+|\}o\b|many\([01]\)|many\b|\}\||one\b|only one\b/iy,
    'cardinality',
  ],
  [/[0-9]+\.[0-9]+/y, 'number'],
  [/1(?=\s+[A-Za-z_"']|\s+[0-9]|--|\.\.|\.-|-\.)/y, 'cardinality'],
  [/[0-9]+/y, 'number'],
  [/\|\||o\||o\{|\|\{|u(?=[.|-])/iy, 'cardinality'],
  [/\.\.|--|to\b|optionally to\b|\.-|-\./iy, 'line'],
  [/[\P{ASCII}\w*.-]+/uy, 'name'],
  [/./uy, 'other'],
];

function tokensOf(statement: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < statement.length) {
    if (/\s/.test(statement[at] as string)) {
      at++;
      continue;
    }
    for (const [rule, kind] of LEXER_RULES) {
      rule.lastIndex = at;
      const text = rule.exec(statement)?.[0];
      if (text === undefined) continue;
      tokens.push({ kind, text, at });
      at += text.length;
      break;
    }
  }
  return tokens;
}

/** Where Mermaid stops, what of the statement it has read by then, and what it expects there. */
export interface StatementStop {
  /** Where the token Mermaid refuses starts in the statement (its length past the end where the statement ends early). */
  at: number;
  length: number;
  refused: string | undefined;
  read: string;
  expected: string;
}

/**
 * Where Mermaid refuses a statement of names, cardinalities and lines (`METER 1 }o--o{ 2 READING : takes`,
 * whose `1 }o--o{ 2` it reads as a relationship wanting its `:`); none where it reads the statement,
 * or where the statement is one Mermaid reads otherwise (a `classDef`, a block), which this does not judge.
 */
export function whereMermaidStops(statement: string): StatementStop | undefined {
  const tokens = tokensOf(statement);
  let index = 0;
  let statementStart = 0;
  const stop = (expected: string): StatementStop => {
    const token = tokens[index];
    const read = statement.slice(tokens[statementStart]?.at ?? 0, token?.at ?? statement.length).trim();
    return token === undefined
      ? { at: statement.length, length: 0, refused: undefined, read, expected }
      : { at: token.at, length: token.text.length, refused: token.text, read, expected };
  };
  const isNext = (kind: TokenKind) => tokens[index]?.kind === kind;
  // Mermaid names an entity with a number (`2`), but neither a class nor a label.
  const isEntityNameNext = () => isNext('name') || isNext('number');
  /** `:::a,b`: whether the classes after a name are whole (none is whole too). */
  const readsClasses = () => {
    if (!isNext('classes')) return true;
    index++;
    do {
      if (!isNext('name')) return false;
      index++;
    } while (isNext('comma') && ++index);
    return true;
  };
  while (index < tokens.length) {
    statementStart = index;
    if (isNext('keyword')) return undefined;
    if (!isEntityNameNext()) return stop('an entity’s name');
    index++;
    if (!readsClasses()) return stop('a class’s name');
    if (isNext('block')) return undefined;
    if (isNext('alias-start')) {
      index++;
      if (!isEntityNameNext()) return stop('an alias');
      index++;
      if (!isNext('alias-end')) return stop('`]`');
      index++;
      if (!readsClasses()) return stop('a class’s name');
      if (isNext('block')) return undefined;
      continue;
    }
    if (!isNext('cardinality')) continue;
    index++;
    if (!isNext('line')) return stop('the line of a relationship (`--` or `..`)');
    index++;
    if (!isNext('cardinality')) return stop('the cardinality of the relationship’s second end');
    index++;
    if (!isEntityNameNext()) return stop('the name of the relationship’s second entity');
    index++;
    if (!readsClasses()) return stop('a class’s name');
    if (!isNext('colon')) return stop('`:` and the relationship’s label');
    index++;
    if (!isNext('name') && !isNext('role-text')) return stop('the relationship’s label');
    index++;
  }
  return undefined;
}
