/** Names as plain text in Markdown: no tables broken by `|`, no HTML, no links or emphasis made by accident. */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|<>~]/g, (character) => `\\${character}`)
    .trim();
}
