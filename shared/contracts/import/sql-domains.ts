import { type SqlTable, type SqlType, sqlType } from './sql-column-types';
import { matching, qualifiedName, type SqlNote, type Token } from './sql-tokens';

/*
 * PostgreSQL's `CREATE DOMAIN d [AS] type [COLLATE c] [DEFAULT x] [[CONSTRAINT n] NOT NULL | NULL | CHECK (…)]…`:
 * a type the file declares over a built-in one, as a team shares `loinc` or `weight_kg` between tables.
 * A column of it holds its base type's values (a `VARCHAR(10)` domain's a string of at most 10 characters)
 * and is required where the domain is NOT NULL; its type is kept as written, as a declared enum's is.
 */

export interface SqlDomain {
  /** The names a column may use for it, as a declared type is found: `LOINC` and `CLINICAL.LOINC`. */
  declaredNames: string[];
  /** Its base type: `VARCHAR(10)`. */
  type: SqlType;
  isNotNull: boolean;
}

/** Words that end a domain's base type and start one of its clauses. */
const CLAUSE_WORDS = new Set(['COLLATE', 'DEFAULT', 'CONSTRAINT', 'NOT', 'NULL', 'CHECK']);

/** A `CREATE DOMAIN` statement's domain (its DEFAULT and CHECKs, which ODCS cannot hold, noted); `undefined` for another statement. */
export function readCreateDomain(statement: Token[], text: string, notes: SqlNote[]): SqlDomain | undefined {
  const words = statement.map((token) => (token.kind === 'word' ? token.text.toUpperCase() : token.text));
  if (words[0] !== 'CREATE' || words[1] !== 'DOMAIN') return undefined;
  const declared = qualifiedName(statement, 2);
  if (declared === undefined) return undefined;
  const { name, parts } = declared;
  let index = declared.next;
  if (words[index] === 'AS') index += 1;
  const typeStart = index;
  const typeEnd = nextClause(statement, words, typeStart);
  if (typeEnd === typeStart) return undefined;
  index = typeEnd;
  const domainName = parts.join('.');
  let isNotNull = false;
  while (index < statement.length) {
    const word = words[index];
    const start = (statement[index] as Token).start;
    // A default's expression starts with its first word whatever it is (`DEFAULT NULL`).
    const clauseEnd = nextClause(statement, words, word === 'DEFAULT' ? index + 2 : index + 1);
    const clause = text.slice(start, (statement[clauseEnd - 1] as Token).end);
    if (word === 'NOT' && words[index + 1] === 'NULL') isNotNull = true;
    // No default is what ODCS says too, as a column's `DEFAULT NULL` is.
    else if (word === 'DEFAULT' && !(clauseEnd === index + 2 && words[index + 1] === 'NULL'))
      notes.push({
        path: name,
        offset: start,
        message: `default ${clause.replace(/^DEFAULT\s+/i, '')} of domain ${domainName} has no ODCS equivalent: not imported`,
      });
    else if (word === 'CHECK')
      notes.push({
        path: name,
        offset: start,
        message: `${clause} of domain ${domainName} has no ODCS equivalent: not imported`,
      });
    index = clauseEnd;
  }
  const declaredNames = [name, ...(parts.length > 1 ? [domainName] : [])].map((key) => key.toUpperCase());
  return { declaredNames, type: sqlType(statement.slice(typeStart, typeEnd)), isNotNull };
}

/** Where the clause after `from` starts (a clause word outside brackets), or the statement's end. */
function nextClause(statement: Token[], words: string[], from: number): number {
  let index = Math.min(from, statement.length);
  while (index < statement.length && !CLAUSE_WORDS.has(words[index] as string)) {
    index = statement[index]?.text === '(' ? matching(statement, index) + 1 : index + 1;
  }
  // `NOT NULL` is one clause; `CONSTRAINT n` names the clause after it.
  if (words[from - 1] === 'NOT' && words[index] === 'NULL') return nextClause(statement, words, index + 1);
  return index;
}

/** The tables with each column of a domain's type read as that domain's base type, its name kept as written. */
export function withDomainTypes(tables: SqlTable[], domains: SqlDomain[]): SqlTable[] {
  if (domains.length === 0) return tables;
  const byName = new Map(domains.flatMap((domain) => domain.declaredNames.map((name) => [name, domain] as const)));
  return tables.map((table) => ({
    ...table,
    columns: table.columns.map((column) => {
      const domain = column.type && byName.get(column.type.declaredName);
      if (!column.type || !domain) return column;
      const asWritten = column.type.physicalTypeAsWritten;
      const type: SqlType = {
        ...domain.type,
        physicalType: asWritten,
        physicalTypeAsWritten: asWritten,
        arrayDepth: column.type.arrayDepth + domain.type.arrayDepth,
        ...(domain.isNotNull && column.type.arrayDepth === 0 && { isNotNull: true }),
      };
      return { ...column, type };
    }),
  }));
}
