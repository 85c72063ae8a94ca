/** Puts text on the system clipboard. */
export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}

/** Puts a PNG on the system clipboard; the image may still be in the making (Safari wants the promise at once). */
export function copyPng(png: Promise<Blob>): Promise<void> {
  return navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
