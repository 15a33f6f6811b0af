/**
 * The bench's floors and scenarios (test/bench/scenarios.ts): every operation of the spec has a
 * scenario and a floor, and each floor (a variant's too) makes exactly the DynamoDB requests its
 * handler makes for the same request, so a ratio compares the handler with a bare client doing
 * the same work. Nothing here is timed.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, operations } from '../../src/openapi.js';
import { apiEvent, lambdaContext } from '../support/events.js';
import { type HandlerEnv, handlerFactory, startHandlerEnv } from '../support/handlers.js';
import { eventParts, floorRequestOf, type OperationId } from './event.js';
import { floorRequest } from './floor/event.js';
import { OPERATIONS, ROWS, type Row, SCENARIOS, VARIANTS } from './scenarios.js';
import { commandCounter } from './warm.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
  // A store's first admin listing also reads the shard count: a design case the bench counts apart.
  await env.store.statusIndexShards();
});
afterAll(() => env.stop());

/** The commands `call` sends on `client`. */
async function commandsOf(client: DynamoDBDocumentClient, call: () => Promise<unknown>) {
  const { counted, remove } = commandCounter([client]);
  const into = { commands: [] as string[] };
  try {
    const answer = await counted(call, into)(0);
    return { answer, commands: into.commands };
  } finally {
    remove();
  }
}

const rowNamed = (name: string) => ROWS.find((row) => row.name === name) as Row;

/** One request of the row's scenario, on items seeded for it alone. */
async function oneRequest({ name, operationId, scenario }: Row) {
  const [target] = await scenario.seed(env.store, 1);
  if (!target) throw new Error(`${name}: its scenario seeded no target`);
  return eventParts(operationId, target, scenario.request?.(target) ?? {});
}

/** The commands the row's handler sends for one request, and its answer. */
async function handlerCommands(row: Row) {
  const handler = (await handlerFactory(row.operationId))(env.store);
  const event = apiEvent(await oneRequest(row));
  return commandsOf(env.doc, () => handler(event, lambdaContext()));
}

describe('the bench', () => {
  it('measures every operation of the spec, each once', () => {
    const spec = operations(loadSpec()).map((op) => op.operationId);
    expect(OPERATIONS).toEqual(spec);
    expect(Object.keys(SCENARIOS).sort()).toEqual([...spec].sort());
  });

  it('names each variant after an operation of the spec, in a row after that operation', () => {
    const names = ROWS.map((row) => row.name);
    expect(names.filter((name) => !OPERATIONS.includes(name as OperationId))).toEqual(
      Object.keys(VARIANTS),
    );
    for (const [name, variant] of Object.entries(VARIANTS)) {
      expect(names.indexOf(name)).toBeGreaterThan(names.indexOf(variant.operationId));
    }
  });

  it.each(ROWS.map((row) => row.name))(
    "%s: the floor makes the handler's DynamoDB requests",
    async (name) => {
      const row = rowNamed(name);
      const { scenario } = row;
      const config = { tableName: env.tableName, shards: 10 };
      const handlerSide = await handlerCommands(row);
      const floorParts = await oneRequest(row);
      const floorSide = await commandsOf(env.doc, () =>
        scenario.floor(env.doc, config, floorRequestOf(floorParts)),
      );
      const answer = handlerSide.answer as APIGatewayProxyResult;
      expect(answer.statusCode, answer.body).toBe(scenario.success);
      expect(handlerSide.commands.length).toBeGreaterThan(0);
      expect(floorSide.commands).toEqual(handlerSide.commands);
    },
  );

  it.each(OPERATIONS)(
    '%s: the cold floor reads the request the warm floor is given',
    async (id) => {
      const parts = await oneRequest(rowNamed(id));
      const event = apiEvent(parts);
      const { id: _cold, ...cold } = floorRequest(event);
      const { id: _warm, ...warm } = floorRequestOf(parts);
      expect(cold).toEqual(warm);
    },
  );

  it.each(['createTask', 'updateTask'] as const)(
    '%s: setting due, priority, labels and recurrence sends the same requests as without them',
    async (id) => {
      const variant = ROWS.find((row) => row.operationId === id && row.name !== id) as Row;
      const planned = await handlerCommands(variant);
      const plain = await handlerCommands(rowNamed(id));
      expect((planned.answer as APIGatewayProxyResult).statusCode).toBe(variant.scenario.success);
      expect(planned.commands).toEqual(plain.commands);
    },
  );
});
