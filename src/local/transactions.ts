/**
 * TransactWriteItems for dynalite, which has none (docs/architecture.md#the-local-stack): an
 * in-process layer in front of its request handler that runs a transaction on dynalite's own
 * store with dynalite's own validation, condition, update and index code, and commits every
 * write of it in one LevelDB batch, so it is all-or-nothing even when the process is killed.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';

import {
  type Callback,
  type DynaliteError,
  get,
  type Item,
  Staged,
  type Store,
  type Table,
} from './dynaliteStore.js';

import { ApiError, cancelled, type Reason, validationError } from './transactionErrors.js';

const require = createRequire(import.meta.url);

type Action = (store: Store, data: Item, cb: Callback) => void;
interface Validation {
  types: Record<string, unknown>;
  custom: unknown;
}

const dynaliteDb = require('dynalite/db') as {
  create(options: unknown): Store;
  validateItem(item: unknown, table: Table): DynaliteError | null | undefined;
  validateKey(key: unknown, table: Table): DynaliteError | null | undefined;
  createKey(item: unknown, table: Table): string;
  checkConditional(data: Item, existing: Item | undefined): DynaliteError | null | undefined;
};
const validations = require('dynalite/validations') as {
  checkTypes(data: unknown, types: unknown): Item;
  checkValidations(data: Item, types: unknown, custom: unknown, store: Store): void;
};

/** Each kind of TransactItems member, as the single-item call whose rules it follows. */
const KINDS = {
  Put: 'putItem',
  Update: 'updateItem',
  Delete: 'deleteItem',
  ConditionCheck: 'deleteItem',
} as const;
type Kind = keyof typeof KINDS;
const rules = Object.fromEntries(
  Object.values(KINDS).map((name) => [name, require(`dynalite/validations/${name}`)]),
) as Record<(typeof KINDS)[Kind], Validation>;
const actions = Object.fromEntries(
  Object.values(KINDS).map((name) => [name, require(`dynalite/actions/${name}`)]),
) as Record<(typeof KINDS)[Kind], Action>;

const MAX_ITEMS = 100;
/** A client request token makes a retry within ten minutes a no-op success. */
const TOKEN_WINDOW_MS = 10 * 60 * 1000;
const PREFIX = 'com.amazonaws.dynamodb.v20120810#';

interface Member {
  kind: Kind;
  table: Table;
  key: string;
  data: Item;
  returnOld: boolean;
}

/**
 * Starts dynalite with the layer in front: every other request goes to dynalite's own handler.
 * dynalite keeps its store private, so the store it creates is taken as it is created.
 */
export function withTransactions(start: () => Server): Server {
  const create = dynaliteDb.create;
  let store: Store | undefined;
  dynaliteDb.create = (options) => {
    store = create(options);
    return store;
  };
  let server: Server;
  try {
    server = start();
  } finally {
    dynaliteDb.create = create;
  }
  if (!store) throw new Error('dynalite created no store');
  const transactions = new Transactions(store);
  const [dynalite] = server.listeners('request') as RequestListener[];
  if (!dynalite) throw new Error('dynalite has no request handler');
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target === 'DynamoDB_20120810.TransactWriteItems') transactions.serve(req, res);
    else dynalite(req, res);
  });
  return server;
}

class Transactions {
  private readonly tokens = new Map<string, { request: string; at: number }>();

  constructor(private readonly store: Store) {}

  serve(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let data: unknown;
      try {
        data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(res, 400, { __type: 'com.amazon.coral.service#SerializationException' });
      }
      this.run(data).then(
        () => send(res, 200, {}),
        (err: unknown) => {
          if (err instanceof ApiError) {
            return send(res, 400, {
              __type: PREFIX + err.type,
              message: err.message,
              ...err.extra,
            });
          }
          const e = err as DynaliteError;
          if (e?.statusCode && e.body) return send(res, e.statusCode, e.body);
          send(res, 500, { __type: `${PREFIX}InternalServerError`, message: String(err) });
        },
      );
    });
  }

  private async run(input: unknown): Promise<void> {
    const request = input as { TransactItems?: unknown; ClientRequestToken?: unknown };
    const items = request.TransactItems;
    if (!Array.isArray(items) || items.length < 1 || items.length > MAX_ITEMS) {
      throw validationError(
        `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length between 1 and ${MAX_ITEMS}`,
      );
    }
    const token = request.ClientRequestToken;
    if (
      token !== undefined &&
      (typeof token !== 'string' || token.length < 1 || token.length > 36)
    ) {
      throw validationError(
        `1 validation error detected: Value '${String(token)}' at 'clientRequestToken' failed to satisfy constraint: Member must have length between 1 and 36`,
      );
    }
    const body = JSON.stringify(items);
    if (typeof token === 'string' && this.replayed(token, body)) return;
    const members = await Promise.all(items.map((item) => this.member(item)));
    const ids = members.map((m) => `${m.table.TableName}\0${m.key}`);
    if (new Set(ids).size !== ids.length) {
      throw validationError('Transaction request cannot include multiple operations on one item');
    }
    // AWS cancels a transaction that meets another in progress on one of its items
    // (TransactionConflict); here it waits for the items' locks, as dynalite's own writes do.
    await this.locked(members, () => this.apply(members));
    if (typeof token === 'string') this.tokens.set(token, { request: body, at: Date.now() });
  }

  /** True when `token` already ran this request; a mismatch is refused, as AWS does. */
  private replayed(token: string, body: string): boolean {
    const now = Date.now();
    for (const [t, seen] of this.tokens) if (now - seen.at > TOKEN_WINDOW_MS) this.tokens.delete(t);
    const seen = this.tokens.get(token);
    if (!seen) return false;
    if (seen.request !== body) {
      throw new ApiError(
        'IdempotentParameterMismatchException',
        'Request parameters do not match the parameters of the request with the same client token',
      );
    }
    return true;
  }

  /** One TransactItems member, validated by the rules of its single-item call. */
  private async member(raw: unknown): Promise<Member> {
    const entries = Object.entries((raw ?? {}) as Item).filter(([, v]) => v != null);
    const [entry] = entries;
    if (entries.length !== 1 || !entry || !(entry[0] in KINDS)) {
      throw validationError('TransactItems can only contain one of Check, Put, Update or Delete');
    }
    const kind = entry[0] as Kind;
    const { ReturnValuesOnConditionCheckFailure: returnOn, ...rest } = entry[1] as Item;
    if (returnOn !== undefined && returnOn !== 'ALL_OLD' && returnOn !== 'NONE') {
      throw validationError(
        `1 validation error detected: Value '${String(returnOn)}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`,
      );
    }
    if (kind === 'ConditionCheck' && typeof rest.ConditionExpression !== 'string') {
      throw validationError('The ConditionExpression of a ConditionCheck is required');
    }
    const rule = rules[KINDS[kind]];
    const data = validations.checkTypes(rest, rule.types);
    validations.checkValidations(data, rule.types, rule.custom, this.store);
    const table = await new Promise<Table>((done, fail) =>
      this.store.getTable(String(data.TableName), (err, t) => (err || !t ? fail(err) : done(t))),
    );
    const invalid =
      kind === 'Put'
        ? dynaliteDb.validateItem(data.Item, table)
        : dynaliteDb.validateKey(data.Key, table);
    if (invalid) throw invalid;
    const key = dynaliteDb.createKey(kind === 'Put' ? data.Item : data.Key, table);
    return { kind, table, key, data, returnOld: returnOn === 'ALL_OLD' };
  }

  /**
   * Holds dynalite's own item locks, so no write of another transaction or of a single-item call
   * interleaves. Each call queues on all its keys at once, so queues never wait on each other.
   */
  private async locked<T>(members: Member[], work: () => Promise<T>): Promise<T> {
    const byTable = new Map<string, string[]>();
    for (const m of members) {
      byTable.set(m.table.TableName, [...(byTable.get(m.table.TableName) ?? []), m.key]);
    }
    const releases: (() => void)[] = [];
    try {
      // Tables in one order, so two transactions never wait on each other.
      for (const name of [...byTable.keys()].sort()) {
        await new Promise<void>((done) =>
          this.store.getItemDb(name).lock(byTable.get(name) ?? [], (release) => {
            releases.push(release(() => {}));
            done();
          }),
        );
      }
      return await work();
    } finally {
      for (const release of releases) release();
    }
  }

  /** Checks every condition against the state before the transaction, then writes all or none. */
  private async apply(members: Member[]): Promise<void> {
    const reasons: Reason[] = [];
    for (const m of members) {
      const existing = await get(this.store.getItemDb(m.table.TableName), m.key);
      const failed = dynaliteDb.checkConditional(m.data, existing);
      if (!failed) reasons.push({ Code: 'None' });
      else {
        reasons.push({
          Code: 'ConditionalCheckFailed',
          Message: 'The conditional request failed',
          ...(m.returnOld && existing ? { Item: existing } : {}),
        });
      }
    }
    if (reasons.some((r) => r.Code !== 'None')) throw cancelled(reasons);
    const staged = new Staged(this.store);
    for (const [i, m] of members.entries()) {
      if (m.kind === 'ConditionCheck') continue;
      const err = await new Promise<DynaliteError | null | undefined>((done) =>
        actions[KINDS[m.kind]](staged.view, m.data, (e) => done(e)),
      );
      if (!err) continue;
      const body = err.body;
      if (!body?.__type.endsWith('ValidationException')) throw err;
      reasons[i] = { Code: 'ValidationError', Message: body.message };
      throw cancelled(reasons);
    }
    await staged.commit();
  }
}

function send(res: ServerResponse, status: number, data: object): void {
  const body = JSON.stringify(data);
  res.statusCode = status;
  res.setHeader('x-amzn-RequestId', `tx${Date.now().toString(36)}`);
  res.setHeader('x-amz-crc32', crc32(body));
  res.setHeader('Content-Type', 'application/x-amz-json-1.0');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
