import { type ExportFile, fileSlug } from '../../shared/export';
import type { Mesh } from '../../shared/model';
import type { Host } from '../host/host';

/** The folder (desktop) or zip (browser) the bundle goes into: `<design>-export`. */
export function bundleName(mesh: Mesh): string {
  return `${fileSlug(mesh.name) || 'mesh'}-export`;
}

/**
 * Writes the whole bundle through the Host; where it went, or null when the user cancelled.
 * Hosts write text today: a format that makes bytes (images) must first be given a host that takes them.
 */
export async function writeBundle(host: Host, mesh: Mesh, files: readonly ExportFile[]): Promise<string | null> {
  const texts = files.map((file) => {
    if (typeof file.content !== 'string') throw new Error(`${file.path} is binary, which this host cannot write yet`);
    return { path: file.path, text: file.content };
  });
  return host.exportFiles(bundleName(mesh), texts);
}
