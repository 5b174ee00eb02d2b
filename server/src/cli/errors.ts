/** Errors the CLI reports as one line on stderr with exit code 2: bad usage, unreadable input. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
