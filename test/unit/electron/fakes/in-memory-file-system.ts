import { basename, dirname } from 'node:path';
import type { FileOwner, FileStatus, FileSystem } from '../../../../electron/files/file-system';
import type { EntryKind } from '../../../../shared/files/entry-kind';

/** What a path may be besides a file or a folder. */
type SpecialEntryKind = Exclude<EntryKind, 'folder' | 'file'>;

type Operation = keyof FileSystem;

/** An error shaped like the ones Node's fs rejects with. */
export function fileError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

const DEFAULT_MODE = 0o644;
/** Who the app runs as: the owner of every file it creates. */
const THIS_USER: FileOwner = { uid: 1000, gid: 1000 };

/**
 * A disk in memory, with folders, permission bits and symbolic links, that records each call and
 * can be told to fail one operation. Text is kept as written; `withBytes` stores raw bytes.
 */
export class InMemoryFileSystem implements FileSystem {
  readonly files = new Map<string, string>();
  readonly bytes = new Map<string, Uint8Array>();
  readonly modes = new Map<string, number>();
  readonly links = new Map<string, string>();
  readonly owners = new Map<string, FileOwner>();
  /** Files this user may not write (another user's), whatever their permission bits. */
  readonly notWritableByUs = new Set<string>();
  readonly folders = new Set<string>(['/']);
  /** Named pipes, devices and sockets, by what each is: a read of one may block or never end. */
  readonly specialFiles = new Map<string, SpecialEntryKind>();
  readonly syncedFolders: string[] = [];
  readonly calls: string[] = [];
  private readonly failures = new Map<Operation, { code: string; pathIncludes: string }>();
  private readonly countedFailures = new Map<Operation, { code: string; nthCalls: readonly number[] }>();
  private readonly callCounts = new Map<Operation, number>();
  private readonly reportedSizes = new Map<string, number>();
  private clock = 1;
  private readonly modifiedAt = new Map<string, number>();

  withFolder(path: string): this {
    for (let folder = path; !this.folders.has(folder); folder = dirname(folder)) this.folders.add(folder);
    return this;
  }

  withFile(
    path: string,
    text: string,
    options: { sizeInBytes?: number; mode?: number; owner?: FileOwner; isWritableByUs?: boolean } = {},
  ): this {
    this.withFolder(dirname(path));
    this.store(path, text);
    if (options.sizeInBytes !== undefined) this.reportedSizes.set(path, options.sizeInBytes);
    if (options.mode !== undefined) this.modes.set(path, options.mode);
    if (options.owner !== undefined) this.owners.set(path, options.owner);
    if (options.isWritableByUs === false) this.notWritableByUs.add(path);
    return this;
  }

  withSpecialFile(path: string, kind: SpecialEntryKind): this {
    this.withFolder(dirname(path));
    this.specialFiles.set(path, kind);
    return this;
  }

  withBytes(path: string, bytes: Uint8Array): this {
    this.withFolder(dirname(path));
    this.bytes.set(path, bytes);
    this.modifiedAt.set(path, this.clock++);
    return this;
  }

  withLink(path: string, target: string): this {
    this.withFolder(dirname(path));
    this.links.set(path, target);
    return this;
  }

  /** Makes every later call of `operation` (on a path containing `pathIncludes`) reject with a Node-style error `code`. */
  failing(operation: Operation, code: string, pathIncludes = ''): this {
    this.failures.set(operation, { code, pathIncludes });
    return this;
  }

  /** Makes only the `nthCall`-th call(s) of `operation` (counting from 1) reject with `code`: a disk that fills up part-way. */
  failingOnCall(operation: Operation, code: string, nthCall: number | readonly number[]): this {
    this.countedFailures.set(operation, { code, nthCalls: [nthCall].flat() });
    return this;
  }

  /** Another program writes the file (a new version, by its size and time). */
  changeOutside(path: string, text: string): void {
    this.store(path, text);
  }

  async readText(path: string): Promise<string> {
    this.record('readText', path);
    return new TextDecoder().decode(this.contentOf(path));
  }

  async readBytes(path: string): Promise<Uint8Array> {
    this.record('readBytes', path);
    return this.contentOf(path);
  }

  async status(path: string): Promise<FileStatus> {
    this.record('status', path);
    const target = this.follow(path);
    const kind = this.folders.has(target) ? 'folder' : this.specialFiles.get(target);
    if (kind) return { sizeInBytes: 0, modifiedAtMs: 0, mode: DEFAULT_MODE, owner: THIS_USER, kind };
    const content = this.contentOf(target);
    return {
      sizeInBytes: this.reportedSizes.get(target) ?? content.length,
      modifiedAtMs: this.modifiedAt.get(target) ?? 0,
      mode: this.modes.get(target) ?? DEFAULT_MODE,
      owner: this.owners.get(target) ?? THIS_USER,
      kind: 'file',
    };
  }

  async exists(path: string): Promise<boolean> {
    this.record('exists', path);
    const target = this.follow(path);
    return this.isEntry(target);
  }

  async isWritableByUs(path: string): Promise<boolean> {
    this.record('isWritableByUs', path);
    return !this.notWritableByUs.has(this.follow(path));
  }

  async changeOwner(path: string, owner: FileOwner): Promise<void> {
    this.record('changeOwner', path);
    this.owners.set(path, owner);
  }

  async resolveLinks(path: string): Promise<string> {
    this.record('resolveLinks', path);
    return this.follow(path);
  }

  async listFolder(path: string): Promise<string[]> {
    this.record('listFolder', path);
    if (!this.folders.has(path)) throw fileError('ENOENT', path);
    const entries = [...this.files.keys(), ...this.bytes.keys(), ...this.links.keys(), ...this.folders];
    return [
      ...new Set(entries.filter((entry) => entry !== path && dirname(entry) === path).map((entry) => basename(entry))),
    ];
  }

  async writeTextDurably(path: string, text: string | Uint8Array, mode?: number): Promise<void> {
    this.record('writeTextDurably', path);
    this.requireFolder(dirname(path));
    if (typeof text === 'string') this.store(path, text);
    else this.withBytes(path, text);
    this.modes.set(path, mode ?? DEFAULT_MODE);
    this.owners.set(path, THIS_USER);
  }

  async rename(fromPath: string, toPath: string): Promise<void> {
    this.record('rename', fromPath, toPath);
    this.requireFolder(dirname(toPath));
    if (this.folders.has(fromPath)) {
      this.renameFolder(fromPath, toPath);
      return;
    }
    const text = this.files.get(fromPath);
    const bytes = this.bytes.get(fromPath);
    if (text === undefined && bytes === undefined) throw fileError('ENOENT', fromPath);
    if (this.folders.has(toPath)) throw fileError('EISDIR', toPath);
    this.files.delete(fromPath);
    this.bytes.delete(fromPath);
    this.files.delete(toPath);
    this.bytes.delete(toPath);
    this.links.delete(toPath);
    if (text !== undefined) this.files.set(toPath, text);
    if (bytes !== undefined) this.bytes.set(toPath, bytes);
    this.modes.set(toPath, this.modes.get(fromPath) ?? DEFAULT_MODE);
    this.owners.set(toPath, this.owners.get(fromPath) ?? THIS_USER);
    this.modifiedAt.set(toPath, this.clock++);
  }

  async syncFolder(path: string): Promise<void> {
    this.record('syncFolder', path);
    this.syncedFolders.push(path);
  }

  async remove(path: string): Promise<void> {
    this.record('remove', path);
    this.files.delete(path);
    this.bytes.delete(path);
    this.specialFiles.delete(path);
  }

  async removeFolder(path: string): Promise<void> {
    this.record('removeFolder', path);
    for (const entry of this.entriesUnder(path)) {
      this.files.delete(entry);
      this.bytes.delete(entry);
      this.specialFiles.delete(entry);
      this.links.delete(entry);
      this.folders.delete(entry);
    }
  }

  async makeDirectory(path: string): Promise<void> {
    this.record('makeDirectory', path);
    if (this.isEntry(path)) throw fileError('EEXIST', path);
    const parent = dirname(path);
    if (this.isEntry(parent) && !this.folders.has(parent)) throw fileError('ENOTDIR', path);
    if (!this.folders.has(parent)) throw fileError('ENOENT', path);
    this.withFolder(path);
  }

  /** Every path on the disk: files (text or bytes), pipes and devices, links and folders, sorted. */
  allPaths(): string[] {
    const entries = [...this.files.keys(), ...this.bytes.keys(), ...this.specialFiles.keys()];
    return [...new Set([...entries, ...this.links.keys(), ...this.folders])].sort();
  }

  /** Paths of temporary files left in the disk. */
  temporaryFiles(): string[] {
    return [...this.files.keys()].filter((path) => path.endsWith('.tmp'));
  }

  private store(path: string, text: string): void {
    this.files.set(path, text);
    this.bytes.delete(path);
    this.modifiedAt.set(path, this.clock++);
  }

  /** The path itself and everything below it. */
  private entriesUnder(path: string): string[] {
    return this.allPaths().filter((entry) => entry === path || entry.startsWith(`${path}/`));
  }

  /** Like rename(2) on a folder: the target may be missing or an empty folder. */
  private renameFolder(fromPath: string, toPath: string): void {
    if (this.isEntry(toPath) && !this.folders.has(toPath)) throw fileError('ENOTDIR', toPath);
    if (this.entriesUnder(toPath).length > 1) throw fileError('ENOTEMPTY', toPath);
    this.folders.delete(toPath);
    const moved = (entry: string) => `${toPath}${entry.slice(fromPath.length)}`;
    for (const entry of this.entriesUnder(fromPath)) {
      for (const store of [this.files, this.bytes, this.links, this.modes, this.owners, this.modifiedAt] as Map<
        string,
        unknown
      >[]) {
        if (store.has(entry)) {
          store.set(moved(entry), store.get(entry));
          store.delete(entry);
        }
      }
      if (this.folders.delete(entry)) this.folders.add(moved(entry));
    }
  }

  /** Whether anything (a file, a folder, a pipe or a device) is at `path`, not through links. */
  private isEntry(path: string): boolean {
    return this.files.has(path) || this.bytes.has(path) || this.specialFiles.has(path) || this.folders.has(path);
  }

  private follow(path: string): string {
    let current = path;
    for (let hops = 0; this.links.has(current) && hops < 20; hops++) current = this.links.get(current) as string;
    return current;
  }

  private contentOf(path: string): Uint8Array {
    const target = this.follow(path);
    const bytes = this.bytes.get(target);
    if (bytes) return bytes;
    const text = this.files.get(target);
    if (text === undefined) throw fileError('ENOENT', path);
    return new TextEncoder().encode(text);
  }

  private record(operation: Operation, ...paths: string[]): void {
    this.calls.push(`${operation} ${paths.join(' -> ')}`);
    const count = (this.callCounts.get(operation) ?? 0) + 1;
    this.callCounts.set(operation, count);
    const counted = this.countedFailures.get(operation);
    if (counted?.nthCalls.includes(count)) throw fileError(counted.code, paths[0] ?? '');
    const failure = this.failures.get(operation);
    if (failure && paths.some((path) => path.includes(failure.pathIncludes))) {
      throw fileError(failure.code, paths[0] ?? '');
    }
  }

  private requireFolder(path: string): void {
    if (!this.folders.has(path)) throw fileError('ENOENT', path);
  }
}
