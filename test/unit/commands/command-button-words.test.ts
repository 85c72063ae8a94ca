import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchCommands } from '../../../shared/commands/command-search';

const RENDERER = join(import.meta.dirname, '../../../renderer');

interface ButtonWords {
  command: string;
  /** What the button shows, or says to a screen reader: each text it can show. */
  words: string;
  place: string;
}

/** The texts a JSX child or attribute value can show: its text, or each quoted string (`{locked ? 'Unlock' : 'Lock position'}`). */
function shownStrings(jsx: string): string[] {
  const quoted = [...jsx.matchAll(/'([^']*)'|"([^"]*)"/g)].map((match) => match[1] ?? match[2] ?? '');
  return jsx.trim().startsWith('{') || quoted.length > 0 ? quoted : [jsx.trim()];
}

/**
 * Every `<CommandButton command="…">` in the renderer, with each text it shows and its aria label
 * (TypeScript 7 has no compiler API to parse them with; the buttons are written plainly enough).
 */
function commandButtons(): ButtonWords[] {
  const files = readdirSync(RENDERER, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.tsx'));
  return files.flatMap((file) => {
    const source = readFileSync(join(RENDERER, file), 'utf8');
    return [...source.matchAll(/<CommandButton\b((?:[^>{]|\{[^}]*\})*)>([\s\S]*?)<\/CommandButton>/g)].flatMap(
      (button) => {
        const [, attributes = '', children = ''] = button;
        const command = /\bcommand="([^"]+)"/.exec(attributes)?.[1] ?? '?';
        const label = /\blabel=("[^"]*"|\{[^}]*\})/.exec(attributes)?.[1];
        const place = `${file}:${source.slice(0, button.index).split('\n').length}`;
        return [...shownStrings(children), ...(label ? shownStrings(label) : [])]
          .filter((words) => /\p{L}/u.test(words))
          .map((words) => ({ command, words, place }));
      },
    );
  });
}

describe('the command palette finds a command by its buttons’ words', () => {
  const buttons = commandButtons();

  it('reads the buttons of the toolbar, the inspector and the simulation bar', () => {
    expect(buttons).toContainEqual(expect.objectContaining({ command: 'file.save', words: 'Save' }));
    expect(buttons).toContainEqual(expect.objectContaining({ command: 'edit.lock', words: 'Lock position' }));
    expect(buttons).toContainEqual(expect.objectContaining({ command: 'simulation.step-back', words: 'Step back' }));
  });

  it('finds every command by the text of each of its buttons', () => {
    const unfound = buttons.filter(({ command, words }) => !searchCommands(words).some(({ id }) => id === command));
    expect(unfound.map(({ command, words, place }) => `${place} ${command}: “${words}”`)).toEqual([]);
  });

  it('finds Distribute by the words other tools and older versions use', () => {
    for (const words of ['space across', 'space evenly', 'spread', 'tidy up', 'horizontal spacing']) {
      expect(searchCommands(words)[0]?.id, words).toBe('arrange.distribute-horizontally');
    }
    for (const words of ['space down', 'vertical spacing']) {
      expect(searchCommands(words)[0]?.id, words).toBe('arrange.distribute-vertically');
    }
  });
});
