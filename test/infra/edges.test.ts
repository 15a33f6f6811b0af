/**
 * infra/edges.ts: WAF, custom domain, reserved concurrency and usage plans are off by default
 * and each turns on from one context switch; with all on, cdk-nag stays clean.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { WAF_CALLER_RATE_LIMIT_DEFAULT, WAF_RATE_LIMIT_DEFAULT } from '../../infra/edges.js';
import {
  type Json,
  nagViolations,
  OPERATIONS,
  operationFunctions,
  type Synthesized,
  synth,
} from './synth.js';

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
let off: Json;
let on: Synthesized;
let t: Json;

beforeAll(() => {
  off = synth([{ id: 'TaskApi' }]).templates[0] as Json;
  on = synth([{ id: 'TaskApi' }], {
    waf: 'true',
    domainName: 'api.example.com',
    certificateArn: CERT,
    reservedConcurrency: { createTask: 20, listTasks: 50 },
    usagePlans: { 'team-a': { rateLimit: 10, burstLimit: 20, quotaPerDay: 10000 } },
  });
  t = on.templates[0] as Json;
});

describe('edges', () => {
  it('are all off by default', () => {
    for (const type of [
      'AWS::WAFv2::WebACL',
      'AWS::ApiGateway::DomainName',
      'AWS::ApiGateway::UsagePlan',
      'AWS::ApiGateway::ApiKey',
    ]) {
      off.resourceCountIs(type, 0);
    }
    for (const fn of Object.values(off.findResources('AWS::Lambda::Function')) as Json[]) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    }
  });

  it('waf=true puts AWS managed rules and a per-IP rate rule in front of the stage', () => {
    const [acl] = Object.values(t.findResources('AWS::WAFv2::WebACL')) as Json[];
    expect(acl?.Properties.Scope).toBe('REGIONAL');
    const rules = acl?.Properties.Rules as Json[];
    expect(rules[0]).toMatchObject({
      Name: 'RatePerIp',
      Action: { Block: {} },
      Statement: {
        RateBasedStatement: { Limit: WAF_RATE_LIMIT_DEFAULT, AggregateKeyType: 'IP' },
      },
    });
    expect(rules.slice(2).map((r) => r.Statement.ManagedRuleGroupStatement)).toEqual([
      { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' },
      { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
      { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' },
    ]);
    const associated = (
      Object.values(t.findResources('AWS::WAFv2::WebACLAssociation')) as Json[]
    ).map((a) => JSON.stringify(a.Properties.ResourceArn));
    expect(associated).toHaveLength(2);
    expect(associated.filter((arn) => arn.includes('/stages/'))).toHaveLength(1);
    expect(associated.filter((arn) => /UserPool\w*","Arn"/.test(arn))).toHaveLength(1);
  });

  it('waf=true limits each caller by its Authorization header, not only each IP', () => {
    const [acl] = Object.values(t.findResources('AWS::WAFv2::WebACL')) as Json[];
    const rules = acl?.Properties.Rules as Json[];

    expect(rules[1]).toMatchObject({
      Name: 'RatePerCaller',
      Priority: 1,
      Action: { Block: {} },
      Statement: {
        RateBasedStatement: {
          Limit: WAF_CALLER_RATE_LIMIT_DEFAULT,
          EvaluationWindowSec: 60,
          AggregateKeyType: 'CUSTOM_KEYS',
          CustomKeys: [
            {
              Header: {
                Name: 'authorization',
                TextTransformations: [{ Priority: 0, Type: 'NONE' }],
              },
            },
          ],
        },
      },
    });
  });

  it('wafCallerRateLimit sets the per-caller limit, and 0 turns that rule off', () => {
    const names = (context: Record<string, unknown>) => {
      const template = synth([{ id: 'TaskApi' }], { waf: 'true', ...context }).templates[0] as Json;
      const [acl] = Object.values(template.findResources('AWS::WAFv2::WebACL')) as Json[];
      return ((acl as Json).Properties.Rules as Json[]).map((r) => [
        r.Name,
        r.Statement.RateBasedStatement?.Limit,
      ]);
    };

    expect(names({ wafCallerRateLimit: 120 })[1]).toEqual(['RatePerCaller', 120]);
    expect(names({ wafCallerRateLimit: 0 }).map(([name]) => name)).not.toContain('RatePerCaller');
    expect(() => names({ wafCallerRateLimit: 5 })).toThrow('wafCallerRateLimit');
  });

  it('domainName + certificateArn map the stage under base path v1 with TLS 1.2', () => {
    t.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.example.com',
      RegionalCertificateArn: CERT,
      SecurityPolicy: 'TLS_1_2',
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
    t.hasResourceProperties('AWS::ApiGateway::BasePathMapping', { BasePath: 'v1' });
    expect(JSON.stringify(t.findOutputs('*'))).toContain('https://api.example.com/v1');
  });

  it('refuses a domainName without a certificate', () => {
    expect(() => synth([{ id: 'TaskApi' }], { domainName: 'api.example.com' })).toThrow(
      'domainName api.example.com needs a certificateArn',
    );
  });

  it('reservedConcurrency sets each named function, or all from a number', () => {
    const reserved = (template: Json) =>
      Object.fromEntries(
        operationFunctions(template).map((fn) => [
          String(fn.Properties.Description).split(':')[0],
          fn.Properties.ReservedConcurrentExecutions,
        ]),
      );
    expect(reserved(t)).toMatchObject({ createTask: 20, listTasks: 50, getTask: undefined });
    const all = synth([{ id: 'TaskApi' }], { reservedConcurrency: 5 }).templates[0] as Json;
    expect(Object.values(reserved(all))).toEqual(OPERATIONS.map(() => 5));
    expect(() => synth([{ id: 'TaskApi' }], { reservedConcurrency: 0 })).toThrow(
      'reservedConcurrency.',
    );
  });

  it('usagePlans give each client a key and a plan, and make every operation require a key', () => {
    t.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'team-a',
      Throttle: { RateLimit: 10, BurstLimit: 20 },
      Quota: { Limit: 10000, Period: 'DAY' },
    });
    t.resourceCountIs('AWS::ApiGateway::ApiKey', 1);
    t.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 1);
    const [api] = Object.values(t.findResources('AWS::ApiGateway::RestApi')) as Json[];
    const body = api?.Properties.Body as Json;
    expect(body.components.securitySchemes.api_key).toEqual({
      type: 'apiKey',
      name: 'x-api-key',
      in: 'header',
    });
    for (const op of OPERATIONS) {
      const security = body.paths[op.path][op.method].security as Json[];
      for (const requirement of security) expect(requirement).toHaveProperty('api_key');
    }
  });

  it('pass cdk-nag with everything on', () => {
    expect(nagViolations(on)).toEqual([]);
  });
});
