import type { FileRef } from '../../shared/ipc';
import { fileRefFor } from '../files/mesh-file-path';

export interface FileHandoffOptions {
  /** Lets the page open `path`: the user chose it, by launching or double-clicking it. */
  grant(path: string): Promise<void>;
  /** Hands a file to the page, which asks about unsaved changes and opens it. */
  send(file: FileRef): void;
  /** A file is waiting for a page: opens the window when there is none (closed on macOS, where the app runs on). */
  openWindowIfNone(): void;
}

/**
 * Files the operating system hands the app (the command line, a double-click, a second launch)
 * reach the page once it listens; until then they wait, so one given at launch is not lost.
 */
export function createFileHandoff({ grant, send, openWindowIfNone }: FileHandoffOptions) {
  let isPageReady = false;
  let waiting: FileRef[] = [];
  return {
    async offer(path: string): Promise<void> {
      await grant(path);
      const file = fileRefFor(path);
      if (isPageReady) {
        send(file);
        return;
      }
      waiting.push(file);
      openWindowIfNone();
    },
    /** The page listens now; returns the files that waited for it. */
    take(): FileRef[] {
      isPageReady = true;
      const files = waiting;
      waiting = [];
      return files;
    },
    /** The page is reloading, or its window closed: files wait again until a page asks. */
    pageUnloaded(): void {
      isPageReady = false;
    },
  };
}

export type FileHandoff = ReturnType<typeof createFileHandoff>;
