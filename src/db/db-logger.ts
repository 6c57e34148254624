/**
 * The slice of a pino logger the database layer uses. A pino `Logger` satisfies it; tests can pass
 * a recorder without mocking a module.
 */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
