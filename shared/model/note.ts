import { z } from 'zod';
import { IdSchema } from './ids';

/** Longer notes belong in a product's documentation; a sticky note is a remark on the canvas. */
export const MAX_NOTE_LENGTH = 10_000;

/**
 * A sticky note on the canvas: Markdown text, drawn where the layout places it (on the canvas,
 * not inside a domain). It takes part in nothing but the drawing.
 */
export const NoteSchema = z.strictObject({
  id: IdSchema,
  text: z.string().max(MAX_NOTE_LENGTH),
});
export type Note = z.infer<typeof NoteSchema>;
