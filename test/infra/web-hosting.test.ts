/** The web app on AWS: private bucket, CloudFront with OAC, HTTPS only, SPA fallback, CORS, outputs. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskApiStack } from '../../infra/task-api-stack.js';
import { loadSpec, operations } from '../../src/openapi.js';
import { DOCS_CONTENT_SECURITY_POLICY } from '../../src/web/csp.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized templates are untyped JSON, walked by key
type Json = Record<string, any>;

const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'))
  .context as Record<string, unknown>;
const DEV_ORIGIN = 'http://127.0.0.1:5173';

let work: string;
let handlersDir: string;
let webAppDir: string;
let stack: TaskApiStack;
let template: Template;
let webUrl: Json;

function oneOf(type: string): Json {
  const found = Object.values(template.findResources(type));
  expect(found, type).toHaveLength(1);
  return (found[0] as Json).Properties;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'task-api-web-'));
  handlersDir = join(work, 'handlers');
  for (const { operationId } of operations(loadSpec())) {
    mkdirSync(join(handlersDir, operationId), { recursive: true });
    writeFileSync(join(handlersDir, operationId, 'index.mjs'), 'export const handler = 1;\n');
  }
  webAppDir = join(work, 'web');
  mkdirSync(webAppDir);
  writeFileSync(join(webAppDir, 'index.html'), '<!doctype html><title>Task board</title>\n');
  writeFileSync(join(webAppDir, 'docs.html'), '<!doctype html><title>task-api</title>\n');
  const app = new App({ context: { ...cdkContext, corsAllowOrigins: DEV_ORIGIN } });
  stack = new TaskApiStack(app, 'TaskApi', { handlersDir, webAppDir });
  template = Template.fromStack(stack);
  webUrl = stack.resolve(stack.web.url);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('web hosting', () => {
  it('keeps the app in a private, encrypted bucket that only this distribution may read', () => {
    const bucket = oneOf('AWS::S3::Bucket');
    const policy = oneOf('AWS::S3::BucketPolicy').PolicyDocument.Statement as Json[];

    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const reads = policy.filter((s) => s.Principal?.Service === 'cloudfront.amazonaws.com');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.Action).toBe('s3:GetObject');
    expect(JSON.stringify(reads[0]?.Condition)).toContain('AWS:SourceArn');
    expect(
      policy.some(
        (s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
      ),
    ).toBe(true);
  });

  it('serves it through CloudFront with origin access control, HTTPS only', () => {
    const oac = oneOf('AWS::CloudFront::OriginAccessControl').OriginAccessControlConfig;
    const config = oneOf('AWS::CloudFront::Distribution').DistributionConfig;

    expect(oac).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    expect(config.Origins[0].S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const behaviors = [config.DefaultCacheBehavior, ...config.CacheBehaviors];
    expect(behaviors.map((b: Json) => b.ViewerProtocolPolicy)).toEqual(
      behaviors.map(() => 'https-only'),
    );
    expect(config.DefaultRootObject).toBe('index.html');
  });

  it('answers any unknown path with index.html, so the app handles its own routes', () => {
    const config = oneOf('AWS::CloudFront::Distribution').DistributionConfig;

    expect(config.CustomErrorResponses).toEqual(
      [403, 404].map((code) => ({
        ErrorCode: code,
        ResponseCode: 200,
        ResponsePagePath: '/index.html',
        ErrorCachingMinTTL: 0,
      })),
    );
  });

  it('never caches index.html, config.json and the docs page, so a deploy shows at once', () => {
    const config = oneOf('AWS::CloudFront::Distribution').DistributionConfig;
    const fresh = config.CacheBehaviors.map((b: Json) => [b.PathPattern, b.CachePolicyId]);

    // 4135ea2d-...: the managed CachingDisabled policy.
    expect(fresh).toEqual([
      ['/index.html', '4135ea2d-6df8-44a3-9df3-4b5a84be39ad'],
      ['/config.json', '4135ea2d-6df8-44a3-9df3-4b5a84be39ad'],
      ['/docs.html', '4135ea2d-6df8-44a3-9df3-4b5a84be39ad'],
    ]);
  });

  it('uploads the build with its config.json and invalidates the distribution', () => {
    const deployment = oneOf('Custom::CDKBucketDeployment');

    expect(deployment.SourceObjectKeys).toHaveLength(2);
    expect(deployment.DistributionPaths).toEqual(['/*']);
    expect(deployment.DestinationBucketName).toEqual({ Ref: expect.stringMatching(/^WebBucket/) });
  });

  it('points every problem type at the docs page it hosts, from the functions and the gateway', () => {
    const docsUrl = stack.resolve(stack.web.docsUrl);
    const fns = Object.values(template.findResources('AWS::Lambda::Function')) as Json[];
    const bases = fns.flatMap((f) => f.Properties.Environment?.Variables?.PROBLEM_TYPE_BASE ?? []);
    const unauthorized = (oneOf('AWS::ApiGateway::RestApi').Body as Json)[
      'x-amazon-apigateway-gateway-responses'
    ].UNAUTHORIZED.responseTemplates['application/json'];

    expect(bases).toHaveLength(operations(loadSpec()).length);
    for (const base of bases) expect(base).toEqual(docsUrl);
    expect(JSON.stringify(docsUrl)).toContain('/docs.html');
    expect(JSON.stringify(unauthorized)).toContain('/docs.html#section/problem-types/unauthorized');
  });

  it('outputs WebUrl, the https URL of the distribution', () => {
    expect(template.toJSON().Outputs.WebUrl.Value).toEqual(webUrl);
    expect(JSON.stringify(webUrl)).toContain('https://');
  });
});

/** A synthesized string with its Fn::Join and Ref written out, e.g. `https://x.<AWS::Region>`. */
function flat(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Json;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(flat).join(v['Fn::Join'][0]);
  if (v.Ref) return `<${v.Ref}>`;
  throw new Error(`unexpected template value ${JSON.stringify(value)}`);
}

/** The security headers of the response headers policy a behaviour names, by its policy id. */
function headersOf(behavior: Json): Json {
  const ref = behavior.ResponseHeadersPolicyId?.Ref;
  expect(ref, `${behavior.PathPattern ?? 'default'} names a custom policy`).toBeDefined();
  return template.toJSON().Resources[ref].Properties.ResponseHeadersPolicyConfig
    .SecurityHeadersConfig;
}

describe('response headers of the web app', () => {
  const directives = (csp: string) =>
    Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );

  it('gives the app, index.html and config.json a CSP with no inline code and only the API and Cognito to call', () => {
    const config = oneOf('AWS::CloudFront::Distribution').DistributionConfig;
    const app = [
      config.DefaultCacheBehavior,
      ...config.CacheBehaviors.filter((b: Json) => b.PathPattern !== '/docs.html'),
    ];

    expect(app).toHaveLength(3);
    for (const behavior of app) {
      const csp = headersOf(behavior).ContentSecurityPolicy;
      expect(csp.Override).toBe(true);
      expect(directives(flat(csp.ContentSecurityPolicy))).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': [
          "'self'",
          'https://*.execute-api.<AWS::Region>.<AWS::URLSuffix>',
          'https://cognito-idp.<AWS::Region>.<AWS::URLSuffix>',
        ],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
      });
    }
  });

  it("gives the Redoc page its template's own policy (inline Redoc), never framed", () => {
    const config = oneOf('AWS::CloudFront::Distribution').DistributionConfig;
    const docs = config.CacheBehaviors.find((b: Json) => b.PathPattern === '/docs.html');
    const csp = flat(headersOf(docs).ContentSecurityPolicy.ContentSecurityPolicy);

    expect(csp).toBe(DOCS_CONTENT_SECURITY_POLICY);
    expect(directives(csp)['frame-ancestors']).toEqual(["'none'"]);
    const meta = readFileSync(new URL('../../docs/template.hbs', import.meta.url), 'utf8').match(
      /http-equiv="Content-Security-Policy" content="([^"]+)"/,
    )?.[1] as string;
    expect(directives(csp)).toMatchObject(directives(meta));
  });

  it('keeps the managed security headers on every behaviour, framing refused', () => {
    const config = oneOf('AWS::CloudFront::Distribution').DistributionConfig;

    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      const headers = headersOf(behavior);
      expect(headers).toMatchObject({
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: 'DENY', Override: true },
        ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, Override: true },
        XSSProtection: { Protection: true, ModeBlock: true, Override: true },
      });
    }
  });
});

describe('CORS for the web app', () => {
  it('lets the web app and the corsAllowOrigins context call the functions', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function')) as Json[];
    const envs = fns.flatMap((f) => f.Properties.Environment?.Variables?.CORS_ALLOW_ORIGINS ?? []);

    expect(envs).toHaveLength(operations(loadSpec()).length);
    for (const env of envs) expect(env).toEqual(stack.resolve(`${stack.web.url},${DEV_ORIGIN}`));
  });

  it('names the web app in the preflights and the gateway responses', () => {
    const body = oneOf('AWS::ApiGateway::RestApi').Body as Json;
    const preflight =
      body.paths['/tasks'].options['x-amazon-apigateway-integration'].responses.default;
    const quotedWebUrl = stack.resolve(`'${stack.web.url}'`);

    expect(
      preflight.responseParameters['method.response.header.Access-Control-Allow-Origin'],
    ).toEqual(quotedWebUrl);
    expect(JSON.stringify(preflight.responseTemplates)).toContain(DEV_ORIGIN);
    expect(
      body['x-amazon-apigateway-gateway-responses'].UNAUTHORIZED.responseParameters[
        'gatewayresponse.header.Access-Control-Allow-Origin'
      ],
    ).toEqual(quotedWebUrl);
  });

  it('refuses a corsAllowOrigins value that is not an origin', () => {
    const app = new App({ context: { ...cdkContext, corsAllowOrigins: 'https://a.example/path' } });

    expect(() => new TaskApiStack(app, 'Bad', { handlersDir, webAppDir })).toThrow(
      'got https://a.example/path',
    );
  });

  it('refuses to synthesize without the docs page in the web build, naming the command', () => {
    const noDocs = join(work, 'no-docs');
    mkdirSync(noDocs);
    writeFileSync(join(noDocs, 'index.html'), '<!doctype html><title>Task board</title>\n');

    expect(() => new TaskApiStack(new App(), 'NoDocs', { handlersDir, webAppDir: noDocs })).toThrow(
      /docs\.html: run npm run build/,
    );
  });

  it('refuses to synthesize without a web build, naming the command', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);

    expect(() => new TaskApiStack(new App(), 'NoWeb', { handlersDir, webAppDir: empty })).toThrow(
      'run npm run build',
    );
  });
});
