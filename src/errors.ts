/**
 * Errors Vouch expects, in the style of bolt-js's coded errors. `code` is stable (tests, logs and the
 * Slack side's table of members' messages key on it); `message` is one line for the log or, for an
 * operator's error, for the console.
 */
export class VouchError<Code extends string = string> extends Error {
  override readonly name: string = 'VouchError';
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Start-up failed for a reason the operator can fix (bad token, unreachable database...). */
export class StartupError extends VouchError {
  override readonly name = 'StartupError';
}
