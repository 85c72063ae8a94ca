import { useEffect, useState } from 'react';
import {
  type BundleProgress,
  EXPORT_TARGETS,
  type ExportFile,
  type ExportScope,
  exportBundleInSteps,
} from '../../shared/export';
import type { Mesh, Problem } from '../../shared/model';

export type BundleState =
  | { status: 'running'; progress: BundleProgress | null }
  | { status: 'ready'; files: ExportFile[] }
  | { status: 'failed'; errors: Problem[] };

/** A macrotask between targets, so the page paints the progress of a long export. */
const letThePagePaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The bundle for the chosen formats and scope, computed target by target with progress, and
 * again whenever a choice changes (an outdated run is dropped). `baseline` is the design as
 * last saved, for migrations.
 */
export function useExportBundle(
  mesh: Mesh,
  baseline: Mesh | null,
  targetIds: readonly string[],
  scope: ExportScope,
): BundleState {
  const [state, setState] = useState<BundleState>({ status: 'running', progress: null });
  useEffect(() => {
    let isCancelled = false;
    setState({ status: 'running', progress: null });
    const targets = EXPORT_TARGETS.filter((target) => targetIds.includes(target.id));
    exportBundleInSteps(mesh, targets, scope, baseline ? { baseline } : {}, {
      onProgress: (progress) => setState({ status: 'running', progress }),
      pause: letThePagePaint,
      isCancelled: () => isCancelled,
    }).then(
      (result) => {
        if (!result || isCancelled) return;
        setState(result.ok ? { status: 'ready', files: result.value } : { status: 'failed', errors: result.errors });
      },
      (error: Error) => {
        if (!isCancelled) setState({ status: 'failed', errors: [{ path: '(export)', message: error.message }] });
      },
    );
    return () => {
      isCancelled = true;
    };
  }, [mesh, baseline, targetIds, scope]);
  return state;
}
