// The error of a data file that cannot be read: where (line and column), what, and what is allowed.

/** A data file that cannot be read: where (1-based line and column, null when the whole file), what, what is allowed. */
export class DataFileError extends Error {
  readonly line: number | null;
  readonly column: number | null;
  constructor(line: number | null, column: number | null, problem: string, allowed: string) {
    const where = line === null ? '' : column === null ? `line ${line}: ` : `line ${line}, column ${column}: `;
    super(`${where}${problem}; allowed: ${allowed}`);
    this.name = 'DataFileError';
    this.line = line;
    this.column = column;
  }
}
