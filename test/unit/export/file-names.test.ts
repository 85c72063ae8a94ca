import { describe, expect, it } from 'vitest';
import {
  checkBundlePaths,
  createFileNamer,
  designFileStem,
  fileSlug,
  MAX_FILE_NAME_LENGTH,
  unsafePathReason,
} from '../../../shared/export/file-names';

describe('file names of exports', () => {
  it('slugs element names: words in lower case joined by dashes, accents and symbols dropped', () => {
    expect(fileSlug('OrderPlaced')).toBe('order-placed');
    expect(fileSlug('HTTPServer logs')).toBe('http-server-logs');
    expect(fileSlug('Ünïcödé 🚀 [beta] (v2)')).toBe('unicode-beta-v2');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('C:\\Windows')).toBe('c-windows');
    expect(fileSlug('🚀')).toBe('');
  });

  it('keeps a plural acronym one word, while camel case still splits', () => {
    expect(fileSlug('Film KPIs')).toBe('film-kpis');
    expect(fileSlug('Partner APIs')).toBe('partner-apis');
    expect(fileSlug('SLAs and IDs')).toBe('slas-and-ids');
    expect(fileSlug('FilmKPIs')).toBe('film-kpis');
    expect(fileSlug('APIsCatalog')).toBe('apis-catalog');
    expect(fileSlug('orderLines')).toBe('order-lines');
    expect(fileSlug('HTTPServer')).toBe('http-server');
  });

  it('keeps a word whose capital follows one small letter whole (IoT, iOS, eTickets), as ids do', () => {
    expect(fileSlug('IoT Turnstile Scans')).toBe('iot-turnstile-scans');
    expect(fileSlug('IoTs')).toBe('iots');
    expect(fileSlug('iOS App Events')).toBe('ios-app-events');
    expect(fileSlug('Guest eTickets')).toBe('guest-etickets');
    expect(fileSlug('customerID')).toBe('customer-id');
    expect(fileSlug('OrderPlaced')).toBe('order-placed');
    expect(fileSlug('IoTDevice')).toBe('iot-device');
  });

  it('starts a word at a capital and small letters after a two-letter word (VmStarted, IpAssigned)', () => {
    expect(fileSlug('VmStarted')).toBe('vm-started');
    expect(fileSlug('IpAssigned')).toBe('ip-assigned');
    expect(fileSlug('VmSnapshotTaken')).toBe('vm-snapshot-taken');
    expect(fileSlug('DnsZoneCreated')).toBe('dns-zone-created');
  });

  it('spells Latin letters that are no letter plus accent as ids do, rather than dropping them', () => {
    expect(fileSlug('ÄÖÜ Süßwaren')).toBe('aou-susswaren');
    expect(fileSlug('Smørrebrød')).toBe('smorrebrod');
    expect(fileSlug('Łódź Æbleskiver')).toBe('lodz-aebleskiver');
  });

  it('names a design’s exports after its name, whatever its id, and `mesh` when the name leaves no slug', () => {
    const design = { id: 'untitled', name: 'Water network' };
    expect(designFileStem(design)).toBe('water-network');
    expect(designFileStem({ ...design, name: '🚀' })).toBe('mesh');
  });

  it('names files after names, the ids of names that slug alike or leave none, never a reserved device name', () => {
    const subjects = [
      { id: 'a', name: 'Orders' },
      { id: 'b', name: 'orders ' },
      { id: 'c', name: 'Items' },
      { id: 'd', name: 'CON' },
      { id: 'launch-id', name: '🚀' },
    ];
    const nameFile = createFileNamer('odcs', subjects);
    expect(subjects.map((subject) => nameFile(subject, '.odcs.yaml'))).toEqual([
      'odcs/a.odcs.yaml',
      'odcs/b.odcs.yaml',
      'odcs/items.odcs.yaml',
      'odcs/con-2.odcs.yaml',
      'odcs/launch-id.odcs.yaml',
    ]);
  });

  it('keeps names within the length limit, suffix and extension included', () => {
    const long = `${'A'.repeat(150)} very long name ${'Z'.repeat(150)}`;
    const subjects = [
      { id: long, name: long },
      { id: `${long} too`, name: long },
    ];
    const nameFile = createFileNamer('sql', subjects);
    const [first, second] = subjects.map((subject) => nameFile(subject, '.changes.sql'));
    expect(first).not.toBe(second);
    for (const path of [first ?? '', second ?? '']) {
      expect(path.split('/').pop()!.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
      expect(unsafePathReason(path)).toBeNull();
    }
  });

  it('cuts a long name to one stem in every file of the element, whatever the extension', () => {
    const subject = { id: 'beer', name: 'Bière Brüderschaft — Ölfass '.repeat(6) };
    const stemOf = (path: string, extension: string) => path.slice(path.lastIndexOf('/') + 1, -extension.length);
    const stems = (
      [
        ['odps', '.odps.yaml'],
        ['sql', '.sql'],
        ['sql', '.changes.sql'],
        ['mermaid/architecture', '.mmd'],
      ] as const
    ).map(([folder, extension]) => stemOf(createFileNamer(folder, [subject])(subject, extension), extension));
    expect(new Set(stems).size).toBe(1);
    expect(stems[0]).toMatch(/^biere-bruderschaft-olfass-/);
  });

  it.each([
    ['../../x', "has the folder name '..'"],
    ['odcs/../../x', "has the folder name '..'"],
    ['/etc/passwd', 'is absolute'],
    ['C:/Windows/x', "'C:' has a character not allowed in file names"],
    ['odcs\\..\\x', "'odcs\\..\\x' has a character not allowed in file names"],
    ['odcs/CON', "'CON' is a reserved device name on Windows"],
    ['odcs/nul.odcs.yaml', "'nul.odcs.yaml' is a reserved device name on Windows"],
    ['odcs//x', "has the folder name ''"],
    ['odcs/x.', "'x.' ends with a dot or a space"],
    [`odcs/${'a'.repeat(101)}`, `'${'a'.repeat(101)}' is longer than 100 characters`],
    ['', 'is empty'],
  ])('refuses %j as a bundle path: it %s', (path, reason) => {
    expect(unsafePathReason(path)).toBe(reason);
  });

  it('accepts ordinary bundle paths, and reports those that clash ignoring case', () => {
    expect(checkBundlePaths(['index.md', 'odcs/orders.odcs.yaml', 'sql/orders.sql'])).toEqual([]);
    expect(checkBundlePaths(['odcs/Orders.yaml', 'odcs/orders.yaml', '../x'])).toEqual([
      { path: 'files[1]', message: "'odcs/orders.yaml' clashes with 'odcs/Orders.yaml'" },
      { path: 'files[2]', message: "'../x' has the folder name '..'" },
    ]);
  });
});
