import { designFileStem, type ExportFile } from '../../shared/export';
import type { Mesh } from '../../shared/model';
import type { ExportedFolder, Host } from '../host/host';

/** The folder (desktop) or zip (browser) the bundle goes into: `<design>-export`. */
export function bundleName(mesh: Mesh): string {
  return `${designFileStem(mesh)}-export`;
}

/** Writes the whole bundle (text and images) through the Host; where it went, or null when the user cancelled. */
export function writeBundle(host: Host, mesh: Mesh, files: readonly ExportFile[]): Promise<ExportedFolder | null> {
  return host.exportFiles(
    bundleName(mesh),
    files.map(({ path, content }) => ({ path, content })),
  );
}
