import type { Mesh } from '../model/mesh';
import type { Problem } from '../model/problem';
import { type ExportScope, elementsInScope, type ScopedElements } from './export-scope';
import type { ExportWarning } from './export-warning';
import { createFileNamer, type FileNamer, type FileSubject } from './file-names';
import type { DiagramDirection } from './mermaid/diagram-direction';
import type { ExportedDiagramKind } from './mermaid/diagrams';

/** One file of an export: where it goes in the bundle and what it holds. */
export interface ExportFile {
  /** Relative to the bundle's folder, `/`-separated, every name a safe slug: `odcs/order-placed.odcs.yaml`. */
  path: string;
  /** Text (UTF-8 on disk) or bytes (images). */
  content: string | Uint8Array;
  /** What the file describes, for index.md and the dialog: `contract OrderPlaced 1.0.0`. */
  about: string;
}

/**
 * A target's files, or its problems. A warning does not stop the export, which goes on and says
 * so: it names what the export leaves out and why (a diagram Mermaid would refuse where it is
 * read), or what its files do otherwise than the design shows (a scenario's truncate the exported
 * connector skips).
 */
export type ExportResult =
  | { ok: true; value: ExportFile[]; warnings?: ExportWarning[] }
  | { ok: false; errors: ExportProblem[] };

/**
 * A problem that stops an export. `sameAs` is where a governance rule (docs/governance.md) finds
 * the same thing, so that `validate`, which reports both, says it once.
 */
export interface ExportProblem extends Problem {
  sameAs?: { ruleId: string; path: string };
  /** The format it stops, set by the bundle: the other formats chosen would export without it. */
  targetId?: string;
}

export interface ExportOptions {
  /** The design as last saved, for migrations from each contract's saved version to the current one. */
  baseline?: Mesh;
  /** The kinds of Mermaid diagram to write (default: every kind). */
  diagramKinds?: readonly ExportedDiagramKind[];
  /** How the Mermaid diagrams are laid out (default: `auto`, near a slide's shape). */
  diagramDirection?: DiagramDirection;
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
  files(mesh: Mesh, scope: ExportScope, options?: ExportOptions): ExportResult;
}

/** What a target's writer gets: the design, the scope and what it covers, and a namer for its folder. */
export interface TargetContext {
  mesh: Mesh;
  scope: ExportScope;
  scoped: ScopedElements;
  options: ExportOptions;
  /**
   * A namer for the files of `subjects` in the target's folder (or in `folder`), which takes every one of
   * them into account: `nameFilesOf(products)(product, '.odps.yaml')`. Its clashes are the target's warnings.
   */
  nameFilesOf(subjects: readonly FileSubject[], folder?: string): FileNamer;
}

/** A target from its writer: the scope is resolved (or its problem returned) before the writer runs. */
export function defineTarget(definition: {
  id: string;
  label: string;
  readBy: string;
  write(context: TargetContext): ExportResult;
}): ExportTarget {
  const { id, label, readBy, write } = definition;
  return {
    id,
    label,
    readBy,
    files(mesh, scope, options = {}) {
      const scoped = elementsInScope(mesh, scope);
      if (!scoped.ok) return scoped;
      const namers: FileNamer[] = [];
      const nameFilesOf = (subjects: readonly FileSubject[], folder = id) => {
        const namer = createFileNamer(folder, subjects);
        namers.push(namer);
        return namer;
      };
      const result = write({ mesh, scope, scoped: scoped.value, options, nameFilesOf });
      return result.ok
        ? withWarnings(
            result,
            namers.flatMap((namer) => namer.clashWarnings()),
          )
        : result;
    },
  };
}

/** A result with more warnings, and no `warnings` key when there are none. */
export function withWarnings(
  result: Extract<ExportResult, { ok: true }>,
  more: readonly ExportWarning[],
): Extract<ExportResult, { ok: true }> {
  const warnings = [...(result.warnings ?? []), ...more];
  return warnings.length > 0 ? { ...result, warnings } : { ok: true, value: result.value };
}
