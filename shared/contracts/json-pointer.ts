import type { PathSegment } from './path-problem';

/** A JSON pointer as path segments, with array indexes as numbers (walking the document to tell). */
export function pathOf(pointer: string, document: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const segment = Array.isArray(current) ? Number(token) : token;
    path.push(segment);
    current = (current as Record<PathSegment, unknown> | undefined)?.[segment];
  }
  return path;
}

export function escapePointer(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}
