import { testWorkspace } from '../simulation/builders';

/** A CliIo over in-memory files (folders are path prefixes) that records what the command prints. */
export function fakeIo(initialFiles: Record<string, string | Uint8Array>) {
  const files = new Map<string, string | Uint8Array>(Object.entries(initialFiles));
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    files,
    io: {
      readBytes: async (path: string) => {
        const content = files.get(path);
        if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file '${path}'`), { code: 'ENOENT' });
        return typeof content === 'string' ? new TextEncoder().encode(content) : content;
      },
      listFolder: async (path: string) => {
        const inside = [...files.keys()].filter((file) => file.startsWith(`${path}/`));
        return inside.length > 0
          ? [...new Set(inside.map((file) => file.slice(path.length + 1).split('/')[0] as string))]
          : null;
      },
      writeBundle: async (folder: string, bundle: readonly { path: string; content: string | Uint8Array }[]) => {
        for (const file of bundle) files.set(`${folder}/${file.path}`, file.content);
        return { removed: [] };
      },
      readFileIn: async (folder: string, path: string) => {
        const content = files.get(`${folder}/${path}`);
        return typeof content === 'string' ? new TextEncoder().encode(content) : content;
      },
      replaceText: async (path: string, text: string) => {
        files.set(path, text);
      },
      openSqlite: testWorkspace,
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
    },
  };
}
