import Markdown from 'react-markdown';

/** Images would fetch from anywhere; a note is text. */
const DISALLOWED = ['img'];

function ExternalLink({ href, children }: { href?: string; children?: React.ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/**
 * A note's Markdown as React elements, never as HTML: raw HTML in the text is dropped (`skipHtml`),
 * unsafe link targets (`javascript:`, `data:`) are removed by react-markdown's URL check, and
 * images are not shown, so a note pasted from anywhere cannot run or fetch anything.
 */
export function NoteMarkdown({ text }: { text: string }) {
  return (
    <Markdown skipHtml disallowedElements={DISALLOWED} components={{ a: ExternalLink }}>
      {text}
    </Markdown>
  );
}
