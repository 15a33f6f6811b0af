/**
 * scripts/generate-tables.ts: the operation list and the schema limits it writes into
 * src/contract/ follow `$ref` and `allOf` and classify operations as openapi.yaml states them.
 */
import { describe, expect, it } from 'vitest';
import { limitsOf, operationRows } from '../../scripts/generate-tables.js';
import { LIMITS } from '../../src/contract/limits.generated.js';
import { loadSpec, type Spec } from '../../src/openapi.js';

type Json = Record<string, unknown>;
const spec = loadSpec();

function tinySpec(schemas: Record<string, Json>, paths: Spec['paths'] = {}): Spec {
  return {
    openapi: '3.0.3',
    paths,
    components: { schemas, parameters: {}, responses: {}, headers: {}, securitySchemes: {} },
  };
}

describe('limitsOf', () => {
  it.each([
    {
      name: 'takes the tightest bound along allOf and $ref',
      schemas: {
        Base: { type: 'string', minLength: 1, maxLength: 200 },
        Use: {
          type: 'string',
          minLength: 0,
          maxLength: 50,
          allOf: [{ $ref: '#/components/schemas/Base' }],
        },
      },
      want: { minLength: 1, maxLength: 50 },
    },
    {
      name: 'keeps a narrower base over a looser use',
      schemas: {
        Base: { type: 'integer', minimum: 5, maximum: 10 },
        Use: {
          type: 'integer',
          minimum: 1,
          maximum: 99,
          allOf: [{ $ref: '#/components/schemas/Base' }],
        },
      },
      want: { minimum: 5, maximum: 10 },
    },
  ])('$name', ({ schemas, want }) => {
    expect(limitsOf(tinySpec(schemas)).schemas.Use).toEqual(want);
  });

  it("gives an object's bounded properties, skipping those without bounds", () => {
    const schemas = {
      Thing: {
        type: 'object',
        properties: {
          name: { type: 'string', maxLength: 9 },
          kind: { type: 'string', enum: ['a', 'b'] },
        },
      },
    };
    expect(limitsOf(tinySpec(schemas)).schemas.Thing).toEqual({ name: { maxLength: 9 } });
  });

  it("gives every visible text the VisibleText component's minimum and its own maximum", () => {
    const visible = spec.components.schemas.VisibleText as Json;
    for (const [schema, field, use] of [
      ['TaskCreate', 'title', 'TaskTitle'],
      ['WorkspaceTaskUpdate', 'title', 'TaskTitle'],
      ['WorkspaceCreate', 'name', 'WorkspaceName'],
    ] as const) {
      const limits = (LIMITS.schemas[schema] as Record<string, Json>)[field];
      expect(limits, `${schema}.${field}`).toEqual({
        minLength: visible.minLength,
        maxLength: spec.components.schemas[use]?.maxLength,
      });
    }
  });
});

describe('operationRows', () => {
  const op = (operationId: string) => ({ operationId, tags: ['t'], responses: {} });

  it('marks an operation workspace-scoped exactly when its path is under a workspace', () => {
    const rows = operationRows(
      tinySpec(
        {},
        {
          '/workspaces': { post: op('create') },
          '/workspaces/{workspaceId}': { get: op('get') },
          '/workspaces/{workspaceId}/tasks': { get: op('tasks') },
          '/me/invitations/{workspaceId}': { post: op('accept') },
          '/workspacesX/{workspaceId}': { get: op('other') },
        },
      ),
    );
    expect(Object.fromEntries(rows.map((r) => [r.operationId, r.workspaceScoped]))).toEqual({
      create: false,
      get: true,
      tasks: true,
      accept: false,
      other: false,
    });
  });

  it('names each operation of openapi.yaml once, with its upper-case method, path and tags', () => {
    const rows = operationRows(spec);
    expect(new Set(rows.map((r) => r.operationId)).size).toBe(rows.length);
    expect(rows.find((r) => r.operationId === 'updateTask')).toEqual({
      operationId: 'updateTask',
      method: 'PATCH',
      path: '/tasks/{taskId}',
      tags: ['tasks'],
      workspaceScoped: false,
    });
  });
});
