/** One file of an export bundle, at its path inside the bundle's folder. */
export interface BundleFile {
  path: string;
  content: string | Uint8Array;
}
