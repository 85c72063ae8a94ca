import { z } from 'zod';
import { IdSchema } from './ids';

/** A colour as CSS writes it in hex: six digits, or three, each doubled (`#aa3` is `#aaaa33`). */
export const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** A hex colour with six digits, which a colour input and everything else reading the design take. */
export function sixDigitColor(color: string): string {
  return color.length === 4 ? `#${[...color.slice(1)].map((digit) => digit + digit).join('')}` : color;
}

export const DomainSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  description: z.string(),
  owner: z.string(),
  color: z.string().regex(HEX_COLOR, 'must be a colour like #3366cc or #36c').overwrite(sixDigitColor),
});
export type Domain = z.infer<typeof DomainSchema>;

/** Distinct, readable on light and dark backgrounds; new domains take the next one. */
export const DOMAIN_COLORS = ['#2f6fde', '#14a37f', '#c2410c', '#8e44ad', '#b8860b', '#d6336c', '#0e7490', '#5f6b7a'];

/** The colour the app gives the domain at `index` of a design's domains, in turn from DOMAIN_COLORS. */
export function domainColorAt(index: number): string {
  return DOMAIN_COLORS[index % DOMAIN_COLORS.length] as string;
}
