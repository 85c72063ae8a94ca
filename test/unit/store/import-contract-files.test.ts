import { beforeEach, describe, expect, it } from 'vitest';
import { importContracts } from '../../../renderer/contracts/import/import-contract-files';
import { useImportPlan } from '../../../renderer/contracts/import/import-plan-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, openDocument } from './store-fixture';

const DESCRIPTION = 'Finca La Esperanza, Huila – Colómbia';

/** `text` as Windows-1252 saves it: one byte a character, the en dash as 0x96. */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (character) => (character === '–' ? 0x96 : character.charCodeAt(0)));
}

const SOURCES = {
  'farms.sql': `CREATE TABLE farms (id INT PRIMARY KEY);\nCOMMENT ON TABLE farms IS '${DESCRIPTION}';\n`,
  'farms.odcs.yaml': `apiVersion: v3.1.0\nkind: DataContract\nid: farms\nversion: 1.0.0\nstatus: draft\ndescription:\n  purpose: ${DESCRIPTION}\n`,
  'farms.schema.json': JSON.stringify({ title: 'farms', description: DESCRIPTION, type: 'object', properties: {} }),
};

const notice = () => useNoticeStore.getState().notice;

describe('importing contract files picked with Import… or dropped on the window', () => {
  beforeEach(() => {
    openDocument(aMesh().withDomain('coffee').withProduct('harvests', 'coffee').withContract('lots').build());
    useNoticeStore.setState({ notice: null, history: [] });
    useImportPlan.getState().close();
  });

  it.each(Object.entries(SOURCES))(
    'refuses %s saved as Windows-1252, naming the byte that is not UTF-8, and imports nothing',
    async (name, text) => {
      const before = documentNow();
      await importContracts([new File([windows1252(text)], name)]);
      const offset = text.indexOf('–');
      expect(notice()).toMatchObject({
        tone: 'error',
        text: `Could not import ${name}: byte ${offset} (0x96) is not UTF-8: the file was saved in another encoding (Latin-1, Windows-1252?); save it again as UTF-8. Nothing was changed.`,
      });
      expect(useImportPlan.getState().files).toBeNull();
      expect(documentNow()).toBe(before);
    },
  );

  it('refuses a binary file as binary, as the CLI does, and imports none of the files given with it', async () => {
    const before = documentNow();
    const binary = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x22, 0x0d, 0x0a])], 'photo.json');
    await importContracts([new File([SOURCES['farms.odcs.yaml']], 'farms.odcs.yaml'), binary]);
    expect(notice()?.text).toBe(
      'Could not import photo.json: the file contains NUL bytes: it is UTF-16 without a byte order mark or binary, not text. Nothing was changed.',
    );
    expect(documentNow()).toBe(before);
  });

  it('reads UTF-16 with a byte order mark, as SSMS saves a "Unicode" script', async () => {
    const text = SOURCES['farms.sql'];
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer),
    ]);
    await importContracts([new File([utf16], 'farms.sql')]);
    const [file] = useImportPlan.getState().files ?? [];
    expect(file?.ok && file.contract.schema.map((object) => object.description)).toEqual([DESCRIPTION]);
  });
});
