/**
 * True for a unique-constraint violation from either generated client (Prisma code P2002). Both
 * clients throw their own PrismaClientKnownRequestError class, so this checks the code, not the class.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
