import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../../fixtures/odcs');

/** The official ODCS examples (Apache-2.0, see the LICENSE beside them): v3.0.x/v3.1.0, then v3.2.0. */
export const OFFICIAL_EXAMPLE_FOLDERS = [join(FIXTURES, 'examples'), join(FIXTURES, 'v3.2.0')];

export interface OfficialExample {
  /** `examples/kafka-schema.odcs.yaml` */
  name: string;
  text: string;
}

export const officialExamples: OfficialExample[] = OFFICIAL_EXAMPLE_FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.odcs.yaml'))
    .map((file) => ({
      name: `${folder.split('/').at(-1)}/${file}`,
      text: readFileSync(join(folder, file), 'utf8'),
    })),
);
