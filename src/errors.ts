/**
 * Errors the domain expects. `code` is stable (tests and logs key on it); `message` is one line a
 * person can act on: the listener that catches one shows it as a friendly ephemeral message.
 */
export class VouchError extends Error {
  override readonly name: string = 'VouchError';
  constructor(
    readonly code: string,
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
