import { describe, expect, it } from 'vitest';
import { createFileHandoff } from '../../../electron/app/file-handoff';
import { meshFileInArguments } from '../../../electron/app/launch-files';
import type { FileRef } from '../../../shared/ipc';

function aHandoff() {
  const granted: string[] = [];
  const sent: FileRef[] = [];
  let windowsOpened = 0;
  const handoff = createFileHandoff({
    grant: async (path) => void granted.push(path),
    send: (file) => sent.push(file),
    openWindowIfNone: () => void windowsOpened++,
  });
  return { handoff, granted, sent, windowsOpened: () => windowsOpened };
}

describe('handing files from the operating system to the page', () => {
  it('keeps a file given at launch until the page asks for it', async () => {
    const { handoff, sent } = aHandoff();

    await handoff.offer('/home/ada/orders.mesh.json');

    expect(sent).toEqual([]);
    expect(handoff.take()).toEqual([{ name: 'orders.mesh.json', path: '/home/ada/orders.mesh.json' }]);
    expect(handoff.take()).toEqual([]);
  });

  it('sends a second launch’s file to the running page at once', async () => {
    const { handoff, sent } = aHandoff();
    handoff.take();

    await handoff.offer('/home/ada/shop.mesh.json');

    expect(sent).toEqual([{ name: 'shop.mesh.json', path: '/home/ada/shop.mesh.json' }]);
  });

  it('lets the page open the file before it is handed over', async () => {
    const { handoff, granted } = aHandoff();

    await handoff.offer('/home/ada/orders.mesh.json');

    expect(granted).toEqual(['/home/ada/orders.mesh.json']);
  });

  it('holds files again while the page reloads', async () => {
    const { handoff, sent } = aHandoff();
    handoff.take();
    handoff.pageUnloaded();

    await handoff.offer('/home/ada/orders.mesh.json');

    expect(sent).toEqual([]);
    expect(handoff.take()).toHaveLength(1);
  });
});

describe('a file handed over while the app has no window (macOS keeps running without one)', () => {
  it('opens a window, whose page then takes the file', async () => {
    const { handoff, sent, windowsOpened } = aHandoff();
    handoff.take();
    handoff.pageUnloaded();

    await handoff.offer('/Users/ada/claims.mesh.json');

    expect(sent).toEqual([]);
    expect(windowsOpened()).toBe(1);
    expect(handoff.take()).toEqual([{ name: 'claims.mesh.json', path: '/Users/ada/claims.mesh.json' }]);
  });

  it('opens no window for a file the open page takes at once', async () => {
    const { handoff, windowsOpened } = aHandoff();
    handoff.take();

    await handoff.offer('/Users/ada/claims.mesh.json');

    expect(windowsOpened()).toBe(0);
  });
});

describe('the design named on a command line', () => {
  it('finds a design among Electron’s own arguments and resolves it against the launch folder', () => {
    expect(
      meshFileInArguments(['/opt/app/data-mesh-designer', '--no-sandbox', 'designs/orders.mesh.json'], '/home/ada'),
    ).toBe('/home/ada/designs/orders.mesh.json');
  });

  it('takes an absolute path as it is, and the last design when several are named', () => {
    expect(meshFileInArguments(['app', '/tmp/a.mesh.json', '/tmp/B.MESH.JSON'], '/home/ada')).toBe('/tmp/B.MESH.JSON');
  });

  it('reads a file:// address, as Linux file managers pass it, as the path it encodes', () => {
    expect(
      meshFileInArguments(['/opt/app/data-mesh-designer', 'file:///home/ada/Claims%20Intake.mesh.json'], '/tmp'),
    ).toBe('/home/ada/Claims Intake.mesh.json');
  });

  it('skips a file:// address that names no local path', () => {
    expect(meshFileInArguments(['app', 'file://server/share/a.mesh.json'], '/home/ada')).toBeNull();
  });

  it('takes a name starting with a dash as a file after --, where flags end', () => {
    expect(meshFileInArguments(['app', '--', '-odd-name.mesh.json'], '/home/ada')).toBe(
      '/home/ada/-odd-name.mesh.json',
    );
  });

  it('finds nothing in a plain launch or in flags', () => {
    expect(meshFileInArguments(['electron', '.', '--inspect=x.mesh.json'], '/home/ada')).toBeNull();
  });
});
