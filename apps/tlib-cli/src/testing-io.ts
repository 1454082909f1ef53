import type { CliIo } from './cli';

/** An in-memory CliIo for specs: captures output and serves files from a map. */
export interface CapturedIo extends CliIo {
  readonly out: string[];
  readonly err: string[];
}

export function capturedIo(files: Readonly<Record<string, Uint8Array | string>> = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return Buffer.from(content);
    },
  };
}
