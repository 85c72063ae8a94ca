import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { browserHost } from '../../../renderer/host/browser-host';
import type { KeyValueStore } from '../../../renderer/host/key-value-store';

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
        { path: 'index.md', text: '# shop\n' },
        { path: 'odcs/order.odcs.yaml', text: 'kind: DataContract\n' },
      ]);
      const entries = unzipSync(new Uint8Array(await downloads[0]!.blob.arrayBuffer()));
      expect(downloads[0]?.name).toBe('shop.zip');
      expect(Object.keys(entries)).toEqual(['index.md', 'odcs/order.odcs.yaml']);
    } finally {
      restore();
    }
  });

  it.each(['../../x', '/etc/passwd', 'odcs/CON', 'a/./b'])(
    'refuses the entry name %j and downloads nothing',
    async (path) => {
      const { host, downloads, restore } = aBrowser();
      try {
        await expect(host.exportFiles('shop', [{ path, text: 'owned' }])).rejects.toThrow(/^Refusing to zip: /);
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
          { path: 'odcs/Order.yaml', text: 'a' },
          { path: 'odcs/order.yaml', text: 'b' },
        ]),
      ).rejects.toThrow("'odcs/order.yaml' clashes with 'odcs/Order.yaml'");
    } finally {
      restore();
    }
  });
});
