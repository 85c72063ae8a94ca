import { useEffect } from 'react';
import type { Host } from '../host/host';
import { openRecentFile } from './file-commands';

/** Opens the files the desktop hands over: Open Recent, a double-clicked design, a second launch. */
export function useOpenFileRequests(host: Host): void {
  useEffect(() => host.onOpenFileRequest((file) => void openRecentFile(host, file)), [host]);
}
