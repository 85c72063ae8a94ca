import { lazyPart } from '../app/lazy-part';
import { ModalDialog, OpenDialog } from '../app/modal-dialog';

// The exporters and the dialog load on first use: they must not weigh on the first paint of the canvas.
const ExportDialog = lazyPart('export dialog', () => import('./export-dialog'));

/** The Export dialog while it is open (File → Export…, the toolbar, Ctrl/Cmd+E); its contents load on first use. */
export function ExportDialogEntry() {
  return (
    <OpenDialog dialog="export">
      <ModalDialog dialog="export" title="Export" className="export-dialog">
        <ExportDialog />
      </ModalDialog>
    </OpenDialog>
  );
}
