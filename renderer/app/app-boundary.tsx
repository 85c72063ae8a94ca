import { Component, type ErrorInfo, type ReactNode, useState } from 'react';
import { useHost } from '../host/host-context';
import { saveFile } from './file-commands';
import './part-boundary.css';

interface AppBoundaryState {
  error: Error | null;
}

/**
 * The last resort when the window itself fails to draw: the design lives in the document store,
 * outside React, so it can still be saved; reloading offers the unsaved work back from the autosave.
 */
export class AppBoundary extends Component<{ children: ReactNode }, AppBoundaryState> {
  override state: AppBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): AppBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The window failed:', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <AppFailure error={this.state.error} /> : this.props.children;
  }
}

function AppFailure({ error }: { error: Error }) {
  const host = useHost();
  const [saveResult, setSaveResult] = useState<string>('');
  const save = async () => {
    const isSaved = await saveFile(host, { saveAs: false }).catch(() => false);
    setSaveResult(isSaved ? 'Saved.' : 'Not saved.');
  };
  return (
    <main className="app-failure" role="alert">
      <h1>The window could not be drawn</h1>
      <p>{error.message}</p>
      <p>
        Your design is still open: save it, or reload the window (unsaved changes are offered back after the reload).
      </p>
      <p className="app-failure__actions">
        <button type="button" onClick={() => void save()}>
          Save
        </button>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
        <span role="status">{saveResult}</span>
      </p>
    </main>
  );
}
