import { version } from '../package.json';
import { type CliIo, type Command, EXIT, type ExitCode, PROGRAM } from './cli-io';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';
import { oneLinePerWrite } from './one-line-writes';
import { unforeseenErrorText } from './unforeseen-error';

export const COMMANDS: readonly Command[] = [validateCommand, exportCommand, importCommand, simulateCommand];
export const VERSION = version;

const HELP_FLAGS = ['--help', '-h'];

function help(io: CliIo): void {
  io.out(`${PROGRAM} ${VERSION}: Data Mesh Designer on the command line`);
  io.out('');
  io.out('usage:');
  for (const command of COMMANDS) io.out(`  ${command.usage}`);
  io.out('');
  for (const command of COMMANDS) io.out(`  ${command.name.padEnd(10)} ${command.summary}`);
  io.out('');
  io.out(
    `Run '${PROGRAM} <command> --help' for a command's options. Exit codes: 0 ok, 1 problems in the input, 2 wrong usage.`,
  );
}

function commandHelp(io: CliIo, command: Command): void {
  io.out(`usage: ${command.usage}`);
  io.out('');
  io.out(command.summary);
  if (command.details) for (const line of ['', ...command.details]) io.out(line);
}

export async function runCli(argv: string[], terminal: CliIo): Promise<ExitCode> {
  const io = oneLinePerWrite(terminal);
  const [name, ...args] = argv;
  if (name === undefined) {
    help(io);
    return EXIT.usage;
  }
  if (name === 'help' || HELP_FLAGS.includes(name)) {
    const topic = name === 'help' ? COMMANDS.find((command) => command.name === args[0]) : undefined;
    if (topic) commandHelp(io, topic);
    else help(io);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(
      `${PROGRAM}: unknown ${name.startsWith('-') ? 'option' : 'command'} '${name}'; run '${PROGRAM} --help' for the list`,
    );
    return EXIT.usage;
  }
  if (args.some((arg) => HELP_FLAGS.includes(arg))) {
    commandHelp(io, command);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // A bug or an I/O failure no command foresaw: a message, never a stack trace.
    io.err(`${PROGRAM} ${command.name}: ${unforeseenErrorText(error)}`);
    return EXIT.problems;
  }
}
