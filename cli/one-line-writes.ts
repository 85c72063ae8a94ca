import { controlsAndReorderingEscaped } from '../shared/model';
import { exactJsonText } from '../shared/simulation/exact-json';
import type { CliIo } from './cli-io';

/**
 * The io with every `out` and `err` one line, so a name holding a line break cannot split a
 * finding or pass for a line of its own (`x.mesh.json: ok`), nor a U+202E override show it
 * otherwise than it is. Blocks of lines print line by line.
 */
export function oneLinePerWrite(io: CliIo): CliIo {
  return {
    ...io,
    out: (line) => io.out(controlsAndReorderingEscaped(line)),
    err: (line) => io.err(controlsAndReorderingEscaped(line)),
  };
}

/** A value as indented JSON, one line per write; an integer past 2^53 (a bigint) with its exact digits. */
export function jsonLines(value: unknown): string[] {
  return exactJsonText(value, 2).split('\n');
}
