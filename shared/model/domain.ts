import { z } from 'zod';
import { IdSchema } from './ids';

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export const DomainSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  description: z.string(),
  owner: z.string(),
  color: z.string().regex(HEX_COLOR, 'must be a colour like #3366cc'),
});
export type Domain = z.infer<typeof DomainSchema>;
