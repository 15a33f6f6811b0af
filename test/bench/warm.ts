/**
 * Warm invocations (issue 6, figure 3): each handler called in one process with real events,
 * against its floor (the same DynamoDB calls from a bare DocumentClient, test/bench/floor/) on
 * the same store. Each side acts on its own seeded items; handler and floor run in alternating
 * batches (ABBA) so drift on the machine falls on both alike. The first call of each side is also
 * counted (a middleware on each client), so the table shows that the floor makes the handler's
 * requests.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { DataConfig } from '../../src/data/client.js';
import { TaskStore } from '../../src/data/tasks.js';
import { apiEvent, lambdaContext } from '../support/events.js';
import { eventParts, floorRequestOf, type OperationId } from './event.js';
import type { Handler, RequestCount } from './requests.js';
import type { Row } from './scenarios.js';
import { percentile, round } from './stats.js';

export interface WarmSide {
  p50: number;
  p99: number;
  mean: number;
  calls: number;
}

export interface WarmResult {
  operationId: OperationId;
  /** The row: the operation, or one of its variants (test/bench/scenarios.ts). */
  operation: string;
  handler: WarmSide;
  floor: WarmSide;
  ratioP50: number;
  ratioP99: number;
}

export interface WarmOptions {
  rows: readonly Row[];
  handlers: Record<string, Handler>;
  /** The handlers' own DocumentClient (src/data/store.ts), for the request count. */
  handlerClient: DynamoDBDocumentClient;
  /** A DocumentClient configured as the handlers' one (createDocumentClient): floor and seeds. */
  db: DynamoDBDocumentClient;
  config: DataConfig;
  calls: number;
  warmup: number;
  batch: number;
  log: (line: string) => void;
}

/** One call, and a check of its answer that runs after the clock stops. */
export interface Call {
  (i: number): Promise<unknown>;
  check?: (i: number, answer: unknown) => void;
}

async function timed(call: Call, from: number, to: number, into: number[]) {
  for (let i = from; i < to; i++) {
    const started = performance.now();
    const answer = await call(i);
    into.push(performance.now() - started);
    call.check?.(i, answer);
  }
}

function side(samples: number[]): WarmSide {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    p50: round(percentile(samples, 50), 4),
    p99: round(percentile(samples, 99), 4),
    mean: round(mean, 4),
    calls: samples.length,
  };
}

/**
 * `warmup` untimed calls of each side, then `calls` timed ones in alternating batches (ABBA).
 * Call i of either side gets the i-th event or request, warm-up included.
 */
export async function measure(
  { name, operationId }: Pick<Row, 'name' | 'operationId'>,
  handler: Call,
  floor: Call,
  options: Pick<WarmOptions, 'calls' | 'warmup' | 'batch' | 'log'>,
): Promise<WarmResult> {
  const { calls, warmup, batch, log } = options;
  const total = warmup + calls;
  const h: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < warmup; i++) {
    handler.check?.(i, await handler(i));
    await floor(i);
  }
  for (let start = warmup, k = 0; start < total; start += batch, k++) {
    const end = Math.min(start + batch, total);
    if (k % 2 === 0) {
      await timed(handler, start, end, h);
      await timed(floor, start, end, f);
    } else {
      await timed(floor, start, end, f);
      await timed(handler, start, end, h);
    }
  }
  const result: WarmResult = {
    operationId,
    operation: name,
    handler: side(h),
    floor: side(f),
    ratioP50: 0,
    ratioP99: 0,
  };
  result.ratioP50 = round(result.handler.p50 / result.floor.p50, 3);
  result.ratioP99 = round(result.handler.p99 / result.floor.p99, 3);
  log(
    `warm ${name}: p50 ${result.handler.p50} ms vs ${result.floor.p50} ms (${result.ratioP50}x), p99 ${result.handler.p99} vs ${result.floor.p99}`,
  );
  return result;
}

const MIDDLEWARE = 'benchCountWarmRequests';

/** Records the commands sent on the clients while `on`. */
export function commandCounter(clients: DynamoDBDocumentClient[]) {
  const counter = { on: false, commands: [] as string[] };
  for (const client of clients) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (counter.on) counter.commands.push(String(context.commandName).replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: MIDDLEWARE },
    );
  }
  const remove = () => {
    for (const client of clients) client.middlewareStack.remove(MIDDLEWARE);
  };
  /** The call, with the commands of its first call (i = 0) kept in `into`. */
  const counted = (call: Call, into: { commands: string[] }): Call => {
    const wrapped: Call = async (i) => {
      if (i !== 0) return call(i);
      counter.commands = [];
      counter.on = true;
      try {
        return await call(i);
      } finally {
        counter.on = false;
        into.commands = counter.commands;
      }
    };
    wrapped.check = call.check;
    return wrapped;
  };
  return { counted, remove };
}

/** Both sides of one operation, each on items of its own. */
async function sides({ operationId, scenario }: Row, options: WarmOptions, store: TaskStore) {
  const { handlers, db, config } = options;
  const total = options.warmup + options.calls;
  const parts = async () =>
    (await scenario.seed(store, total)).map((t) =>
      eventParts(operationId, t, scenario.request?.(t) ?? {}),
    );
  const events = (await parts()).map(apiEvent);
  const requests = (await parts()).map(floorRequestOf);
  const context = lambdaContext();
  const handler = handlers[operationId] as Handler;
  const handlerCall: Call = (i) => handler(events[i] as APIGatewayProxyEvent, context);
  handlerCall.check = (_, answer) => {
    const result = answer as APIGatewayProxyResult;
    if (result.statusCode !== scenario.success)
      throw new Error(`${operationId} answered ${result.statusCode}: ${result.body}`);
  };
  const floorCall: Call = (i) => scenario.floor(db, config, requests[i] as (typeof requests)[0]);
  return { handler: handlerCall, floor: floorCall };
}

export async function warmInvocations(
  options: WarmOptions,
): Promise<{ warm: WarmResult[]; requests: RequestCount[] }> {
  const store = new TaskStore(options.db, options.config);
  const { counted, remove } = commandCounter([options.handlerClient, options.db]);
  const warm: WarmResult[] = [];
  const requests: RequestCount[] = [];
  try {
    for (const row of options.rows) {
      const both = await sides(row, options, store);
      const h = { commands: [] as string[] };
      const f = { commands: [] as string[] };
      const floor = counted(both.floor, f);
      warm.push(await measure(row, counted(both.handler, h), floor, options));
      requests.push({
        operationId: row.operationId,
        operation: row.name,
        commands: h.commands,
        count: h.commands.length,
        expected: f.commands.length,
        floorCommands: f.commands,
      });
    }
  } finally {
    remove();
  }
  return { warm, requests };
}
