// Team mode's store: loaded on demand (src/store/index.ts), so SQLite mode never loads pg.
export { PgStore } from './pgStore.js';
export { PgDatabase, type Queryable, type Session } from './database.js';
