/** The few file operations the main process needs, kept narrow so tests can fake them in memory. */
export interface FileSystem {
  readText(path: string): Promise<string>;
  sizeInBytes(path: string): Promise<number>;
  exists(path: string): Promise<boolean>;
  /** Resolves only once the text (UTF-8) or bytes are flushed to the disk (fsync), not merely handed to the OS. */
  writeTextDurably(path: string, text: string | Uint8Array): Promise<void>;
  rename(fromPath: string, toPath: string): Promise<void>;
  /** Removes a file; a file that is already gone is not an error. */
  remove(path: string): Promise<void>;
  /** Creates a folder and its missing parents. */
  makeDirectory(path: string): Promise<void>;
}
