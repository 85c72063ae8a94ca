import { listedName } from '../model/isolated-names';
import { COMMANDS, type CommandDefinition } from './command-table';

/** How well one word of the query fits a text: higher is better, null when it does not fit at all. */
function wordScore(text: string, word: string): number | null {
  const index = text.indexOf(word);
  if (index === 0) return 4;
  if (index > 0) return /[\s\-–(/]/.test(text[index - 1] as string) ? 3 : 2;
  // Letters in order with gaps ("zts" for "zoom to selection"), as VS Code and draw.io match.
  let from = 0;
  for (const letter of word) {
    from = text.indexOf(letter, from) + 1;
    if (from === 0) return null;
  }
  return 1;
}

/** How well a query fits a command, its label counting more than its description, other words and group; null when it does not. */
export function commandMatchScore(command: CommandDefinition, query: string): number | null {
  const rest = [command.description ?? '', ...(command.keywords ?? []), command.group].join(' ');
  return labelMatchScore(command.label, rest, query);
}

/** How well a query fits a palette line: its label counting more than the rest of what it says; null when it does not. */
export function labelMatchScore(labelText: string, restText: string, query: string): number | null {
  // A button's text typed as shown (`Search…`, `Theme: dark`) must not fail on its punctuation.
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/(?:…|\.\.\.|:)$/, ''))
    .filter(Boolean);
  const label = labelText.toLowerCase();
  const rest = restText.toLowerCase();
  let total = 0;
  for (const word of words) {
    const inLabel = wordScore(label, word);
    const inRest = wordScore(rest, word);
    // A word found only by scattered letters in the description would match nearly anything.
    const score = inLabel !== null ? inLabel * 2 : inRest !== null && inRest > 1 ? inRest : null;
    if (score === null) return null;
    total += score;
  }
  return total;
}

/**
 * The commands the palette lists for a query, best match first (table order among equals); every
 * command but those only their keys can aim, all of them for an empty query.
 */
export function searchCommands(query: string, commands: readonly CommandDefinition[] = COMMANDS): CommandDefinition[] {
  return commands
    .filter((command) => !command.isKeysOnly)
    .flatMap((command, order) => {
      const score = commandMatchScore(command, query);
      return score === null ? [] : [{ command, score, order }];
    })
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ command }) => command);
}

/** The prefix that turns quick search into the command palette, as in VS Code. */
export const COMMAND_PREFIX = '>';

/** What the quick-search field asks for: elements of the design, or (after `>`) commands. */
export function quickSearchMode(text: string): { searches: 'elements' | 'commands'; query: string } {
  return text.startsWith(COMMAND_PREFIX)
    ? { searches: 'commands', query: text.slice(COMMAND_PREFIX.length).trim() }
    : { searches: 'elements', query: text };
}

/** The recent designs the palette offers for a query (`open recent`, or part of a name), in the recent list's order. */
export function searchRecentFiles<File extends { name: string }>(
  query: string,
  files: readonly File[],
): { file: File; label: string }[] {
  return files
    .map((file) => ({ file, label: `Open Recent: ${listedName(file.name)}` }))
    .filter((entry) => labelMatchScore(entry.label, 'File', query) !== null);
}
