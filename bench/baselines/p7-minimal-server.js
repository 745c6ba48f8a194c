// Baseline of P7: the least a server must do to answer /readyz over the same database:
// open the SQLite file with the same settings, check the schema table is readable, listen.
// No framework, no modules, no migrations check, no OpenAPI, no logging.
// Environment: DATABASE_URL (sqlite:<file>), PORT, HOST.
import { createServer } from 'node:http';
import SQLite from 'better-sqlite3';

const file = (process.env.DATABASE_URL ?? '').replace(/^sqlite:/, '');
const db = new SQLite(file, { timeout: 5_000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
const migrations = db.prepare('select count(*) as n from kysely_migration');

const server = createServer((req, res) => {
  if (req.url === '/readyz') {
    const ready = migrations.get().n > 0;
    res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
    res.end(ready ? '{"status":"ready"}' : '{"status":"not ready"}');
    return;
  }
  res.writeHead(404).end();
});
server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
const stop = () => server.close(() => {
  db.close();
  process.exit(0);
});
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
