/**
 * True for a unique-constraint violation from either generated client (Prisma code P2002). Both
 * clients throw their own PrismaClientKnownRequestError class, so this checks the code, not the class.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Runs an insert whose unique key says "once": true when this call inserted the row, false when it
 * was already there (a repeat, or a concurrent twin that won). Any other failure is thrown.
 */
export async function insertedOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Runs an upsert again when a concurrent one inserted the same row first: an upsert is a read then a
 * write, so two at once can both try to insert; the loser's unique violation means the row now exists.
 */
export async function retryOnConflict<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error;
    }
  }
}
