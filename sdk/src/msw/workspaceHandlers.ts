/**
 * The mock's workspace operations (openapi.yaml, tag `workspaces`), in the API's order: the
 * caller (401), then the operation's parameters (400), its body (413, 415, 400), If-Match (400),
 * then the workspace rules (src/workspaces/policy.ts, through WorkspaceData).
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { components } from '../../../src/contract/api.generated.js';
import { canonicalEmail } from '../../../src/contract/email.js';
import type { ProblemSlug } from '../../../src/contract/problems.js';
import * as bodyRules from '../../../src/contract/validate-body.generated.js';
import * as paramRules from '../../../src/contract/validate-params.generated.js';
import type { FieldError } from '../types.js';
import {
  type Params,
  parseIfMatch,
  type Validator,
  validateBody,
  validateParams,
} from './validate.js';
import { type Actor, MockProblem, type WorkspaceData } from './workspaces.js';

type Schemas = components['schemas'];

export interface WorkspaceHandlerContext {
  base: string;
  data: WorkspaceData;
  /** The caller, or undefined for a 401. */
  actor(request: Request): Actor | undefined;
  problem(slug: ProblemSlug, detail: string, errors?: FieldError[]): Response;
  readJson(request: Request): Promise<{ body: unknown } | { refusal: Response }>;
  /** The most batches of 25 one DELETE of a workspace deletes before answering 202. */
  deleteBatches: number;
}

type Ctx = {
  actor: Actor;
  params: Params;
  path: Record<string, string>;
  body: unknown;
  request: Request;
};

export function workspaceHandlers(context: WorkspaceHandlerContext): HttpHandler[] {
  const { base, data, problem } = context;
  const invalid = (errors: FieldError[]) =>
    problem('validation-error', 'the request does not match the contract', errors);

  /** One operation: the checks every handler makes, then `run`. */
  const operation =
    (rules: { params: Validator; body?: Validator }, run: (c: Ctx) => Response) =>
    async ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
      const actor = context.actor(request);
      if (!actor) return problem('unauthorized', 'a valid Cognito ID token is required');
      const path = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
      const checked = validateParams(rules.params, request, path);
      if (checked.errors.length > 0) return invalid(checked.errors);
      let body: unknown;
      if (rules.body) {
        const read = await context.readJson(request);
        if ('refusal' in read) return read.refusal;
        const errors = validateBody(rules.body, read.body);
        if (errors.length > 0) return invalid(errors);
        body = read.body;
      }
      try {
        return run({ actor, params: checked.params, path, body, request });
      } catch (err) {
        if (err instanceof MockProblem) return problem(err.slug, err.message, err.errors);
        throw err;
      }
    };

  const ifMatch = (request: Request) => {
    const parsed = parseIfMatch(request.headers.get('If-Match'));
    if ('errors' in parsed) throw new MockProblem('validation-error', parsed.detail, parsed.errors);
    return parsed.precondition;
  };
  const keyOf = (request: Request) => {
    const header = request.headers.get('Idempotency-Key');
    return header === null ? undefined : { key: header.replace(/^"(.*)"$/, '$1') };
  };
  const withEtag = (
    body: { version: number },
    status = 200,
    headers: Record<string, string> = {},
  ) => HttpResponse.json(body, { status, headers: { ETag: `"${body.version}"`, ...headers } });
  const noContent = (status: 202 | 204 = 204) => new HttpResponse(null, { status });
  /** The validators default `limit` to the spec's 50 and coerce it to a number. */
  const pageOf = (params: Params) => {
    const { limit, cursor } = params.query as { limit: number; cursor?: string };
    return { limit, ...(cursor === undefined ? {} : { cursor }) };
  };
  const list = <T>(name: string, page: { items: T[]; cursor?: string }) =>
    HttpResponse.json({
      [name]: page.items,
      count: page.items.length,
      ...(page.cursor ? { next_cursor: page.cursor } : {}),
    });

  const ws = `${base}/workspaces/:workspaceId`;
  return [
    http.post(
      `${base}/workspaces`,
      operation(
        { params: paramRules.createWorkspace, body: bodyRules.createWorkspace },
        ({ actor, body, request }) => {
          const made = data.create(actor, body as Schemas['WorkspaceCreate'], keyOf(request));
          return withEtag(made, 201, { Location: `/workspaces/${made.workspace_id}` });
        },
      ),
    ),
    http.get(
      `${base}/workspaces`,
      operation({ params: paramRules.listWorkspaces }, ({ actor, params }) =>
        list('workspaces', data.list(actor, pageOf(params))),
      ),
    ),
    http.get(
      ws,
      operation({ params: paramRules.getWorkspace }, ({ actor, path }) =>
        withEtag(data.get(actor, path.workspaceId as string)),
      ),
    ),
    http.patch(
      ws,
      operation(
        { params: paramRules.renameWorkspace, body: bodyRules.renameWorkspace },
        ({ actor, path, body, request }) => {
          const { name } = body as Schemas['WorkspaceUpdate'];
          return withEtag(data.rename(actor, path.workspaceId as string, name, ifMatch(request)));
        },
      ),
    ),
    http.delete(
      ws,
      operation({ params: paramRules.deleteWorkspace }, ({ actor, path }) =>
        noContent(
          data.delete(actor, path.workspaceId as string, context.deleteBatches) === 'done'
            ? 204
            : 202,
        ),
      ),
    ),
    http.post(
      `${ws}/members`,
      operation(
        { params: paramRules.inviteMember, body: bodyRules.inviteMember },
        ({ actor, path, body }) =>
          withEtag(
            data.invite(actor, path.workspaceId as string, body as Schemas['MemberInvite']),
            201,
          ),
      ),
    ),
    http.get(
      `${ws}/members`,
      operation({ params: paramRules.listMembers }, ({ actor, path, params }) =>
        list('members', data.listMembers(actor, path.workspaceId as string, pageOf(params))),
      ),
    ),
    http.patch(
      `${ws}/members/:userId`,
      operation(
        { params: paramRules.updateMember, body: bodyRules.updateMember },
        ({ actor, path, body, request }) => {
          const { role } = body as Schemas['MemberUpdate'];
          const { workspaceId, userId } = path as { workspaceId: string; userId: string };
          return withEtag(data.updateMember(actor, workspaceId, userId, role, ifMatch(request)));
        },
      ),
    ),
    http.delete(
      `${ws}/members/:userId`,
      operation({ params: paramRules.removeMember }, ({ actor, path }) => {
        data.removeMember(actor, path.workspaceId as string, path.userId as string);
        return noContent();
      }),
    ),
    http.delete(
      `${ws}/invitations/:email`,
      operation({ params: paramRules.revokeInvitation }, ({ actor, path }) => {
        data.revokeInvitation(
          actor,
          path.workspaceId as string,
          canonicalEmail(path.email as string),
        );
        return noContent();
      }),
    ),
    http.post(
      `${ws}/leave`,
      operation({ params: paramRules.leaveWorkspace }, ({ actor, path }) => {
        data.leave(actor, path.workspaceId as string);
        return noContent();
      }),
    ),
    http.post(
      `${ws}/tasks`,
      operation(
        { params: paramRules.createWorkspaceTask, body: bodyRules.createWorkspaceTask },
        ({ actor, path, body, request }) => {
          const workspaceId = path.workspaceId as string;
          const task = data.createTask(
            actor,
            workspaceId,
            body as Schemas['WorkspaceTaskCreate'],
            keyOf(request),
          );
          return withEtag(task, 201, {
            Location: `/workspaces/${workspaceId}/tasks/${task.task_id}`,
          });
        },
      ),
    ),
    http.get(
      `${ws}/tasks`,
      operation({ params: paramRules.listWorkspaceTasks }, ({ actor, path, params }) => {
        const { status, assignee } = params.query as {
          status?: Schemas['TaskStatus'];
          assignee?: string;
        };
        const page = data.listTasks(actor, path.workspaceId as string, {
          ...pageOf(params),
          ...(status === undefined ? {} : { status }),
          ...(assignee === undefined ? {} : { assignee }),
        });
        return list('tasks', page);
      }),
    ),
    http.get(
      `${ws}/tasks/:taskId`,
      operation({ params: paramRules.getWorkspaceTask }, ({ actor, path }) =>
        withEtag(data.getTask(actor, path.workspaceId as string, path.taskId as string)),
      ),
    ),
    http.patch(
      `${ws}/tasks/:taskId`,
      operation(
        { params: paramRules.updateWorkspaceTask, body: bodyRules.updateWorkspaceTask },
        ({ actor, path, body, request }) =>
          withEtag(
            data.updateTask(
              actor,
              path.workspaceId as string,
              path.taskId as string,
              body as Schemas['WorkspaceTaskUpdate'],
              ifMatch(request),
            ),
          ),
      ),
    ),
    http.delete(
      `${ws}/tasks/:taskId`,
      operation({ params: paramRules.deleteWorkspaceTask }, ({ actor, path, request }) => {
        data.deleteTask(actor, path.workspaceId as string, path.taskId as string, ifMatch(request));
        return noContent();
      }),
    ),
    http.get(
      `${base}/me/assigned-tasks`,
      operation({ params: paramRules.listMyAssignedTasks }, ({ actor, params }) =>
        list('tasks', data.listAssigned(actor, pageOf(params))),
      ),
    ),
    http.get(
      `${base}/me/invitations`,
      operation({ params: paramRules.listMyInvitations }, ({ actor, params }) =>
        list('invitations', data.listInvitations(actor, pageOf(params))),
      ),
    ),
    http.post(
      `${base}/me/invitations/:workspaceId`,
      operation({ params: paramRules.acceptInvitation }, ({ actor, path }) =>
        withEtag(data.accept(actor, path.workspaceId as string)),
      ),
    ),
    http.delete(
      `${base}/me/invitations/:workspaceId`,
      operation({ params: paramRules.declineInvitation }, ({ actor, path }) => {
        data.decline(actor, path.workspaceId as string);
        return noContent();
      }),
    ),
  ];
}
