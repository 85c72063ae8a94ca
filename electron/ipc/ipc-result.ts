import { fileErrorReason } from '../../shared/files/file-error-reason';
import type { IpcResult } from '../../shared/ipc';

export type Refusal = { ok: false; error: string };

export function succeed<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function refuse(error: string): Refusal {
  return { ok: false, error };
}

/**
 * Runs `work` so that nothing it throws crosses IPC: a thrown error becomes a refusal naming the
 * action, and the entry at fault where that is not `path` itself (its folder, gone).
 */
export async function settle<T>(
  action: string,
  work: () => Promise<IpcResult<T>>,
  path?: string,
): Promise<IpcResult<T>> {
  try {
    return await work();
  } catch (error) {
    return refuse(`Could not ${action}: ${fileErrorReason(error, path)}`);
  }
}
