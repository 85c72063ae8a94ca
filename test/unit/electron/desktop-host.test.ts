import { describe, expect, it } from 'vitest';
import { MAX_MESH_FILE_BYTES } from '../../../shared/model/mesh-file-format';
import { A_WEB_PAGE, aDesktop } from './fakes/a-desktop';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

/** A desktop whose native unsaved-changes box answers `choice` and remembers the names it showed. */
function aDesktopAsking(choice: 'save' | 'discard' | 'cancel') {
  const shownNames: string[] = [];
  const desktop = aDesktop({}, new InMemoryFileSystem(), {
    askToSaveChanges: async (documentName) => {
      shownNames.push(documentName);
      return choice;
    },
  });
  return { ...desktop, shownNames };
}

describe('the desktop host asking about unsaved changes', () => {
  it('asks with the design’s name', async () => {
    const { host, shownNames } = aDesktopAsking('discard');

    expect(await host.askToSaveChanges('Orders')).toBe('discard');
    expect(shownNames).toEqual(['Orders']);
  });

  it('still asks about a design whose name is longer than a dialog shows, with the start of the name', async () => {
    const { host, shownNames } = aDesktopAsking('save');
    const longName = `Recovered ${'Order fulfilment '.repeat(30)}`;

    expect(await host.askToSaveChanges(longName)).toBe('save');
    expect(shownNames[0]).toMatch(/^Recovered Order fulfilment .*…$/);
    expect(shownNames[0]?.length).toBeLessThanOrEqual(200);
  });

  it('still asks about a design whose name holds line breaks or tabs, shown on one line', async () => {
    const { host, shownNames } = aDesktopAsking('cancel');

    expect(await host.askToSaveChanges('Orders\nand\tpayments\u0007')).toBe('cancel');
    expect(shownNames).toEqual(['Orders and payments']);
  });

  it('still asks about a design whose name holds separators or direction overrides, shown without them', async () => {
    const { host, shownNames } = aDesktopAsking('cancel');

    expect(await host.askToSaveChanges('Orders\u2028Click Don’t Save\u2029evil\u202Egpj.exe\u2066x\u2069')).toBe(
      'cancel',
    );
    expect(shownNames).toEqual(['Orders Click Don’t Save evilgpj.exex']);
  });
});

describe('the desktop host asking about a file an older version wrote', () => {
  it('asks main with the file’s name, shown on one line, and its format', async () => {
    const asked: string[] = [];
    const { host } = aDesktop({}, new InMemoryFileSystem(), {
      askToSaveInNewFormat: async (fileName, fileFormat) => {
        asked.push(`${fileName} (format ${fileFormat})`);
        return 'save';
      },
    });

    expect(await host.askToSaveInNewFormat('orders\n.mesh.json', 1)).toBe('save');
    expect(asked).toEqual(['orders .mesh.json (format 1)']);
  });
});

describe('the desktop host saving', () => {
  it('offers the design’s own file name in the save dialog of Save As… and a first save', async () => {
    const { host, dialog } = aDesktop({ savePath: null });

    await host.saveFile(null, 'claims-intake.mesh.json', '{}');

    expect(dialog.suggestedSaveNames).toEqual(['claims-intake.mesh.json']);
  });
});

describe('the desktop host reading the clipboard', () => {
  /** A desktop whose system clipboard holds `text`. */
  const aDesktopWithClipboard = (text: string) =>
    aDesktop({}, new InMemoryFileSystem(), {}, { readText: async () => text });

  it('reads the system clipboard’s text through main, which the page itself may not read', async () => {
    const { host } = aDesktopWithClipboard('{"format": "data-mesh-designer/elements"}');

    expect(await host.readClipboardText()).toBe('{"format": "data-mesh-designer/elements"}');
  });

  it('refuses text larger than a design may be, saying how large it is', async () => {
    const { host } = aDesktopWithClipboard('x'.repeat(MAX_MESH_FILE_BYTES + 1));

    await expect(host.readClipboardText()).rejects.toThrow(
      'Refusing to paste: the clipboard holds 64.1 MiB of text, over the 64 MiB a design may have.',
    );
  });

  it('gives the clipboard to no page but the app’s own', async () => {
    const { invokeAs } = aDesktopWithClipboard('secret');

    expect(await invokeAs(A_WEB_PAGE, 'clipboard:read-text', undefined)).toEqual({
      ok: false,
      error: 'Refusing clipboard:read-text: the request did not come from the app.',
    });
  });
});
