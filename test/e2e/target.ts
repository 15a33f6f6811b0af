/**
 * Where the end-to-end suite runs: a fresh in-process local stack (the default), or the stack an
 * outputs file describes (`TASK_API_OUTPUTS`: `.local/outputs.json` of `npm start`, or
 * `deploy-outputs.json` of `npm run deploy`). Against an outputs file, users are signed up,
 * confirmed with the caller's credentials (AdminConfirmSignUp) and deleted afterwards.
 */
import { readFileSync } from 'node:fs';
import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Env } from '../../src/config/index.js';
import { type CognitoTarget, createUser, startTestStack, type TestUser } from '../support/stack.js';

export interface Target extends CognitoTarget {
  kind: 'in-process' | 'outputs';
  apiUrl: string;
  /** Sign-up codes as the local stack's console shows them; absent for a deployed pool. */
  codes?: Map<string, string>;
  createUser(options?: { admin?: boolean; verified?: boolean }): Promise<TestUser>;
  /**
   * Confirms a user who signed up: with the delivered code where the test can read it
   * (confirm-sign-up), else with the caller's credentials (admin-confirm-sign-up).
   * The user is deleted on stop().
   */
  confirm(email: string): Promise<void>;
  /** Against an outputs file, this token's tasks are deleted on stop(). */
  own(idToken: string): void;
  stop(): Promise<void>;
}

interface Outputs {
  ApiUrl: string;
  UserPoolId: string;
  UserPoolClientId: string;
  Region: string;
  CognitoEndpoint?: string;
}

function readOutputs(file: string): Outputs {
  const outputs = JSON.parse(readFileSync(file, 'utf8')) as Partial<Outputs>;
  for (const key of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'Region'] as const) {
    if (typeof outputs[key] !== 'string') throw new Error(`${file} lacks ${key}`);
  }
  return outputs as Outputs;
}

/** `env`: the in-process stack's function settings besides a silent log (an outputs file's stack keeps its own). */
export async function startTarget(env: Env = {}): Promise<Target> {
  const file = process.env.TASK_API_OUTPUTS;
  if (!file) {
    const stack = await startTestStack({ env: { LOG_LEVEL: 'silent', ...env } });
    return {
      kind: 'in-process',
      apiUrl: stack.apiUrl,
      cognito: stack.cognito,
      userPoolId: stack.userPoolId,
      clientId: stack.clientId,
      codes: stack.codes,
      createUser: (options) => createUser(stack, options),
      async confirm(email) {
        const code = stack.codes.get(email);
        if (!code) throw new Error(`no sign-up code was delivered for ${email}`);
        await stack.cognito.send(
          new ConfirmSignUpCommand({
            ClientId: stack.clientId,
            Username: email,
            ConfirmationCode: code,
          }),
        );
      },
      own: () => undefined,
      stop: () => stack.stop(),
    };
  }
  const outputs = readOutputs(file);
  const local = outputs.CognitoEndpoint !== undefined;
  const cognito = new CognitoIdentityProviderClient({
    region: outputs.Region,
    ...(local
      ? {
          endpoint: outputs.CognitoEndpoint,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  const target: CognitoTarget = {
    cognito,
    userPoolId: outputs.UserPoolId,
    clientId: outputs.UserPoolClientId,
  };
  const created: string[] = [];
  const tokens: string[] = [];
  const apiUrl = outputs.ApiUrl.replace(/\/+$/, '');
  return {
    kind: 'outputs',
    ...target,
    apiUrl,
    async createUser(options) {
      const user = await createUser(target, options);
      created.push(user.email);
      tokens.push(user.idToken);
      return user;
    },
    async confirm(email) {
      created.push(email);
      await cognito.send(
        new AdminConfirmSignUpCommand({ UserPoolId: outputs.UserPoolId, Username: email }),
      );
    },
    own(idToken) {
      tokens.push(idToken);
    },
    async stop() {
      for (const token of tokens) await deleteAllTasks(apiUrl, token);
      for (const email of created) {
        await cognito
          .send(new AdminDeleteUserCommand({ UserPoolId: outputs.UserPoolId, Username: email }))
          .catch((err: Error) => console.warn(`could not delete ${email}: ${err.message}`));
      }
      cognito.destroy();
    },
  };
}

/** Leaves a deployed table as it was: every task the suite's users made is deleted. */
async function deleteAllTasks(apiUrl: string, token: string): Promise<void> {
  const headers = { Authorization: token };
  for (let page = 0; page < 100; page++) {
    const res = await fetch(`${apiUrl}/tasks?limit=100`, { headers });
    if (!res.ok) return;
    const { tasks } = (await res.json()) as { tasks: { task_id: string }[] };
    if (tasks.length === 0) return;
    for (const task of tasks) {
      await fetch(`${apiUrl}/tasks/${task.task_id}`, { method: 'DELETE', headers });
    }
  }
}
