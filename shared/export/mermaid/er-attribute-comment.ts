import type { CommentReading } from '../../contracts/import/mermaid-er-diagram';
import type { DiagramField } from '../../contracts/schema-diagram';
import { escapeRegExp } from '../../model/escape-reg-exp';
import { attributeWord } from './er-attribute-word';
import { oneVisibleLine } from './mermaid-text';

/**
 * The comment our erDiagram export gives a property's attribute, before it is quoted: `required`,
 * `measure`, the property's name where the attribute could not hold it, and its description, joined
 * by `, `. The name is written too where the description alone would read back as something else
 * (`required, unless sold` on a property not required).
 */
export function attributeComment(field: DiagramField, name: string): string {
  const flags = [field.isRequired ? ['required'] : [], field.isMeasure ? ['measure'] : []].flat();
  const description = oneVisibleLine(field.description ?? '').trim();
  const described = description === '' ? [] : [description];
  const comment = [...flags, ...(name === field.name ? [] : [field.name]), ...described].join(', ');
  const reading = readAttributeComment(name, comment, true);
  const readsBack =
    reading.name === field.name &&
    reading.isRequired === field.isRequired &&
    reading.isMeasure === field.isMeasure &&
    (reading.description ?? '') === description;
  return readsBack ? comment : [...flags, field.name, ...described].join(', ');
}

/**
 * What an attribute's comment says: `required`, then in our export `measure`, the property's name
 * where the attribute could not hold it (the fewest leading parts written for it) and its
 * description; in another diagram, a description. A hand-written `first_name "first name"` is
 * described, not renamed.
 */
export function readAttributeComment(name: string, comment: string | undefined, isOurExport: boolean): CommentReading {
  const parts = comment?.split(', ') ?? [];
  const isRequired = parts[0] === 'required';
  const afterRequired = isRequired ? parts.slice(1) : parts;
  const isMeasure = isOurExport && afterRequired[0] === 'measure';
  const rest = isMeasure ? afterRequired.slice(1) : afterRequired;
  const nameLength = isOurExport
    ? rest.findIndex((_, index) => isWrittenFor(name, rest.slice(0, index + 1).join(', '))) + 1
    : 0;
  const original = rest.slice(0, nameLength).join(', ');
  const description = rest.slice(nameLength).join(', ');
  return { name: original || name, isRequired, isMeasure, ...(description !== '' && { description }) };
}

/**
 * Whether our export wrote `word` for the property `name`: as it writes it now, maybe numbered
 * `_2`, or as earlier versions did: each character kept or written `_` (letters beyond ASCII
 * too), maybe led by `_`, a word led by `_` ended by one too (`_internal_`).
 */
function isWrittenFor(word: string, name: string): boolean {
  const numbered = (written: string) => new RegExp(`^${written}(?:_\\d+)?$`).test(word);
  const eachCharacter = name
    .split('')
    .map((character) => `(?:${escapeRegExp(character)}|_)`)
    .join('');
  return numbered(escapeRegExp(attributeWord(name))) || numbered(`_?${eachCharacter}`);
}
