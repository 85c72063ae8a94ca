import { dirname } from 'node:path';
import type { FileSystem } from '../../../../electron/files/file-system';

type Operation = keyof FileSystem;

/** An error shaped like the ones Node's fs rejects with. */
export function fileError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

/** A disk in memory, with folders, that records each call and can be told to fail one operation. */
export class InMemoryFileSystem implements FileSystem {
  readonly files = new Map<string, string | Uint8Array>();
  readonly folders = new Set<string>(['/']);
  readonly calls: string[] = [];
  private readonly failures = new Map<Operation, string>();
  private readonly reportedSizes = new Map<string, number>();

  withFolder(path: string): this {
    for (let folder = path; !this.folders.has(folder); folder = dirname(folder)) this.folders.add(folder);
    return this;
  }

  withFile(path: string, text: string, options: { sizeInBytes?: number } = {}): this {
    this.withFolder(dirname(path));
    this.files.set(path, text);
    if (options.sizeInBytes !== undefined) this.reportedSizes.set(path, options.sizeInBytes);
    return this;
  }

  /** Makes every later call of `operation` reject with a Node-style error `code`. */
  failing(operation: Operation, code: string): this {
    this.failures.set(operation, code);
    return this;
  }

  async readText(path: string): Promise<string> {
    this.record('readText', path);
    const text = this.files.get(path);
    if (text === undefined) throw fileError('ENOENT', path);
    return typeof text === 'string' ? text : new TextDecoder().decode(text);
  }

  async sizeInBytes(path: string): Promise<number> {
    this.record('sizeInBytes', path);
    const text = this.files.get(path);
    if (text === undefined) throw fileError('ENOENT', path);
    return this.reportedSizes.get(path) ?? Buffer.byteLength(text);
  }

  async exists(path: string): Promise<boolean> {
    this.record('exists', path);
    return this.files.has(path) || this.folders.has(path);
  }

  async writeTextDurably(path: string, text: string | Uint8Array): Promise<void> {
    this.record('writeTextDurably', path);
    this.requireFolder(dirname(path));
    this.files.set(path, text);
  }

  async rename(fromPath: string, toPath: string): Promise<void> {
    this.record('rename', fromPath, toPath);
    const text = this.files.get(fromPath);
    if (text === undefined) throw fileError('ENOENT', fromPath);
    this.requireFolder(dirname(toPath));
    this.files.delete(fromPath);
    this.files.set(toPath, text);
  }

  async remove(path: string): Promise<void> {
    this.record('remove', path);
    this.files.delete(path);
  }

  async makeDirectory(path: string): Promise<void> {
    this.record('makeDirectory', path);
    this.withFolder(path);
  }

  private record(operation: Operation, ...paths: string[]): void {
    this.calls.push(`${operation} ${paths.join(' -> ')}`);
    const failureCode = this.failures.get(operation);
    if (failureCode !== undefined) throw fileError(failureCode, paths[0] ?? '');
  }

  private requireFolder(path: string): void {
    if (!this.folders.has(path)) throw fileError('ENOENT', path);
  }
}
