import { parseMeshFile } from '../../shared/contracts';
import { formatProblem } from '../../shared/model';
import { type Command, EXIT } from '../cli-io';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'mesh validate <file.mesh.json>...',
  summary: 'check that designs open: schema, references, ids (exit 1 on any problem)',
  async run(files, io) {
    if (files.length === 0) {
      io.err(`usage: ${this.usage}`);
      return EXIT.usage;
    }
    let hasProblems = false;
    for (const file of files) {
      let text: string;
      try {
        text = await io.readText(file);
      } catch (error) {
        io.err(`${file}: cannot read: ${(error as Error).message}`);
        hasProblems = true;
        continue;
      }
      const parsed = parseMeshFile(text);
      if (parsed.ok) {
        const { domains, products, systems, contracts, links } = parsed.value;
        io.out(
          `${file}: ok (${domains.length} domains, ${products.length} products, ${systems.length} systems, ${contracts.length} contracts, ${links.length} links)`,
        );
      } else {
        hasProblems = true;
        for (const problem of parsed.errors) io.err(`${file}: ${formatProblem(problem)}`);
      }
    }
    return hasProblems ? EXIT.problems : EXIT.ok;
  },
};
