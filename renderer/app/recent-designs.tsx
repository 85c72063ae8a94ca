import { useCallback, useEffect, useState } from 'react';
import { listedName } from '../../shared/model';
import type { FileRef } from '../host/host';
import { useHost } from '../host/host-context';
import { openRecentFile } from './file-commands';
import { keyedItems } from './keyed-items';
import { UserText } from './user-text';

/** The host's recent designs, read again whenever `refresh` is called (after one could not be opened). */
export function useRecentFiles(): { files: FileRef[]; refresh: () => void } {
  const host = useHost();
  const [files, setFiles] = useState<FileRef[]>([]);
  // A list that cannot be read offers nothing: Open… still works.
  const refresh = useCallback(() => void host.recentFiles().then(setFiles, () => setFiles([])), [host]);
  useEffect(refresh, [refresh]);
  return { files, refresh };
}

/** The start screen's Open Recent: the last designs opened or saved, each reopened by a click. */
export function RecentDesigns() {
  const host = useHost();
  const { files, refresh } = useRecentFiles();
  if (files.length === 0) return null;
  return (
    <section className="recent-designs" aria-label="Recent designs">
      <h2>Recent designs</h2>
      <ul>
        {keyedItems(files, (file) => file.path ?? file.name).map(({ key, item: file }) => (
          <li key={key}>
            <button
              type="button"
              title={listedName(file.path ?? file.name)}
              onClick={() => void openRecentFile(host, file).then(refresh)}
            >
              <UserText text={listedName(file.name)} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
