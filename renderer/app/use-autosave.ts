import { useEffect } from 'react';
import { serializeMesh } from '../../shared/model';
import type { Host } from '../host/host';
import { selectIsDirty, useDocumentStore } from '../store/document-store';

const AUTOSAVE_DELAY_MS = 1000;

/** Keeps a copy of unsaved work in the host's autosave slot, a second after the last change. */
export function useAutosave(host: Host): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useDocumentStore.subscribe((state, previous) => {
      if (state.mesh === previous.mesh || !state.mesh || !selectIsDirty(state)) return;
      clearTimeout(timer);
      const mesh = state.mesh;
      timer = setTimeout(() => void host.autosave(serializeMesh(mesh)), AUTOSAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [host]);
}
