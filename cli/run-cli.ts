import { type CliIo, type Command, EXIT, type ExitCode } from './cli-io';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';

export const COMMANDS: readonly Command[] = [validateCommand, simulateCommand];

function help(io: CliIo): void {
  io.out('Data Mesh Designer command line\n');
  io.out('usage:');
  for (const command of COMMANDS) io.out(`  ${command.usage.padEnd(72)} ${command.summary}`);
}

export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`unknown command '${name}'; run 'mesh help' for the list`);
    return EXIT.usage;
  }
  return command.run(args, io);
}
