/** What main() is given instead of the global process: streams, environment, working folder, a stop signal. */
export interface OutStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface InStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface Io {
  stdin: InStream;
  stdout: OutStream & NodeJS.WritableStream;
  stderr: OutStream & NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Aborted on SIGTERM/SIGHUP (the reason names the signal): a session summarises and stops. */
  signal?: AbortSignal;
  /**
   * Listens for SIGINT (Ctrl+C in a terminal in line mode, where it is a signal, not a key); while a
   * listener is on, SIGINT does not end the process. Returns the function that stops listening.
   */
  onInterrupt?: (listener: () => void) => () => void;
}
