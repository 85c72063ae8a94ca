import { useEffect } from 'react';
import { create } from 'zustand';
import { exportRefusalFindings } from '../../shared/export';
import { type Finding, SEVERITIES } from '../../shared/validation/finding';
import type { FindingCounts } from '../../shared/validation/validate-mesh';
import { INPUT_PAUSE_MILLIS, whenInputPauses } from '../app/when-input-pauses';
import { useDocumentStore } from '../store/document-store';
import { findingsOf, indexByElement, type MeshFindings } from './mesh-findings';

interface ExportRefusalsState extends Pick<MeshFindings, 'byNode' | 'byLink'> {
  /** What stops an export of the open design, as problems (see exportRefusalFindings); as of the last pause in input. */
  refusals: readonly Finding[];
}

const NO_REFUSALS: ExportRefusalsState = { refusals: [], byNode: new Map(), byLink: new Map() };

export const useExportRefusalsStore = create<ExportRefusalsState>()(() => NO_REFUSALS);

/** A run shorter than this goes unnoticed between two keystrokes (a long task is 50 ms). */
const UNNOTICED_MILLIS = 50;
/** The pause that lets a burst of typing settle before a run that goes unnoticed. */
const SHORT_PAUSE_MILLIS = 150;

/**
 * How long input pauses before the refusals are worked out again: briefly when the last run went
 * unnoticed (a small design: an undo shows its refusals gone at once, not seconds later), and
 * the app's background pause when it took longer or has not run yet.
 */
export function refusalsPauseMillis(lastRunMillis: number): number {
  return lastRunMillis < UNNOTICED_MILLIS ? SHORT_PAUSE_MILLIS : INPUT_PAUSE_MILLIS;
}

let lastRunMillis = Number.POSITIVE_INFINITY;

/**
 * Works out what stops an export of the open design once input pauses after a change: that is
 * a whole export, which takes a while on a large design, too long to run on every keystroke.
 */
export function useExportRefusalsInBackground(): void {
  const mesh = useDocumentStore((state) => state.mesh);
  const baseline = useDocumentStore((state) => state.baseline);
  const preparedSteps = useDocumentStore((state) => state.preparedSteps);
  useEffect(() => {
    if (!mesh) return;
    return whenInputPauses(() => {
      const started = performance.now();
      const findings = findingsOf(mesh, baseline, preparedSteps).all;
      const refusals = exportRefusalFindings(mesh, findings, baseline ? { baseline } : {});
      lastRunMillis = performance.now() - started;
      useExportRefusalsStore.setState({ refusals, ...indexByElement(mesh, refusals) });
    }, refusalsPauseMillis(lastRunMillis));
  }, [mesh, baseline, preparedSteps]);
}

/** Every problem of the design: what stops its export first, then the governance findings. */
export function problemsOf(findings: readonly Finding[], refusals: readonly Finding[]): Finding[] {
  return [...refusals, ...findings];
}

/** Problems as the problems panel lists them and F8 visits them: most severe first, those turned off left out. */
export function activeInOrder(problems: readonly Finding[]): Finding[] {
  return problems
    .filter((finding) => !finding.suppressed)
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** The governance counts with the export's refusals added to the errors. */
export function withRefusals(counts: FindingCounts, refusals: readonly Finding[]): FindingCounts {
  return { ...counts, error: counts.error + refusals.length };
}

// The refusals of the previous design, and how long they took, mean nothing in one just opened or closed.
useDocumentStore.subscribe((state, previous) => {
  const isAnotherDesign = state.openCount !== previous.openCount || state.mesh === null;
  if (!isAnotherDesign) return;
  lastRunMillis = Number.POSITIVE_INFINITY;
  if (useExportRefusalsStore.getState().refusals.length > 0) useExportRefusalsStore.setState(NO_REFUSALS);
});
