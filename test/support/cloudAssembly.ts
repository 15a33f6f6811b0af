/**
 * The Lambda functions of a cloud assembly (what `cdk synth` writes), each with the code it
 * deploys and what it is for. A function's `Code.S3Key` is an object key of its stack's asset
 * manifest (`<stack>.assets.json`), whose `source.path` is the directory or file the synth
 * staged beside the template. What a function is for is read off the template, by one rule:
 * - an API function is the target of an `aws_proxy` integration in the REST API's definition
 *   (its route is that operation's);
 * - a provider is the `ServiceToken` of a custom resource (CDK's own handlers: the web bucket's
 *   deployment and auto-delete, the AwsCustomResource that records the shard count), which
 *   CloudFormation calls during a deploy and no API request reaches;
 * - anything else, or both at once, is unexplained, and a test must not pass over it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from '../../src/local/routes.js';
import { type Json, resourcesOf } from './cfn.js';

export type FunctionRole =
  | { kind: 'api'; route: Route }
  | { kind: 'provider'; customResources: string[] }
  | { kind: 'unexplained'; why: string };

export interface AssemblyFunction {
  stack: string;
  logicalId: string;
  /** The function's resource in its template. */
  resource: Json;
  /** Its stack's whole template (to resolve the function's intrinsics). */
  template: Json;
  /** Absolute path of the staged code, and how the asset manifest packages it. */
  asset: { path: string; packaging: string };
  role: FunctionRole;
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

/** Whether `value` (any part of a template) names the function `logicalId` by Ref or GetAtt. */
function names(value: unknown, logicalId: string): boolean {
  if (Array.isArray(value)) return value.some((v) => names(v, logicalId));
  if (!value || typeof value !== 'object') return false;
  const v = value as Json;
  if (v.Ref === logicalId) return true;
  if (Array.isArray(v['Fn::GetAtt']) && v['Fn::GetAtt'][0] === logicalId) return true;
  return Object.values(v).some((child) => names(child, logicalId));
}

/** Every operation of the REST APIs' inline definitions with its integration. */
function integrations(template: Json): { route: Route; integration: Json }[] {
  return resourcesOf(template, 'AWS::ApiGateway::RestApi').flatMap(([id, api]) => {
    const body = api.Properties?.Body as Json | undefined;
    if (!body) throw new Error(`the RestApi ${id} has no inline Body to read its integrations off`);
    return Object.entries(body.paths as Record<string, Json>).flatMap(([resource, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op?.['x-amazon-apigateway-integration'])
        .map(([method, op]) => ({
          route: { operationId: op.operationId, method: method.toUpperCase(), resource },
          integration: op['x-amazon-apigateway-integration'] as Json,
        })),
    );
  });
}

export function roleOf(template: Json, logicalId: string): FunctionRole {
  const routes = integrations(template)
    .filter(({ integration }) => integration.type === 'aws_proxy')
    .filter(({ integration }) => names(integration.uri, logicalId))
    .map(({ route }) => route);
  const customResources = Object.entries(template.Resources as Record<string, Json>)
    .filter(([, r]) => /^(Custom::|AWS::CloudFormation::CustomResource$)/.test(r.Type))
    .filter(([, r]) => names(r.Properties?.ServiceToken, logicalId))
    .map(([id, r]) => `${id} (${r.Type})`);
  const [route] = routes;
  if (routes.length === 1 && route && customResources.length === 0) return { kind: 'api', route };
  if (routes.length === 0 && customResources.length > 0) {
    return { kind: 'provider', customResources };
  }
  const why =
    routes.length + customResources.length === 0
      ? 'no API integration and no custom resource names it'
      : `it serves ${routes.length} API routes and ${customResources.length} custom resources`;
  return { kind: 'unexplained', why };
}

/** Object key -> the staged source, from every asset manifest in the assembly. */
function stagedAssets(out: string): Map<string, { path: string; packaging: string }> {
  const staged = new Map<string, { path: string; packaging: string }>();
  for (const file of readdirSync(out).filter((f) => f.endsWith('.assets.json'))) {
    const manifest = readJson(join(out, file));
    for (const asset of Object.values(manifest.files ?? {}) as Json[]) {
      for (const destination of Object.values(asset.destinations) as Json[]) {
        staged.set(destination.objectKey, {
          path: join(out, asset.source.path),
          packaging: asset.source.packaging,
        });
      }
    }
  }
  return staged;
}

/** Every AWS::Lambda::Function of every stack in the assembly at `out`. */
export function assemblyFunctions(out: string): AssemblyFunction[] {
  const manifest = readJson(join(out, 'manifest.json'));
  const staged = stagedAssets(out);
  return Object.entries(manifest.artifacts as Record<string, Json>)
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .flatMap(([stack, artifact]) => {
      const template = readJson(join(out, artifact.properties.templateFile));
      return resourcesOf(template, 'AWS::Lambda::Function').map(([logicalId, resource]) => {
        const key = resource.Properties?.Code?.S3Key;
        const asset = typeof key === 'string' ? staged.get(key) : undefined;
        if (!asset) {
          throw new Error(`${stack}/${logicalId}: no staged asset has its code key ${key}`);
        }
        return { stack, logicalId, resource, template, asset, role: roleOf(template, logicalId) };
      });
    });
}
