/** dynalite's store as the transaction layer (transactions.ts) reads it and stages its writes. */

export type Callback<T = unknown> = (err?: DynaliteError | null, value?: T) => void;
export type Item = Record<string, unknown>;
export interface DynaliteError extends Error {
  statusCode?: number;
  body?: { __type: string; message: string };
  name: string;
}
export interface SubDb {
  get(key: string, cb: Callback<Item>): void;
  put(key: string, value: Item, cb: Callback): void;
  del(key: string, cb: Callback): void;
  lock(keys: string | string[], exec: (release: (done: () => void) => () => void) => void): void;
}
export interface Table {
  TableName: string;
}
export interface Store {
  options: Record<string, unknown>;
  db: { batch(ops: BatchOp[], cb: Callback): void };
  getTable(name: string, cb: Callback<Table>): void;
  getItemDb(name: string): SubDb;
  getIndexDb(type: string, table: string, index: string): SubDb;
}
export type BatchOp = { type: 'put'; key: string; value: Item } | { type: 'del'; key: string };

/**
 * dynalite's store as its single-item actions see it, with every write kept back: reads come
 * from the store, writes are collected and committed as one batch. The keys carry the prefixes
 * dynalite gives its item and index databases (its db/index.js, getSubDb).
 */
export class Staged {
  private readonly ops: BatchOp[] = [];
  readonly view: Store;

  constructor(private readonly store: Store) {
    const sub = (real: SubDb, prefix: string): SubDb => ({
      get: (key, cb) => real.get(key, cb),
      put: (key, value, cb) => {
        this.ops.push({ type: 'put', key: prefix + key, value });
        setImmediate(cb);
      },
      del: (key, cb) => {
        this.ops.push({ type: 'del', key: prefix + key });
        setImmediate(cb);
      },
      // The transaction already holds the items' locks.
      lock: (_keys, exec) => exec((done) => done),
    });
    this.view = {
      ...store,
      getItemDb: (name) => sub(store.getItemDb(name), `item-${name}~`),
      getIndexDb: (type, table, index) =>
        sub(store.getIndexDb(type, table, index), `index-${type.toLowerCase()}~${table}~${index}~`),
    };
  }

  commit(): Promise<void> {
    return new Promise((done, fail) =>
      this.store.db.batch(this.ops, (err) => (err ? fail(err) : done())),
    );
  }
}

export function get(db: SubDb, key: string): Promise<Item | undefined> {
  return new Promise((done, fail) =>
    db.get(key, (err, item) => {
      if (err && err.name !== 'NotFoundError' && !/not ?found/i.test(err.message)) fail(err);
      else done(err ? undefined : item);
    }),
  );
}
