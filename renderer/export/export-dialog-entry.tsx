import { lazy, Suspense } from 'react';
import { OpenDialog } from '../app/modal-dialog';

// The exporters and the dialog load on first use: they must not weigh on the first paint of the canvas.
const ExportDialog = lazy(() => import('./export-dialog'));

/** The Export dialog while it is open (File → Export…, the toolbar, Ctrl/Cmd+E). */
export function ExportDialogEntry() {
  return (
    <OpenDialog dialog="export">
      <Suspense fallback={null}>
        <ExportDialog />
      </Suspense>
    </OpenDialog>
  );
}
