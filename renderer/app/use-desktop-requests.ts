import { useEffect } from 'react';
import type { Host } from '../host/host';
import { useNoticeStore } from '../store/notice-store';
import { failureText } from './failure-text';
import { answerCloseRequest, openRecentFile } from './file-commands';

/**
 * What the desktop shell hands the page: files to open (launched with one, double-clicked,
 * Open Recent, a second launch) and requests to close the window with unsaved changes.
 */
export function useDesktopRequests(host: Host): void {
  useEffect(() => {
    const stopOpening = host.onOpenFileRequest((file) => void openRecentFile(host, file));
    const stopClosing = host.onCloseRequest(() => void answerCloseRequest(host));
    void host.takeLaunchFiles().then(
      (files) => {
        const [first] = files;
        if (first) void openRecentFile(host, first);
      },
      (error: Error) => useNoticeStore.getState().show({ tone: 'error', text: failureText('Could not open', error) }),
    );
    return () => {
      stopOpening();
      stopClosing();
    };
  }, [host]);
}
