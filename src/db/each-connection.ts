import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * The same driver adapter factory, with `change` applied to every connection it opens: what the
 * SQLite wrappers (pragmas, statement cache, yielding) have in common.
 */
export function onEachConnection(
  factory: SqlDriverAdapterFactory,
  change: (adapter: SqlDriverAdapter) => SqlDriverAdapter,
): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      return change(await factory.connect());
    },
  };
}
