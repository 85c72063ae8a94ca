import { IPC_CHANNELS, type IpcResult, type TextEdit } from '../../shared/ipc';
import { isAppUrl } from '../security/navigation-guard';
import type { CallingPage, IpcHandlers } from './handlers';
import { refuse } from './ipc-result';

/** What a handler learns about who called it; Electron's invoke event has more, this is all we read. */
export interface InvokeSender {
  senderFrame: { url: string } | null;
  /** Electron's WebContents: these methods edit the focused text, like a text editor's menu items. */
  sender: Record<TextEdit, () => void>;
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
    const handler = handlers[channel] as (request: unknown, page: CallingPage) => Promise<IpcResult<unknown>>;
    ipc.handle(channel, async (event, request) => {
      if (!isTrustedSender(event)) return refuse(`Refusing ${channel}: the request did not come from the app.`);
      return handler(request, { performTextEdit: (edit) => event.sender[edit]() });
    });
  }
}
