import { everyControlEscaped } from '../../model/control-characters';
import { IDENTIFIER_LIMITS } from '../../model/identifier-limits';
import { utf8Bytes } from '../../model/utf8-bytes';
import { murmur2 } from '../../simulation/kafka-partitioner';
import { quoteIdentifier, quoteLiteral } from '../../simulation/sql-text';

/** PostgreSQL cuts identifiers at 63 bytes (NAMEDATALEN - 1), so two long names could become one. */
const MAX_IDENTIFIER_BYTES = IDENTIFIER_LIMITS.postgres?.longest ?? 63;

/**
 * A name as PostgreSQL will keep it: unchanged up to 63 bytes; longer ones cut and ended
 * with a hash of the whole name, so distinct names stay distinct.
 */
export function postgresName(name: string): string {
  if (utf8Bytes(name).length <= MAX_IDENTIFIER_BYTES) return name;
  const hash = (murmur2(utf8Bytes(name)) >>> 0).toString(16).padStart(8, '0');
  let cut = '';
  for (const character of name) {
    if (utf8Bytes(cut + character).length > MAX_IDENTIFIER_BYTES - hash.length - 1) break;
    cut += character;
  }
  return `${cut}_${hash}`;
}

/** A quoted identifier: `"order"`, `"Mixed ""col"""`. */
export function ident(name: string): string {
  return quoteIdentifier(postgresName(name));
}

/** `"schema"."table"`. */
export function qualified(schema: string, table: string): string {
  return `${ident(schema)}.${ident(table)}`;
}

export const literal = quoteLiteral;

/**
 * A `--` comment line; line breaks in names would end the comment and run the rest as SQL, and
 * other controls (a U+202E override) would show the line otherwise than it is, so they are escaped.
 */
export function sqlComment(text: string): string {
  return `-- ${everyControlEscaped(text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' '))}`;
}

/** A dollar-quoted string (`$body$…$body$`) under a tag the text does not hold, whatever names it quotes. */
export function dollarQuoted(text: string): string {
  let tag = '$body$';
  for (let n = 1; text.includes(tag); n++) tag = `$body${n}$`;
  return `${tag}${text}${tag}`;
}

/** An anonymous PL/pgSQL block: a statement that decides what to run from what the rows hold. */
export function doBlock(body: string): string {
  return `DO ${dollarQuoted(body)};`;
}
