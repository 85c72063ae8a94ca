import { describe, expect, it } from 'vitest';
import { exportManifestText, staleExportFiles } from '../../../shared/files/export-manifest';

describe('the files a previous export wrote that this one does not', () => {
  it('are those its listing names and this export does not write', () => {
    const previous = exportManifestText(['index.md', 'odps/keg-fleet.odps.yaml', 'sql/keg-fleet.sql']);
    expect(staleExportFiles(previous, ['index.md', 'odps/keg-logistics.odps.yaml', 'sql/keg-logistics.sql'])).toEqual([
      'odps/keg-fleet.odps.yaml',
      'sql/keg-fleet.sql',
    ]);
  });

  it('are none without a listing, or with one that is not ours', () => {
    expect(staleExportFiles(undefined, ['index.md'])).toEqual([]);
    expect(staleExportFiles('not json', ['index.md'])).toEqual([]);
    expect(staleExportFiles('{"files": "index.md"}', [])).toEqual([]);
  });

  it('never include a path that could leave the folder, nor one this export writes in another case', () => {
    const previous = JSON.stringify({ files: ['../notes.txt', '/etc/passwd', 'a/../../b', 'SQL/Orders.sql', 7] });
    expect(staleExportFiles(previous, ['sql/orders.sql'])).toEqual([]);
  });
});
