import { readFileSync } from 'node:fs';
import { TlibError } from '@gws/tlib';
import { CliError } from './cli-error';
import { decodeCommand } from './commands/decode';
import { encodeCommand } from './commands/encode';
import { parseHex } from './hex';
import { USAGE } from './usage';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Buffer;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path),
};

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

/** Runs one command and returns the exit code. Bad input of any kind ends as one `tlib: <reason>` line. */
export function runCli(args: readonly string[], io: CliIo = processIo): number {
  try {
    io.stdout(dispatch(args, io));
    return EXIT_OK;
  } catch (error) {
    const reason = badInputReason(error);
    if (reason === undefined) throw error;
    io.stderr(`tlib: ${reason}\n`);
    return EXIT_BAD_INPUT;
  }
}

function dispatch(args: readonly string[], io: CliIo): string {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') return USAGE;
  if (command === undefined) throw new CliError('no command given (try --help)');
  if (command !== 'decode' && command !== 'encode') throw new CliError(`unknown command ${JSON.stringify(command)}`);
  const input = readInput(command, rest, io);
  return command === 'decode'
    ? decodeCommand(typeof input === 'string' ? parseHex(input) : input)
    : encodeCommand(input.toString());
}

/** The command's single input: the argument itself, or the bytes of the file named after `--file`. */
function readInput(command: string, args: readonly string[], io: CliIo): string | Buffer {
  if (args[0] === '--file') {
    if (args.length !== 2) throw new CliError(`${command} --file takes one path`);
    return readFile(args[1]!, io);
  }
  if (args.length !== 1) throw new CliError(`${command} takes one argument (quote it), or --file <path>`);
  return args[0]!;
}

function readFile(path: string, io: CliIo): Buffer {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
  }
}

function badInputReason(error: unknown): string | undefined {
  if (error instanceof CliError || error instanceof TlibError) return error.message;
  return undefined;
}
