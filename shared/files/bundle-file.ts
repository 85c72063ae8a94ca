/** One file of an export bundle, at its path inside the bundle's folder. */
export interface BundleFile {
  /** `/`-separated, relative to the bundle's folder (checked safe slugs: shared/export/file-names.ts). */
  path: string;
  content: string | Uint8Array;
}
