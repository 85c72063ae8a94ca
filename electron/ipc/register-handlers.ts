import type { z } from 'zod';
import { IPC_CHANNELS, IPC_REQUEST_SCHEMAS, type IpcResult, type TextEdit } from '../../shared/ipc';
import { formatPath } from '../../shared/model/problem';
import { isAppUrl } from '../security/navigation-guard';
import type { CallingPage, IpcHandlers } from './handlers';
import { refuse } from './ipc-result';

/** What a handler learns about who called it; Electron's invoke event has more, this is all we read. */
export interface InvokeSender {
  senderFrame: { url: string; parent: unknown } | null;
  /** Electron's WebContents: these methods edit the focused text, like a text editor's menu items. */
  sender: Record<TextEdit, () => void>;
}

/** The part of Electron's ipcMain used here. */
export interface MainProcessIpc {
  handle(channel: string, listener: (event: InvokeSender, request: unknown) => Promise<unknown>): void;
}

/** Only the app's own page may call in: its top frame, loaded from the bundle. Anything else is refused. */
export function isTrustedSender(event: InvokeSender): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Where and why a request does not match its schema; the offending values are not echoed back. */
function describeMismatch(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? formatPath(issue.path) : 'the request'}: ${issue.message}`)
    .join('; ');
}

/**
 * Registers every channel's handler behind two checks: the sender is the app's page, and the
 * request matches the channel's zod schema from shared/ipc.ts. TypeScript types end at the
 * process boundary; a page that went rogue can send anything, so main checks at run time.
 */
export function registerIpcHandlers(ipc: MainProcessIpc, handlers: IpcHandlers): void {
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel] as (request: unknown, page: CallingPage) => Promise<IpcResult<unknown>>;
    const schema: z.ZodType = IPC_REQUEST_SCHEMAS[channel];
    ipc.handle(channel, async (event, request) => {
      if (!isTrustedSender(event)) return refuse(`Refusing ${channel}: the request did not come from the app.`);
      const parsed = schema.safeParse(request);
      if (!parsed.success) return refuse(`Refusing ${channel}: ${describeMismatch(parsed.error)}.`);
      return handler(parsed.data, { performTextEdit: (edit) => event.sender[edit]() });
    });
  }
}
