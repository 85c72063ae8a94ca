import type { Mesh } from '../model/mesh';
import type { Result } from '../model/problem';
import type { ExportScope } from './export-scope';

/** One file of an export: where it goes in the bundle and what it holds. */
export interface ExportFile {
  /** Relative to the bundle's folder, `/`-separated, every name a safe slug: `odcs/order-placed.odcs.yaml`. */
  path: string;
  /** Text (UTF-8 on disk) or bytes (images). */
  content: string | Uint8Array;
  /** What the file describes, for index.md and the dialog: `contract OrderPlaced 1.0.0`. */
  about: string;
}

export interface ExportOptions {
  /** The design as last saved, for migrations from each contract's saved version to the current one. */
  baseline?: Mesh;
}

/**
 * One export format. Its files live in the folder named after its id; `files` is a pure
 * function of the design and never throws: a problem names the element and the reason.
 */
export interface ExportTarget {
  id: string;
  label: string;
  /** The tools that read these files, for index.md and the dialog. */
  readBy: string;
  files(mesh: Mesh, scope: ExportScope, options?: ExportOptions): Result<ExportFile[]>;
}
