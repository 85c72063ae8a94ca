import { useSyncExternalStore } from 'react';
import type { CommandId } from '../../shared/commands/command-table';
import { useSimulationStore } from '../simulation/simulation-store';
import { useDocumentStore } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { isCommandEnabled } from './run-command';

/** Calls `listener` whenever a store that enabled-when conditions read changes. */
export function subscribeToCommandState(listener: () => void): () => void {
  const unsubscribers = [useDocumentStore, useSelectionStore, useUiStore, useSimulationStore].map((store) =>
    store.subscribe(listener),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/** Whether a command can run now, for buttons that should look disabled when it cannot. */
export function useCommandEnabled(id: CommandId): boolean {
  return useSyncExternalStore(subscribeToCommandState, () => isCommandEnabled(id));
}
