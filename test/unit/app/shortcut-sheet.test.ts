import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHEET_GROUPS, sheetLines } from '../../../renderer/app/shortcuts';
import type { CommandGroup } from '../../../shared/commands/command-table';

interface DocumentedShortcut {
  group: string;
  keys: string;
  description: string;
}

/** The rows of the tables in docs/keyboard-shortcuts.md, each under the heading of its section. */
function documentedShortcuts(): DocumentedShortcut[] {
  const docs = readFileSync(join(import.meta.dirname, '../../../docs/keyboard-shortcuts.md'), 'utf8');
  const rows: DocumentedShortcut[] = [];
  let group = '';
  for (const line of docs.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) group = heading[1] ?? '';
    const row = /^\|\s*(<kbd>.*?)\s*\|\s*(.+?)\s*\|$/.exec(line);
    if (row) rows.push({ group, keys: row[1] ?? '', description: row[2] ?? '' });
  }
  return rows;
}

describe('the keyboard-shortcut sheet (?)', () => {
  it('lists every shortcut docs/keyboard-shortcuts.md tables, in the same section', () => {
    const documented = documentedShortcuts();
    expect(documented.length).toBeGreaterThan(50);
    const missing = documented.filter(({ group, description }) => {
      const onSheet = SHEET_GROUPS.includes(group as CommandGroup) ? sheetLines(group as CommandGroup, 'other') : [];
      return !onSheet.some((line) => description.startsWith(line.description));
    });
    expect(missing.map(({ group, keys }) => `${group}: ${keys}`)).toEqual([]);
  });

  it('lists the keys of a trace and of presenter mode under Simulation, with the keys as the docs write them', () => {
    const simulation = sheetLines('Simulation', 'other');
    expect(simulation).toContainEqual({ keys: ['1–5'], description: 'Presenter mode: fire a card of the fault deck' });
    expect(simulation).toContainEqual({
      keys: ['Page Down', 'Page Up'],
      description: expect.stringMatching(/^Presenter mode: scroll the stage a panel/),
    });
  });
});
