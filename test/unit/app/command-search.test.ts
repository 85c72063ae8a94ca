import { describe, expect, it } from 'vitest';
import { quickSearchMode, searchCommands, searchRecentFiles } from '../../../shared/commands/command-search';
import { COMMANDS } from '../../../shared/commands/command-table';

const ids = (query: string) => searchCommands(query).map((command) => command.id);

describe('the command palette’s search', () => {
  it('lists every command that does not need its keys to aim, in table order, for an empty query', () => {
    const listed = ids('');

    expect(listed).toContain('file.save');
    expect(listed).toContain('arrange.group-into-domain');
    expect(listed).not.toContain('edit.nudge');
    expect(listed).not.toContain('select.walk');
    expect(listed.length).toBe(COMMANDS.filter((command) => !('isKeysOnly' in command)).length);
  });

  it('finds a command by part of its label, a label that starts so first', () => {
    expect(ids('zoom').slice(0, 4)).toEqual([
      'view.zoom-to-fit',
      'view.zoom-to-selection',
      'view.zoom-in',
      'view.zoom-out',
    ]);
    expect(ids('save')[0]).toBe('file.save');
  });

  it('finds a command by letters in order with gaps (fuzzy)', () => {
    expect(ids('grpdom')).toContain('arrange.group-into-domain');
    expect(ids('zts')[0]).toBe('view.zoom-to-selection');
  });

  it('matches every word of the query, in any order, in the label or the description', () => {
    expect(ids('domain group')[0]).toBe('arrange.group-into-domain');
    expect(ids('manifests')).toEqual(['file.export']);
  });

  it('finds nothing for words no command has', () => {
    expect(ids('xylophone')).toEqual([]);
  });
});

describe('quick search and the command palette share one field', () => {
  it('searches the design, and commands after “>”', () => {
    expect(quickSearchMode('orders')).toEqual({ searches: 'elements', query: 'orders' });
    expect(quickSearchMode('> zoom ')).toEqual({ searches: 'commands', query: 'zoom' });
    expect(quickSearchMode('>')).toEqual({ searches: 'commands', query: '' });
  });
});

describe('recent designs in the command palette', () => {
  const files = [{ name: 'orders.mesh.json' }, { name: 'notary.mesh.json' }];
  const labels = (query: string) => searchRecentFiles(query, files).map((entry) => entry.label);

  it('lists each as Open Recent, in the recent list’s order, for an empty query or “open recent”', () => {
    expect(labels('')).toEqual(['Open Recent: orders.mesh.json', 'Open Recent: notary.mesh.json']);
    expect(labels('open recent')).toEqual(labels(''));
  });

  it('finds one by part of its name, and none for another command’s words', () => {
    expect(labels('notary')).toEqual(['Open Recent: notary.mesh.json']);
    expect(labels('zoom')).toEqual([]);
  });

  it('shows a direction override in a name as its escape, so the name cannot pass for another', () => {
    const disguised = [{ name: '../../etc/cron.d/x \u202egpj.exe' }];

    expect(searchRecentFiles('', disguised).map((entry) => entry.label)).toEqual([
      'Open Recent: ../../etc/cron.d/x \\u202egpj.exe',
    ]);
  });
});
