import { fileSlug } from './file-stems';

/**
 * A name's words as a reader splits them, in lower case without accents: at spaces, `_`, `-`
 * and camel-case humps (`RiderSettlement`, `rider_settlement` and `Rider settlement` all give
 * `rider`, `settlement`).
 */
export function nameWords(name: string): string[] {
  return fileSlug(name, Number.POSITIVE_INFINITY)
    .split('-')
    .filter((word) => word !== '');
}

/** Whether two lower-case words are one, the one perhaps in the plural (`settlements`, `deliveries`, `boxes`). */
export function isSameWord(one: string, other: string): boolean {
  if (one === other) return true;
  const otherForms = singularForms(other);
  return singularForms(one).some((form) => otherForms.includes(form));
}

/** The word and what it is the plural of, were it one: the plural's spelling alone cannot tell `movies` from `deliveries`. */
function singularForms(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  if (word.length > 4 && word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (/(s|x|z|ch|sh)es$/.test(word)) forms.push(word.slice(0, -2));
  return forms;
}
