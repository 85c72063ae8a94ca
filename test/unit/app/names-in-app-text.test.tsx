import { beforeEach, describe, expect, it } from 'vitest';
import { openFile, saveFile } from '../../../renderer/app/file-commands';
import { currentWindowTitle } from '../../../renderer/app/use-window-state';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { listedName, serializeMesh, shownName } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from './fake-host';

const FSI = '\u2068';
const PDI = '\u2069';
/** Drawn as `Étude exe.txt.mesh.json` but named `…txt.exe…`: the override reverses what follows it. */
const OVERRIDDEN = 'Étude \u202eexe.txt\u202c.mesh.json';

const notice = () => useNoticeStore.getState().notice?.text;

describe('a file name shown in the app’s own text', () => {
  let host: FakeHost;
  beforeEach(() => {
    host = new FakeHost();
    useNoticeStore.getState().dismiss();
    useDocumentStore.getState().close();
  });

  it('is shown as the CLI shows it: isolated when it could reorder the text round it, its controls escaped', () => {
    expect(shownName(OVERRIDDEN)).toBe(`${FSI}${OVERRIDDEN}${PDI}`);
    expect(shownName('orders\nok.mesh.json')).toBe('orders\\nok.mesh.json');
    expect(shownName('orders.mesh.json')).toBe('orders.mesh.json');
  });

  it('is isolated in the notice of a save and in the window title', async () => {
    useDocumentStore.getState().open(aMesh().build(), { name: OVERRIDDEN, path: `/home/ada/${OVERRIDDEN}` });
    host.saveTarget = { name: OVERRIDDEN, path: `/home/ada/${OVERRIDDEN}` };
    useDocumentStore.getState().change((mesh) => ({ ...mesh, description: 'edited' }));

    await saveFile(host, { saveAs: false });

    expect(notice()).toBe(`Saved ${FSI}${OVERRIDDEN}${PDI}`);
    expect(currentWindowTitle()).toBe(`${FSI}${OVERRIDDEN}${PDI} — Data Mesh Designer`);
  });

  it('is isolated in the notice of an open', async () => {
    host.fileToOpen = {
      file: { name: OVERRIDDEN, path: `/home/ada/${OVERRIDDEN}` },
      text: serializeMesh(aMesh().build()),
    };

    await openFile(host);

    expect(notice()).toBe(`Opened ${FSI}${OVERRIDDEN}${PDI}`);
  });
});

describe('a name listed to choose from (Open Recent, unsaved work to restore)', () => {
  it('shows its direction controls as escapes, so `x` U+202E `gpj.exe` cannot pass for `x exe.jpg`', () => {
    expect(listedName('../../etc/cron.d/x \u202egpj.exe')).toBe('../../etc/cron.d/x \\u202egpj.exe');
    expect(listedName(OVERRIDDEN)).toBe('Étude \\u202eexe.txt\\u202c.mesh.json');
  });

  it('keeps a right-to-left name as written, isolated, and escapes what could break its line', () => {
    expect(listedName('הזמנות.mesh.json')).toBe(`${FSI}הזמנות.mesh.json${PDI}`);
    expect(listedName('orders\nok.mesh.json')).toBe('orders\\nok.mesh.json');
  });
});
