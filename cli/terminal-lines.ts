/**
 * Prints lines to a terminal stream until its reader goes away (`mesh-designer … | head`): then,
 * as Unix tools do, the rest is dropped quietly and the command ends with its own exit code.
 */
export function terminalLines(stream: NodeJS.WriteStream): (line: string) => void {
  let isReaderGone = false;
  // Node reports a write into a closed pipe as an 'error' event, a crash when nothing listens.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    isReaderGone = true;
  });
  return (line) => {
    if (!isReaderGone) stream.write(`${line}\n`);
  };
}
