import { z } from 'zod';

/** Ids are safe as file names and URL segments: no slashes, dots only inside. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

export const IdSchema = z
  .string()
  .regex(
    ID_PATTERN,
    'must be ASCII letters a–z or A–Z, digits, "-", "_" or inner "." (no accents, slashes or leading dot)',
  )
  .max(128);

export type Id = z.infer<typeof IdSchema>;

/** What would end a line or be refused by a reader: C0 and C1 controls, DEL, line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A contract's id, kept verbatim, as ODCS allows any string (`urn:datacontract:tax:bill`,
 * `Steuerbescheid-Ä`, `Tax Bill 2024`): it never names a file (exports and Save contract as…
 * name files after a slug of the name), so only a blank id or a control character is refused.
 */
export const ContractIdSchema = z
  .string()
  .max(256)
  .refine((id) => id.trim() !== '' && !LINE_BREAKING.test(id), 'must not be blank or hold a control character');

export function isValidId(candidate: string): boolean {
  return IdSchema.safeParse(candidate).success;
}

/** Latin letters that are no letter plus accent, so Unicode cannot take them apart: `ø` is not `o` and a stroke. */
const LATIN_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/** Text with accents dropped (`Ü` → `U`) and Latin letters that are no letter plus accent spelt out (`ß` → `ss`, `Æ` → `Ae`). */
export function withoutAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øæœßđðłþıØÆŒẞĐÐŁÞ]/g, (letter) => {
      const lower = letter.toLowerCase();
      const spelt = LATIN_LETTERS[lower] as string;
      return letter === lower ? spelt : `${spelt.charAt(0).toUpperCase()}${spelt.slice(1)}`;
    });
}

/**
 * Turns a display name into an id stem: `Customer 360` → `customer-360`, `Smørrebrød` → `smorrebrod`.
 * Ids stay ASCII (they name files and topics), so a name with no Latin letter or digit (`محصول`,
 * `🌾`) gives `whenNothingKept`: the element's kind, where the caller knows it.
 */
export function slugify(name: string, whenNothingKept = 'item'): string {
  return hyphenatedWords(withoutAccents(name), 64) || whenNothingKept;
}

/**
 * `text`'s runs of ASCII letters and digits, in lower case, joined by `-`, at most `maxLength`
 * long; cut short, it still ends at a letter or digit (`…-check`, never `…-check-`). Empty when nothing is left.
 */
export function hyphenatedWords(text: string, maxLength: number): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/**
 * The id a product or system in a domain is named by before it is made unique: the domain's id
 * and its own name (`orders` and `Returns` → `orders-returns`), so one named like its domain is
 * not numbered after it (`devices-devices`, not `devices-2`).
 */
export function childIdStem(domainId: string, name: string, kind?: string): string {
  return `${domainId}-${slugify(name, kind)}`;
}

/** A fresh id from a name that collides with none of `taken` (`kind` stands in for a name with nothing an id can keep). */
export function uniqueId(name: string, taken: ReadonlySet<string>, kind?: string): Id {
  const stem = slugify(name, kind);
  if (!taken.has(stem)) return stem;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${stem}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Whether `value` is `stem` itself or `stem` numbered after `separator` (`shop`, `shop_2`), as new names and ids are numbered. */
export function isStemOrNumbered(value: string, stem: string, separator = '-'): boolean {
  const number = value.startsWith(`${stem}${separator}`) ? value.slice(stem.length + separator.length) : '';
  return value === stem || /^\d+$/.test(number);
}
