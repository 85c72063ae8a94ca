import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MERMAID_SHAPE_NAMES } from '../../../shared/import/mermaid-shape-names';
import { parseFlowchart } from './real-mermaid';

/** The names of the installed mermaid package's shape list (names and aliases), read from its source. */
function installedShapeListNames(): string[] {
  const chunks = join(dirname(require.resolve('mermaid/package.json')), 'dist/chunks/mermaid.core');
  const source = readdirSync(chunks)
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => readFileSync(join(chunks, file), 'utf8'))
    .find((text) => text.includes('var shapesDefs = ['));
  if (source === undefined) throw new Error('no shape list in the installed mermaid package');
  const list = source.slice(source.indexOf('var shapesDefs = ['), source.indexOf('generateShapeMap'));
  const names = [...list.matchAll(/shortName: "([^"]+)"/g)].map((match) => match[1] as string);
  for (const aliases of list.matchAll(/aliases: \[([^\]]*)\]/g))
    names.push(...[...(aliases[1] as string).matchAll(/"([^"]+)"/g)].map((match) => match[1] as string));
  return names;
}

describe("the shape names Mermaid takes in a node's shape data", () => {
  it('are each drawn by the real mermaid package', async () => {
    const text = `flowchart LR\n${[...MERMAID_SHAPE_NAMES].map((shape, at) => `  n${at}@{ shape: ${shape} }`).join('\n')}`;
    const types = (await parseFlowchart(text)).vertices.map((vertex) => vertex.type);
    expect(types).toEqual([...MERMAID_SHAPE_NAMES]);
  });

  it('hold every name of its shape list that it takes (in lower case, without `_`)', () => {
    const taken = installedShapeListNames().filter((name) => name === name.toLowerCase() && !name.includes('_'));
    expect(taken.length).toBeGreaterThan(100);
    expect(taken.filter((name) => !MERMAID_SHAPE_NAMES.has(name))).toEqual([]);
  });
});
