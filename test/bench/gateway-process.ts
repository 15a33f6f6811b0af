/**
 * Child process for figure 4: the local stack as `npm start` runs it (dynalite, cognito-local, the
 * gateway with the real handlers, all in one process) and, in the same process on the same
 * dynalite, the floor: a bare HTTP server doing one GetItem per request with a DocumentClient
 * configured as the handlers' one. The gateway's authorizer remembers a verified token for 300 s,
 * as API Gateway does, so the benchmark's one token is verified once, before any timed run.
 * Stdout is /dev/null (the handlers' log lines).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { functionConfig } from '../../src/config/index.js';
import { createDocumentClient } from '../../src/data/client.js';
import { taskSk, userPk } from '../../src/data/keys.js';
import { createUser, startTestStack } from '../support/stack.js';
import { DESCRIPTION, TITLE } from './event.js';
import { getConsistent } from './floor/calls.js';

const stack = await startTestStack();
const user = await createUser(stack);
const created = await fetch(`${stack.apiUrl}/tasks`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${user.idToken}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ title: TITLE, description: DESCRIPTION }),
});
if (created.status !== 201)
  throw new Error(`seeding failed: ${created.status} ${await created.text()}`);
const { task_id: taskId } = (await created.json()) as { task_id: string };

const db = createDocumentClient(
  functionConfig({ DYNAMODB_ENDPOINT: stack.dynamoEndpoint, AWS_REGION: stack.region }).dynamo,
);
const floor = createServer((req, res) => {
  const id = decodeURIComponent((req.url ?? '').replace(/^\/tasks\//, ''));
  getConsistent(db, stack.tableName, { PK: userPk(user.sub), SK: taskSk(id) }).then(
    ({ Item }) => {
      const body = JSON.stringify(Item ?? { status: 404 });
      res.writeHead(Item ? 200 : 404, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    },
    () => {
      res.writeHead(500);
      res.end();
    },
  );
});
await new Promise<void>((done) => floor.listen(0, '127.0.0.1', done));
const floorPort = (floor.address() as AddressInfo).port;

process.on('message', async (message: { kind: string }) => {
  if (message.kind !== 'stop') return;
  floor.close();
  floor.closeAllConnections();
  db.destroy();
  await stack.stop();
  process.exit(0);
});
process.send?.({
  kind: 'ready',
  apiUrl: stack.apiUrl,
  floorUrl: `http://127.0.0.1:${floorPort}`,
  dynamoEndpoint: stack.dynamoEndpoint,
  tableName: stack.tableName,
  token: user.idToken,
  sub: user.sub,
  taskId,
});
