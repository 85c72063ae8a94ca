/** Facts about the file on disk, apart from the parser, so the main process can use them without zod. */
export const MESH_FILE_EXTENSION = '.mesh.json';
/** Larger files are refused before parsing: no real design comes near it. */
export const MAX_MESH_FILE_BYTES = 64 * 1024 * 1024;
