export interface ExternalLinkOptions {
  /** Shows the full address and asks the user; true to open it. */
  confirm(url: string): Promise<boolean>;
  /** Opens the address in the user's browser. */
  open(url: string): Promise<void>;
}

/** Only web pages over TLS leave the app: no `file:`, `http:`, custom schemes or credentials in the address. */
export function isOpenableLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

/**
 * Opens a link the user clicked in their browser, once they confirmed the address. While one
 * question is open, further links are dropped, so a page cannot queue up dialogs.
 */
export function createExternalLinkOpener({ confirm, open }: ExternalLinkOptions) {
  let isAsking = false;
  return async function openAfterConfirmation(url: string): Promise<boolean> {
    if (!isOpenableLink(url) || isAsking) return false;
    isAsking = true;
    try {
      if (!(await confirm(url))) return false;
      await open(url);
      return true;
    } finally {
      isAsking = false;
    }
  };
}
