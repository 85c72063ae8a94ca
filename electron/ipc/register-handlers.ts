import { IPC_CHANNELS, type IpcResult } from '../../shared/ipc';
import { isAppUrl } from '../security/navigation-guard';
import type { IpcHandlers } from './handlers';
import { refuse } from './ipc-result';

/** What a handler learns about who called it; Electron's invoke event has more, this is all we read. */
export interface InvokeSender {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain used here. */
export interface MainProcessIpc {
  handle(channel: string, listener: (event: InvokeSender, request: unknown) => Promise<unknown>): void;
}

/** Only the app's own pages may call in; anything else that ends up in a frame is refused. */
export function isTrustedSender(event: InvokeSender): boolean {
  return event.senderFrame !== null && isAppUrl(event.senderFrame.url);
}

export function registerIpcHandlers(ipc: MainProcessIpc, handlers: IpcHandlers): void {
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel] as (request: unknown) => Promise<IpcResult<unknown>>;
    ipc.handle(channel, async (event, request) =>
      isTrustedSender(event) ? handler(request) : refuse(`Refusing ${channel}: the request did not come from the app.`),
    );
  }
}
