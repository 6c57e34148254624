import Sqlite from 'better-sqlite3';

const db = new Sqlite('/tmp/ds/vouch.db');
for (const sql of process.argv.slice(2)) {
  const t = performance.now();
  db.exec(sql);
  console.log((performance.now() - t).toFixed(0), 'ms', sql);
}
db.close();
