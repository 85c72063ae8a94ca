import type { TraceBranch, TraceStage } from '../../shared/simulation/trace-stage';

/** Consecutive stages of one branch of the write (or of none: the write itself), with their places in the trace. */
export interface TraceStageGroup {
  branch?: TraceBranch;
  stages: { stage: TraceStage; index: number }[];
}

/** A trace's stages as its list shows them: the write's own stages, then each branch it went on. */
export function traceStageGroups(stages: readonly TraceStage[]): TraceStageGroup[] {
  const groups: TraceStageGroup[] = [];
  stages.forEach((stage, index) => {
    const last = groups.at(-1);
    if (last && last.branch?.log === stage.branch?.log) last.stages.push({ stage, index });
    else groups.push({ ...(stage.branch && { branch: stage.branch }), stages: [{ stage, index }] });
  });
  return groups;
}
