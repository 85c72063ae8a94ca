import type { IpcResult } from '../../shared/ipc';
import { formatMebibytes, MAX_MESH_FILE_BYTES } from '../../shared/model/mesh-file-format';
import { utf8ByteLength } from '../../shared/model/text-encoding';
import { refuse, succeed } from '../ipc/ipc-result';

/** The part of Electron's clipboard main reads: its plain text, never images, files or HTML. */
export interface ClipboardText {
  readText(): Promise<string>;
}

/**
 * The clipboard's plain text for a paste in the page, which may not read the clipboard itself (the
 * permission policy refuses 'clipboard-read'). Text larger than a design may be is refused, as a
 * file that large is: elements pasted from it could never be saved.
 */
export async function clipboardTextToPaste(clipboard: ClipboardText): Promise<IpcResult<string>> {
  const text = await clipboard.readText();
  const bytes = utf8ByteLength(text);
  if (bytes <= MAX_MESH_FILE_BYTES) return succeed(text);
  return refuse(
    `Refusing to paste: the clipboard holds ${formatMebibytes(bytes)} of text, over the ${formatMebibytes(MAX_MESH_FILE_BYTES)} a design may have.`,
  );
}
