/**
 * The API definition the stack imports (the RestApi's Body), resolved as CloudFormation would:
 * each operation's `aws_proxy` integration invokes the function that deploys that operation's
 * own bundle, and that function lets API Gateway invoke it for exactly its method and path.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, operations } from '../../src/openapi.js';
import { stubOperationOf, synth } from '../infra/synth.js';
import {
  ACCOUNT_ID,
  type Json,
  type Resolver,
  resolver,
  resourcesOf,
  wildcardMatch,
} from '../support/cfn.js';

const OPS = operations(loadSpec());
const REGION = 'us-east-1';

let template: Json;
let r: Resolver;
/** Logical id of each function -> the operation whose bundle it deploys. */
let codeOf: Record<string, string | undefined>;
let body: Json;
let apiId: string;
let stageName: string;

beforeAll(() => {
  const { app, templates } = synth([{ id: 'TaskApi' }]);
  template = (templates[0] as { toJSON(): Json }).toJSON();
  r = resolver(template, { region: REGION });
  codeOf = Object.fromEntries(
    resourcesOf(template, 'AWS::Lambda::Function').map(([id, fn]) => [
      id,
      stubOperationOf(app.outdir, fn),
    ]),
  );
  const apis = resourcesOf(template, 'AWS::ApiGateway::RestApi');
  expect(apis).toHaveLength(1);
  [
    apiId,
    {
      Properties: { Body: body },
    },
  ] = apis[0] as [string, Json];
  const stages = resourcesOf(template, 'AWS::ApiGateway::Stage');
  expect(stages).toHaveLength(1);
  stageName = stages[0]?.[1].Properties.StageName;
});

/**
 * A Lambda proxy integration's uri: `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
 */
const INVOKE_URI =
  /^arn:aws:apigateway:([^:]+):lambda:path\/2015-03-31\/functions\/(arn:aws:lambda:[^/]+)\/invocations$/;

/** The function whose ARN this is, by resolving every function's `Fn::GetAtt Arn`. */
function functionWithArn(arn: string): string | undefined {
  return resourcesOf(template, 'AWS::Lambda::Function')
    .map(([id]) => id)
    .find((id) => r.resolve({ 'Fn::GetAtt': [id, 'Arn'] }) === arn);
}

/**
 * The ARN API Gateway invokes a function as for one request:
 * `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path>`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).
 */
function requestArn(method: string, path: string): string {
  const concrete = path.replace(/\{[^}]+\}/g, '01JD7Z8Q3X5M2N4P6R8T0V2W4Y');
  return `arn:aws:execute-api:${REGION}:${ACCOUNT_ID}:${r.resolve({ Ref: apiId })}/${stageName}/${method.toUpperCase()}${concrete}`;
}

describe('the imported API definition', () => {
  it.each(OPS.map((op) => ({ name: op.operationId, op })))(
    '$name: its integration invokes the function that deploys its own bundle',
    ({ op }) => {
      const integration = body.paths[op.path]?.[op.method]?.['x-amazon-apigateway-integration'];
      expect(integration).toMatchObject({ type: 'aws_proxy', httpMethod: 'POST' });
      const uri = INVOKE_URI.exec(r.resolve(integration.uri));
      expect(uri, r.resolve(integration.uri)).not.toBeNull();
      expect(uri?.[1]).toBe(REGION);
      const fn = functionWithArn(uri?.[2] as string);
      expect(fn, `no function has the ARN ${uri?.[2]}`).toBeDefined();
      expect(codeOf[fn as string], `the code ${fn} deploys`).toBe(op.operationId);
    },
  );

  it.each(OPS.map((op) => ({ name: op.operationId, op })))(
    '$name: its function lets this API invoke it for its own method and path, and no other',
    ({ op }) => {
      const fn = Object.keys(codeOf).find((id) => codeOf[id] === op.operationId) as string;
      const permissions = resourcesOf(template, 'AWS::Lambda::Permission')
        .map(([, p]) => p.Properties)
        .filter((p) => r.target(p.FunctionName) === fn);
      const invokes = (method: string, path: string) =>
        permissions.some(
          (p) =>
            p.Action === 'lambda:InvokeFunction' &&
            p.Principal === 'apigateway.amazonaws.com' &&
            wildcardMatch(r.resolve(p.SourceArn), requestArn(method, path)),
        );
      expect(invokes(op.method, op.path), `${op.method} ${op.path}`).toBe(true);
      // A path parameter is `*` in the source ARN, and an ARN's `*` spans `/`
      // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards):
      // PATCH /workspaces/* also covers PATCH /workspaces/{id}/members/{userId}. No ARN can say
      // "one segment", so only another operation of the same depth counts as a leak.
      const depth = (path: string) => path.split('/').length;
      const others = OPS.filter((o) => o.operationId !== op.operationId)
        .filter((o) => depth(o.path) === depth(op.path))
        .filter((o) => invokes(o.method, o.path));
      expect(others.map((o) => o.operationId)).toEqual([]);
    },
  );
});
