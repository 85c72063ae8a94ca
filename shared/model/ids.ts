import { z } from 'zod';

/** Ids are safe as file names and URL segments: no slashes, dots only inside. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, 'must be letters, digits, "-", "_" or inner "." (no slashes, no leading dot)')
  .max(128);

export type Id = z.infer<typeof IdSchema>;

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

/** Turns a display name into an id stem: `Customer 360` → `customer-360`, `Smørrebrød` → `smorrebrod`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øæœßđðłþı]/g, (letter) => LATIN_LETTERS[letter] as string)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 64) || 'item';
}

/** A fresh id from a name that collides with none of `taken`. */
export function uniqueId(name: string, taken: ReadonlySet<string>): Id {
  const stem = slugify(name);
  if (!taken.has(stem)) return stem;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${stem}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
