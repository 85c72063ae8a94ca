import type { FileRef } from '../../shared/ipc';
import { fileRefFor } from '../files/mesh-file-path';

export interface FileHandoffOptions {
  /** Lets the page open `path`: the user chose it, by launching or double-clicking it. */
  grant(path: string): Promise<void>;
  /** Hands a file to the page, which asks about unsaved changes and opens it. */
  send(file: FileRef): void;
}

/**
 * Files the operating system hands the app (the command line, a double-click, a second launch)
 * reach the page once it listens; until then they wait, so one given at launch is not lost.
 */
export function createFileHandoff({ grant, send }: FileHandoffOptions) {
  let isPageReady = false;
  let waiting: FileRef[] = [];
  return {
    async offer(path: string): Promise<void> {
      await grant(path);
      const file = fileRefFor(path);
      if (isPageReady) send(file);
      else waiting.push(file);
    },
    /** The page listens now; returns the files that waited for it. */
    take(): FileRef[] {
      isPageReady = true;
      const files = waiting;
      waiting = [];
      return files;
    },
    /** The page is reloading or gone: files wait again until it asks. */
    pageUnloaded(): void {
      isPageReady = false;
    },
  };
}

export type FileHandoff = ReturnType<typeof createFileHandoff>;
