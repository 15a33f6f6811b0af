/**
 * Warm invocations (issue 6, figure 3): each handler called in one process with real events,
 * against direct DocumentClient calls of the same kind on the same store. Handler and floor run
 * in alternating batches (ABBA) so drift on the machine falls on both alike.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { STATUS_INDEX } from '../../src/data/table.js';
import { newTaskId } from '../../src/tasks/task.js';
import { lambdaContext } from '../support/events.js';
import {
  type Db,
  deleteTask,
  getTask,
  putTask,
  queryOwner,
  queryStatus,
  taskItem,
  updateStatus,
} from './floor/calls.js';
import type { Handler } from './requests.js';
import {
  type BenchOperationId,
  benchEvent,
  DESCRIPTION,
  OPERATIONS,
  type OperationId,
  SUCCESS,
  TITLE,
} from './scenarios.js';
import { percentile, round } from './stats.js';

export interface WarmSide {
  p50: number;
  p99: number;
  mean: number;
  calls: number;
}

export interface WarmResult {
  operationId: BenchOperationId;
  handler: WarmSide;
  floor: WarmSide;
  ratioP50: number;
  ratioP99: number;
}

export interface WarmOptions {
  handlers: Record<OperationId, Handler>;
  /** A DocumentClient configured as the handlers' one (createDocumentClient). */
  db: Db;
  tableName: string;
  shards: number;
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
 * Call i of either side gets the i-th event or item, warm-up included.
 */
export async function measure(
  operationId: BenchOperationId,
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
    handler: side(h),
    floor: side(f),
    ratioP50: 0,
    ratioP99: 0,
  };
  result.ratioP50 = round(result.handler.p50 / result.floor.p50, 3);
  result.ratioP99 = round(result.handler.p99 / result.floor.p99, 3);
  log(
    `warm ${operationId}: p50 ${result.handler.p50} ms vs ${result.floor.p50} ms (${result.ratioP50}x), p99 ${result.handler.p99} vs ${result.floor.p99}`,
  );
  return result;
}

export async function warmInvocations(options: WarmOptions): Promise<WarmResult[]> {
  const { handlers, db, tableName, shards, calls, warmup } = options;
  const total = warmup + calls;
  const owner = `warm-${crypto.randomUUID()}`;
  const context = lambdaContext();
  const handlerIds: string[] = [];
  const floorIds: string[] = [];

  const handlerCall = (operationId: OperationId, events: APIGatewayProxyEvent[]): Call => {
    const handler = handlers[operationId];
    const call: Call = (i) => handler(events[i] as APIGatewayProxyEvent, context);
    call.check = (i, answer) => {
      const result = answer as APIGatewayProxyResult;
      if (result.statusCode !== SUCCESS[operationId])
        throw new Error(`${operationId} answered ${result.statusCode}: ${result.body}`);
      if (operationId === 'createTask')
        handlerIds[i] = (JSON.parse(result.body) as { task_id: string }).task_id;
    };
    return call;
  };
  const events = (operationId: OperationId, taskIds: string[] = []) =>
    Array.from({ length: total }, (_, i) =>
      benchEvent(operationId, { sub: owner, n: i, taskId: taskIds[i] }),
    );
  const now = () => new Date().toISOString();

  const cases: Record<OperationId, () => { handler: Call; floor: Call }> = {
    createTask: () => {
      const items = Array.from({ length: total }, (_, i) => {
        const taskId = newTaskId();
        floorIds.push(taskId);
        const title = `${TITLE} #${i}`;
        return taskItem({ sub: owner, taskId, title, description: DESCRIPTION, at: now() }, shards);
      });
      return {
        handler: handlerCall('createTask', events('createTask')),
        floor: (i) => putTask(db, tableName, items[i] as Record<string, unknown>),
      };
    },
    getTask: () => ({
      handler: handlerCall('getTask', events('getTask', handlerIds)),
      floor: (i) => getTask(db, tableName, owner, handlerIds[i] as string),
    }),
    listTasks: () => ({
      handler: handlerCall('listTasks', events('listTasks')),
      floor: () => queryOwner(db, tableName, owner, 50),
    }),
    listTasksByStatus: () => ({
      handler: handlerCall('listTasksByStatus', events('listTasksByStatus')),
      floor: () => queryStatus(db, tableName, STATUS_INDEX, 'pending', shards, 50),
    }),
    updateTask: () => ({
      handler: handlerCall('updateTask', events('updateTask', handlerIds)),
      floor: (i) =>
        updateStatus(db, tableName, shards, {
          sub: owner,
          taskId: floorIds[i] as string,
          status: 'in_progress',
          at: now(),
        }),
    }),
    deleteTask: () => ({
      handler: handlerCall('deleteTask', events('deleteTask', handlerIds)),
      floor: (i) => deleteTask(db, tableName, owner, floorIds[i] as string),
    }),
  };

  // Creates first (they make the tasks the others act on), the listings before the updates
  // move tasks out of `pending`, deletes last.
  const order: OperationId[] = [
    'createTask',
    'getTask',
    'listTasks',
    'listTasksByStatus',
    'updateTask',
    'deleteTask',
  ];
  if (order.length !== OPERATIONS.length) throw new Error('warm order misses an operation');

  const results: WarmResult[] = [];
  for (const operationId of order) {
    const { handler, floor } = cases[operationId]();
    results.push(await measure(operationId, handler, floor, options));
  }
  return OPERATIONS.map((id) => results.find((r) => r.operationId === id) as WarmResult);
}
