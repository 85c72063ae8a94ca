import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { browserHost } from '../../../renderer/host/browser-host';
import type { KeyValueStore } from '../../../renderer/host/key-value-store';
import { EXPORT_MANIFEST_PATH, exportManifestText, unlistedExportPaths } from '../../../shared/files/export-manifest';

/** The browser host's zip download, with the page's download link caught instead of clicked. */
function aBrowser() {
  const downloads: { name: string; blob: Blob }[] = [];
  const store: KeyValueStore = {
    get: async () => undefined,
    set: async () => undefined,
    delete: async () => undefined,
    entries: async () => [],
  };
  const page = {
    document: {
      createElement: () => ({
        click(this: { href: string; download: string }) {
          downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
        },
      }),
    },
  } as unknown as Window;
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  return { host: browserHost(store, page), downloads, restore: () => (URL.createObjectURL = createObjectURL) };
}

describe('the browser’s export zip', () => {
  it('holds the bundle’s files under their paths', async () => {
    const { host, downloads, restore } = aBrowser();
    try {
      await host.exportFiles('shop', [
        { path: 'index.md', content: '# shop\n' },
        { path: 'odcs/order.odcs.yaml', content: 'kind: DataContract\n' },
      ]);
      const entries = unzipSync(new Uint8Array(await downloads[0]!.blob.arrayBuffer()));
      expect(downloads[0]?.name).toBe('shop.zip');
      expect(Object.keys(entries)).toEqual(['index.md', 'odcs/order.odcs.yaml', EXPORT_MANIFEST_PATH]);
    } finally {
      restore();
    }
  });

  it('carries the listing a folder export writes, so the CLI can refresh a folder unzipped from it', async () => {
    const { host, downloads, restore } = aBrowser();
    const files = [
      { path: 'index.md', content: '# shop\n' },
      { path: 'odcs/order.odcs.yaml', content: 'kind: DataContract\n' },
    ];
    try {
      await host.exportFiles('shop', files);
      const entries = unzipSync(new Uint8Array(await downloads[0]!.blob.arrayBuffer()));
      const listing = new TextDecoder().decode(entries[EXPORT_MANIFEST_PATH]);
      expect(listing).toBe(exportManifestText(['index.md', 'odcs/order.odcs.yaml']));
      expect(unlistedExportPaths(listing, ['index.md', 'odcs/order.odcs.yaml'])).toEqual([]);
    } finally {
      restore();
    }
  });

  it('stores images as their bytes beside the text files', async () => {
    const { host, downloads, restore } = aBrowser();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);
    try {
      await host.exportFiles('shop', [
        { path: 'mermaid/view.mmd', content: 'flowchart LR\n' },
        { path: 'mermaid/view.png', content: png },
      ]);
      const entries = unzipSync(new Uint8Array(await downloads[0]!.blob.arrayBuffer()));
      expect(new TextDecoder().decode(entries['mermaid/view.mmd'])).toBe('flowchart LR\n');
      expect(entries['mermaid/view.png']).toEqual(png);
    } finally {
      restore();
    }
  });

  it.each(['../../x', '/etc/passwd', 'odcs/CON', 'a/./b'])(
    'refuses the entry name %j and downloads nothing',
    async (path) => {
      const { host, downloads, restore } = aBrowser();
      try {
        await expect(host.exportFiles('shop', [{ path, content: 'owned' }])).rejects.toThrow(/^Refusing to zip: /);
        expect(downloads).toEqual([]);
      } finally {
        restore();
      }
    },
  );

  it('refuses two entries that differ only in case, which unpack as one file on macOS and Windows', async () => {
    const { host, restore } = aBrowser();
    try {
      await expect(
        host.exportFiles('shop', [
          { path: 'odcs/Order.yaml', content: 'a' },
          { path: 'odcs/order.yaml', content: 'b' },
        ]),
      ).rejects.toThrow("'odcs/order.yaml' clashes with 'odcs/Order.yaml'");
    } finally {
      restore();
    }
  });
});
