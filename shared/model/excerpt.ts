/** The start of a text on one line, cut with `…` past `maxLength` characters: what a message or a name quotes of it. */
export function excerpt(text: string, maxLength = 60): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1).trimEnd()}…` : oneLine;
}
