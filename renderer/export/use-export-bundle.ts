import { useEffect, useMemo, useState } from 'react';
import {
  type BundleProgress,
  EXPORT_TARGETS,
  type ExportFile,
  type ExportScope,
  type ExportWarning,
  exportBundleInSteps,
} from '../../shared/export';
import { mermaidTarget } from '../../shared/export/mermaid';
import type { Mesh, Problem } from '../../shared/model';
import type { DiagramChoices } from './diagram-choices';
import { drawDiagramPicture } from './draw-diagram-picture';
import { refusalHeading } from './refusal-heading';

export type BundleState =
  | { status: 'running'; progress: BundleProgress | null }
  /** `warnings` name what a format left out, or what its files do otherwise than the design shows. */
  | { status: 'ready'; files: ExportFile[]; warnings: ExportWarning[] }
  /** `heading` says which formats the errors stop (see refusalHeading). */
  | { status: 'failed'; heading: string; errors: Problem[] };

/** A macrotask between steps, so the page paints the progress of a long export. */
const letThePagePaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The bundle for the chosen formats, diagrams and scope, computed step by step with progress
 * (each format, then each picture of a diagram), and again whenever a choice changes (an
 * outdated run is dropped). `baseline` is what migrations start from (see DocumentState.baseline).
 */
export function useExportBundle(
  mesh: Mesh,
  baseline: Mesh | null,
  targetIds: readonly string[],
  diagrams: DiagramChoices,
  scope: ExportScope,
): BundleState {
  const request = useMemo(
    () => ({ mesh, baseline, targetIds, diagrams, scope }),
    [mesh, baseline, targetIds, diagrams, scope],
  );
  // Each state belongs to the request it answers, so a changed choice never shows the previous bundle.
  const [answer, setAnswer] = useState<{ request: typeof request; state: BundleState } | null>(null);
  useEffect(() => {
    let isCancelled = false;
    const answerWith = (state: BundleState) => !isCancelled && setAnswer({ request, state });
    const { kinds, formats, direction } = request.diagrams;
    const targets = EXPORT_TARGETS.filter((target) =>
      target.id === mermaidTarget.id ? kinds.length > 0 : request.targetIds.includes(target.id),
    );
    const options = {
      diagramKinds: kinds,
      diagramDirection: direction,
      ...(request.baseline && { baseline: request.baseline }),
    };
    exportBundleInSteps(request.mesh, targets, request.scope, options, {
      onProgress: (progress) => answerWith({ status: 'running', progress }),
      pause: letThePagePaint,
      isCancelled: () => isCancelled,
      ...(formats.length > 0 && { pictures: { formats, draw: drawDiagramPicture } }),
    }).then(
      (result) => {
        if (result)
          answerWith(
            result.ok
              ? { status: 'ready', files: result.value, warnings: result.warnings ?? [] }
              : { status: 'failed', heading: refusalHeading(result.errors, targets), errors: result.errors },
          );
      },
      (error: Error) => {
        const errors = [{ path: '(export)', message: error.message }];
        answerWith({ status: 'failed', heading: refusalHeading(errors, targets), errors });
      },
    );
    return () => {
      isCancelled = true;
    };
  }, [request]);
  return answer?.request === request ? answer.state : { status: 'running', progress: null };
}
