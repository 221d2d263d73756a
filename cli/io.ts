// Where a command writes: standard output and standard error, replaceable for in-process runs (tests).

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
