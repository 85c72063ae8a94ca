/** What the Scenario tab knows of the scenario it shows, to say beside Apply where it stands. */
export interface ScenarioSaveFacts {
  problemCount: number;
  /** The editor holds text not applied yet. */
  isDirty: boolean;
  /** The last Apply saved what the design holds now. */
  isJustApplied: boolean;
  /** The run on screen was built from the scenario as the design holds it now. */
  isRunning: boolean;
}

/** Where the scenario stands: what the run on screen uses is never said to wait for a reset. */
export function scenarioSaveState({ problemCount, isDirty, isJustApplied, isRunning }: ScenarioSaveFacts): string {
  if (problemCount > 0) return `${problemCount} problem${problemCount === 1 ? '' : 's'}`;
  if (isDirty) return 'Not applied yet';
  if (isRunning) return 'Saved in the design; the run uses it';
  if (isJustApplied) return 'Saved in the design: it runs from the next reset.';
  return 'Saved in the design; applies on reset';
}
