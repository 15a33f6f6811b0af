/**
 * The bench's floors and scenarios (test/bench/scenarios.ts): every operation of the spec has a
 * scenario and a floor, and each floor makes exactly the DynamoDB requests its handler makes for
 * the same request, so a ratio compares the handler with a bare client doing the same work.
 * Nothing here is timed.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, operations } from '../../src/openapi.js';
import { apiEvent, lambdaContext } from '../support/events.js';
import { type HandlerEnv, handlerFactory, startHandlerEnv } from '../support/handlers.js';
import { eventParts, floorRequestOf, type OperationId } from './event.js';
import { floorRequest } from './floor/event.js';
import { OPERATIONS, SCENARIOS } from './scenarios.js';
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

/** One request of the operation's scenario, on items seeded for it alone. */
async function oneRequest(id: OperationId) {
  const scenario = SCENARIOS[id];
  const [target] = await scenario.seed(env.store, 1);
  if (!target) throw new Error(`${id}: its scenario seeded no target`);
  return eventParts(id, target, scenario.request?.(target) ?? {});
}

describe('the bench', () => {
  it('measures every operation of the spec, each once', () => {
    const spec = operations(loadSpec()).map((op) => op.operationId);
    expect(OPERATIONS).toEqual(spec);
    expect(Object.keys(SCENARIOS).sort()).toEqual([...spec].sort());
  });

  it.each(OPERATIONS)("%s: the floor makes the handler's DynamoDB requests", async (id) => {
    const scenario = SCENARIOS[id];
    const handler = (await handlerFactory(id))(env.store);
    const config = { tableName: env.tableName, shards: 10 };
    const handlerEvent = apiEvent(await oneRequest(id));
    const floorParts = await oneRequest(id);
    const handlerSide = await commandsOf(env.doc, () => handler(handlerEvent, lambdaContext()));
    const floorSide = await commandsOf(env.doc, () =>
      scenario.floor(env.doc, config, floorRequestOf(floorParts)),
    );
    const answer = handlerSide.answer as APIGatewayProxyResult;
    expect(answer.statusCode, answer.body).toBe(scenario.success);
    expect(handlerSide.commands.length).toBeGreaterThan(0);
    expect(floorSide.commands).toEqual(handlerSide.commands);
  });

  it.each(OPERATIONS)(
    '%s: the cold floor reads the request the warm floor is given',
    async (id) => {
      const parts = await oneRequest(id);
      const event = apiEvent(parts);
      const { id: _cold, ...cold } = floorRequest(event);
      const { id: _warm, ...warm } = floorRequestOf(parts);
      expect(cold).toEqual(warm);
    },
  );
});
