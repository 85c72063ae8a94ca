import { useEffect, useMemo, useState } from 'react';
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
  const request = useMemo(() => ({ mesh, baseline, targetIds, scope }), [mesh, baseline, targetIds, scope]);
  // Each state belongs to the request it answers, so a changed choice never shows the previous bundle.
  const [answer, setAnswer] = useState<{ request: typeof request; state: BundleState } | null>(null);
  useEffect(() => {
    let isCancelled = false;
    const answerWith = (state: BundleState) => !isCancelled && setAnswer({ request, state });
    const targets = EXPORT_TARGETS.filter((target) => request.targetIds.includes(target.id));
    const options = request.baseline ? { baseline: request.baseline } : {};
    exportBundleInSteps(request.mesh, targets, request.scope, options, {
      onProgress: (progress) => answerWith({ status: 'running', progress }),
      pause: letThePagePaint,
      isCancelled: () => isCancelled,
    }).then(
      (result) => {
        if (result)
          answerWith(
            result.ok ? { status: 'ready', files: result.value } : { status: 'failed', errors: result.errors },
          );
      },
      (error: Error) => answerWith({ status: 'failed', errors: [{ path: '(export)', message: error.message }] }),
    );
    return () => {
      isCancelled = true;
    };
  }, [request]);
  return answer?.request === request ? answer.state : { status: 'running', progress: null };
}
