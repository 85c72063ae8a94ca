/** The e-commerce sample design the simulation benchmarks run. */
import { readFileSync } from 'node:fs';
import { parseMeshFile } from '../shared/contracts/contract-text';
import type { Mesh } from '../shared/model/mesh';

const SAMPLE = new URL('../assets/samples/ecommerce.mesh.json', import.meta.url);

export function loadEcommerceSample(): Mesh {
  const parsed = parseMeshFile(readFileSync(SAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}
