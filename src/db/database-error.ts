import { VouchError } from '../errors.js';

/**
 * Why the database layer gave up:
 * - `invalid_url`: DATABASE_URL is not a `file:` or `postgres(ql)://` URL;
 * - `unreachable`: the database could not be opened or connected to;
 * - `migration_failed`: a migration failed now or earlier, or the history cannot be applied.
 */
export type DatabaseErrorCode = 'invalid_url' | 'unreachable' | 'migration_failed';

/** A database failure whose `message` is one line an operator can act on (printed before exiting). */
export class DatabaseError extends VouchError<DatabaseErrorCode> {
  override readonly name = 'DatabaseError';
  constructor(code: DatabaseErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, oneLine(message), options);
  }
}

/** Driver messages can span lines (SQL excerpts); the operator gets the first meaningful one. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** The message of anything thrown, on one line. */
export function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const text = error.message || (typeof code === 'string' ? code : error.name);
    return oneLine(text);
  }
  return oneLine(String(error));
}
