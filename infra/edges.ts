/**
 * Safer edges, each a context switch that is off unless set (docs/operations.md#safer-edges):
 * `waf=true` (AWS WAF with AWS managed rules, a per-IP and a per-caller rate rule, in front of
 * the stage and the user pool), `domainName` +
 * `certificateArn` (+ `basePath`) for a custom domain, `reservedConcurrency` per function,
 * `usagePlans` for per-client limits behind API keys.
 */
import { CfnOutput } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface ClientLimits {
  /** Requests per second. */
  rateLimit: number;
  burstLimit: number;
  /** Requests per day. @default - no quota */
  quotaPerDay?: number;
}

export interface EdgesProps {
  readonly api: apigateway.IRestApi;
  readonly stage: apigateway.Stage;
  /** Sign-up and sign-in go straight to Cognito, so the web ACL guards the pool too. */
  readonly userPool: cognito.IUserPool;
  readonly functions: Record<string, lambda.IFunction>;
}

/** Requests per IP in any 5 minutes before WAF blocks it. */
export const WAF_RATE_LIMIT_DEFAULT = 1000;
/**
 * Requests per Authorization header value (one caller's token) in any minute before WAF blocks
 * it: ten a second, far above what a person's app sends, so one caller cannot take the stage's
 * shared throttle from everyone else.
 */
export const WAF_CALLER_RATE_LIMIT_DEFAULT = 600;
/** WAF's smallest rate-based limit. */
const WAF_RATE_LIMIT_MIN = 10;
export const BASE_PATH_DEFAULT = 'v1';
const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
];

export class Edges extends Construct {
  readonly webAcl?: wafv2.CfnWebACL;
  readonly domain?: apigateway.DomainName;
  readonly usagePlans: apigateway.UsagePlan[] = [];

  constructor(scope: Construct, id: string, props: EdgesProps) {
    super(scope, id);
    const ctx = (key: string) => this.node.tryGetContext(key) as unknown;

    if (flag(ctx('waf'))) {
      const limit = positiveInt('wafRateLimit', ctx('wafRateLimit') ?? WAF_RATE_LIMIT_DEFAULT);
      const perCaller = Number(ctx('wafCallerRateLimit') ?? WAF_CALLER_RATE_LIMIT_DEFAULT);
      if (perCaller !== 0 && !(Number.isInteger(perCaller) && perCaller >= WAF_RATE_LIMIT_MIN)) {
        throw new Error(
          `wafCallerRateLimit must be 0 (off) or an integer of at least ${WAF_RATE_LIMIT_MIN}, got ${JSON.stringify(ctx('wafCallerRateLimit'))}`,
        );
      }
      this.webAcl = this.webAclFor(
        [props.stage.stageArn, props.userPool.userPoolArn],
        limit,
        perCaller,
      );
    }

    const domainName = ctx('domainName') as string | undefined;
    if (domainName) {
      const certificateArn = ctx('certificateArn') as string | undefined;
      if (!certificateArn) throw new Error(`domainName ${domainName} needs a certificateArn`);
      const basePath = String(ctx('basePath') ?? BASE_PATH_DEFAULT);
      this.domain = new apigateway.DomainName(this, 'Domain', {
        domainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', certificateArn),
        endpointType: apigateway.EndpointType.REGIONAL,
        securityPolicy: apigateway.SecurityPolicy.TLS_1_2,
      });
      this.domain.addBasePathMapping(props.api, { basePath, stage: props.stage });
      new CfnOutput(this, 'ApiCustomUrl', { value: `https://${domainName}/${basePath}` });
      // Point a CNAME (or a Route 53 alias) of domainName at this.
      new CfnOutput(this, 'DomainTarget', { value: this.domain.domainNameAliasDomainName });
    }

    const reserved = ctx('reservedConcurrency');
    if (reserved !== undefined) {
      for (const [operationId, fn] of Object.entries(props.functions)) {
        const raw =
          typeof reserved === 'object' && reserved !== null
            ? (reserved as Record<string, unknown>)[operationId]
            : reserved;
        if (raw === undefined) continue;
        const cfn = fn.node.defaultChild as lambda.CfnFunction;
        cfn.reservedConcurrentExecutions = positiveInt(`reservedConcurrency.${operationId}`, raw);
      }
    }

    const plans = ctx('usagePlans');
    if (plans !== undefined) {
      const parsed = (typeof plans === 'string' ? JSON.parse(plans) : plans) as Record<
        string,
        ClientLimits
      >;
      for (const [client, limits] of Object.entries(parsed)) {
        if (!/^[A-Za-z0-9-]{1,40}$/.test(client)) {
          throw new Error(`usagePlans client names are letters, digits or '-', got ${client}`);
        }
        const plan = new apigateway.UsagePlan(this, `Plan-${client}`, {
          name: `${client}`,
          throttle: {
            rateLimit: positiveInt(`${client}.rateLimit`, limits.rateLimit),
            burstLimit: positiveInt(`${client}.burstLimit`, limits.burstLimit),
          },
          ...(limits.quotaPerDay
            ? {
                quota: {
                  limit: positiveInt(`${client}.quotaPerDay`, limits.quotaPerDay),
                  period: apigateway.Period.DAY,
                },
              }
            : {}),
          apiStages: [{ api: props.api, stage: props.stage }],
        });
        plan.addApiKey(new apigateway.ApiKey(this, `Key-${client}`, { description: client }));
        this.usagePlans.push(plan);
      }
    }
  }

  private webAclFor(resourceArns: string[], limit: number, perCaller: number): wafv2.CfnWebACL {
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const acl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('task-api-waf'),
      rules: [
        {
          name: 'RatePerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit, aggregateKeyType: 'IP', evaluationWindowSec: 300 },
          },
          visibilityConfig: visibility('RatePerIp'),
        },
        // A rate rule on a custom key: https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-aggregation-options.html
        // A request without the header is not counted here (it is counted per IP above).
        ...(perCaller > 0
          ? [
              {
                name: 'RatePerCaller',
                priority: 1,
                action: { block: {} },
                statement: {
                  rateBasedStatement: {
                    limit: perCaller,
                    evaluationWindowSec: 60,
                    aggregateKeyType: 'CUSTOM_KEYS',
                    customKeys: [
                      {
                        header: {
                          name: 'authorization',
                          textTransformations: [{ priority: 0, type: 'NONE' }],
                        },
                      },
                    ],
                  },
                },
                visibilityConfig: visibility('RatePerCaller'),
              },
            ]
          : []),
        ...MANAGED_RULE_GROUPS.map((name, i) => ({
          name,
          priority: i + 2,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
          visibilityConfig: visibility(name),
        })),
      ],
    });
    // A regional web ACL protects a stage and a user pool alike:
    // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html
    resourceArns.forEach((resourceArn, i) => {
      new wafv2.CfnWebACLAssociation(
        this,
        i === 0 ? 'WebAclAssociation' : `WebAclAssociation${i}`,
        {
          resourceArn,
          webAclArn: acl.attrArn,
        },
      );
    });
    return acl;
  }
}

/**
 * With usage plans on, every operation of the imported definition also requires an API key
 * (`x-api-key`), which is how API Gateway knows the client a plan limits.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export function requireApiKeys<T extends Record<string, unknown>>(body: T, node: Construct): T {
  if (node.node.tryGetContext('usagePlans') === undefined) return body;
  type Operation = { security?: Record<string, string[]>[] };
  const copy = structuredClone(body) as {
    components?: { securitySchemes?: Record<string, unknown> };
    paths?: Record<string, Record<string, Operation>>;
  };
  copy.components ??= {};
  copy.components.securitySchemes ??= {};
  copy.components.securitySchemes.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  for (const item of Object.values(copy.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (method === 'options' || typeof op !== 'object' || op === null) continue;
      op.security = (op.security ?? [{}]).map((req) => ({ ...req, api_key: [] }));
    }
  }
  return copy as unknown as T;
}

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

function positiveInt(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return n;
}
