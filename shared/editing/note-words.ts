import MarkdownIt, { type Token } from 'markdown-it';
import { excerpt, type Note } from '../model';

/** Parses as the note is drawn (renderer/markdown), so what is read out is what is shown. */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

/** One line of a paragraph or heading as shown: a link by its text, an image by its alt text, no marks. */
function shownWords(inline: Token): string {
  return (inline.children ?? [])
    .map((token) => {
      if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
      if (token.type === 'image') return shownWords(token);
      return token.type === 'text' || token.type === 'code_inline' ? token.content : '';
    })
    .join('');
}

/**
 * A note's words without the Markdown a screen reader would spell out (`**`, `_`, `~~`, `#`, a
 * list's `-`, a link's address): each block's text as the note shows it.
 */
function spokenMarkdown(text: string): string {
  return markdown
    .parse(text, {})
    .map((token) => {
      if (token.type === 'inline') return shownWords(token);
      return token.type === 'fence' || token.type === 'code_block' ? token.content : '';
    })
    .filter((words) => words.trim() !== '')
    .join(' ');
}

/**
 * The start of a note's text, on one line and without Markdown marks: what names a note wherever
 * it is named (its accessible name, a deletion, quick search). Empty for a note without words.
 */
export function noteWords(note: Note): string {
  return excerpt(spokenMarkdown(note.text).trim());
}
