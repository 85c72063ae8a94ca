import { excerpt, type Note } from '../model';

/** A note's words without the Markdown marks a screen reader would spell out (`**`, `#`, a list's `-`). */
function spokenMarkdown(markdown: string): string {
  return markdown.replace(/^\s*(#+|>|[-*+]|\d+\.)\s+/gm, '').replace(/[*`]+/g, '');
}

/**
 * The start of a note's text, on one line and without Markdown marks: what names a note wherever
 * it is named (its accessible name, a deletion, quick search). Empty for a note without words.
 */
export function noteWords(note: Note): string {
  return excerpt(spokenMarkdown(note.text).trim());
}
