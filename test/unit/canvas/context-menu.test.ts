import { describe, expect, it } from 'vitest';
import { contextMenuCommands } from '../../../renderer/canvas/context-menu-items';
import { salesPipeline } from '../editing/editing-fixtures';

const mesh = salesPipeline();

describe('right-click menus offer what applies', () => {
  it('on the empty canvas: paste and add here, select all, lay out, fit', () => {
    expect(contextMenuCommands({ kind: 'pane' }, mesh, 0).flat()).toEqual([
      'edit.paste',
      'add.domain',
      'add.note',
      'select.all',
      'view.auto-layout',
      'view.zoom-to-fit',
    ]);
  });

  it('on a product: its contract and lineage, the clipboard, the lock; alignment once several are selected', () => {
    const one = contextMenuCommands({ kind: 'node', id: 'orders' }, mesh, 1).flat();
    expect(one).toEqual(expect.arrayContaining(['view.open-contract', 'view.focus-lineage', 'edit.copy', 'edit.lock']));
    expect(one).not.toContain('arrange.align-left');
    const several = contextMenuCommands({ kind: 'node', id: 'orders' }, mesh, 3).flat();
    expect(several).toEqual(expect.arrayContaining(['arrange.align-left', 'arrange.distribute-horizontally']));
  });

  it('on a product or a system: Connect…, to link one of its ports from the keyboard; not on a domain', () => {
    expect(contextMenuCommands({ kind: 'node', id: 'orders' }, mesh, 1).flat()).toContain('edit.connect');
    expect(contextMenuCommands({ kind: 'node', id: 'shop' }, mesh, 1).flat()).toContain('edit.connect');
    expect(contextMenuCommands({ kind: 'node', id: 'sales' }, mesh, 1).flat()).not.toContain('edit.connect');
  });

  it('on a product or system: group the selection into a new domain', () => {
    expect(contextMenuCommands({ kind: 'node', id: 'orders' }, mesh, 2).flat()).toContain('arrange.group-into-domain');
    expect(contextMenuCommands({ kind: 'node', id: 'sales' }, mesh, 1).flat()).not.toContain(
      'arrange.group-into-domain',
    );
  });

  it('on a domain: add a product or system into it', () => {
    expect(contextMenuCommands({ kind: 'node', id: 'sales' }, mesh, 1)[0]).toEqual([
      'add.product',
      'add.system',
      'edit.paste',
    ]);
  });

  it('inside a domain, off its title: add a product or system there, then what the canvas offers', () => {
    expect(contextMenuCommands({ kind: 'domain-body', id: 'sales' }, mesh, 0)).toEqual([
      ['add.product', 'add.system', 'edit.paste'],
      ['add.domain', 'add.note'],
      ['select.all', 'view.auto-layout', 'view.zoom-to-fit'],
    ]);
  });

  it('on a link: its contract, its lineage, zoom to it, move an end of it, delete it', () => {
    expect(contextMenuCommands({ kind: 'link', id: 'orders-to-revenue' }, mesh, 0).flat()).toEqual([
      'view.open-contract',
      'view.focus-lineage',
      'view.zoom-to-selection',
      'edit.move-link-end',
      'edit.delete',
    ]);
  });
});
