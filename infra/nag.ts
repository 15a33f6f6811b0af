/** cdk-nag AwsSolutions findings this design accepts, each with its reason. */
import {
  AspectPriority,
  Aspects,
  CfnResource,
  type IAspect,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { rules } from 'cdk-nag';
import type { Construct, IConstruct } from 'constructs';

export interface NagScope {
  stack: Stack;
  table: dynamodb.Table;
  userPool: cognito.UserPool;
  api: apigateway.SpecRestApi;
  functions: Record<string, lambda.Function>;
}

const BASIC_EXECUTION_ROLE =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

/**
 * CDK's own helper functions (a BucketDeployment's copier, an AwsCustomResource's caller) sit at
 * the stack's root under ids CDK picks: acknowledges, for every root child whose id starts with
 * `idPrefix`, its managed logging policy, its runtime CDK pins, and `findings` of its own, and
 * the wildcard findings that match `wildcards`.
 */
export function acknowledgeCdkHelper(
  scope: Construct,
  idPrefix: string,
  what: string,
  findings: Record<string, string> = {},
  wildcards: WildcardFinding[] = [],
): void {
  const all = {
    [BASIC_EXECUTION_ROLE]: `The AWS managed basic execution policy only lets ${what} write its logs.`,
    'AwsSolutions-L1': `CDK pins the runtime of ${what}.`,
    ...findings,
  };
  for (const child of Stack.of(scope).node.children) {
    if (!child.node.id.startsWith(idPrefix)) continue;
    for (const [id, reason] of Object.entries(all))
      Validations.of(child).acknowledge({ id, reason });
    if (wildcards.length > 0) acknowledgeWildcards(child, wildcards);
  }
}

/**
 * A wildcard-permission finding (AwsSolutions-IAM5) whose text depends on the environment the
 * CLI hands the app: an ARN the synthesizer writes with `${AWS::Partition}`, `${AWS::AccountId}`
 * and `${AWS::Region}` placeholders comes out with whichever of them the CLI resolved (it always
 * resolves a region). cdk-nag matches acknowledgements by exact text, so these are matched by
 * pattern on the resource's actual findings and each one found is acknowledged as spelled.
 */
export interface WildcardFinding {
  /** Matched against the whole finding, e.g. `Resource::arn:aws:s3:::bucket/*`. */
  readonly pattern: RegExp;
  readonly reason: string;
}

/** A placeholder as cdk-nag prints it when unresolved, or any value it resolves to. */
const pseudo = (name: string, value: string) => `(?:<AWS::${name}>|${value})`;
/** The CDK bootstrap asset bucket's objects, in any partition, account and region. */
export const ASSET_BUCKET_OBJECTS = new RegExp(
  `^Resource::arn:${pseudo('Partition', 'aws(?:-[a-z]+)*')}:s3:::cdk-[a-z0-9]+-assets-` +
    `${pseudo('AccountId', '\\d{12}')}-${pseudo('Region', '[a-z]{2}(?:-[a-z]+)+-\\d')}/\\*$`,
);

/** Acknowledges, on each IAM resource under `scope`, the IAM5 findings that match `accepted`. */
export function acknowledgeWildcards(scope: Construct, accepted: WildcardFinding[]): void {
  // Read-only priority: it runs after every aspect that may still add a grant.
  Aspects.of(scope).add(new AcknowledgeWildcards(accepted), { priority: AspectPriority.READONLY });
}

class AcknowledgeWildcards implements IAspect {
  constructor(private readonly accepted: WildcardFinding[]) {}

  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    const findings = rules.iam.IAMNoWildcardPermissions(node);
    if (!Array.isArray(findings)) return;
    for (const finding of findings) {
      const match = this.accepted.find(({ pattern }) => pattern.test(finding));
      if (match) {
        Validations.of(node).acknowledge({
          id: `AwsSolutions-IAM5[${finding}]`,
          reason: match.reason,
        });
      }
    }
  }
}

export function acknowledgeNagFindings({ stack, table, userPool, api, functions }: NagScope): void {
  const ack = (scope: Construct, id: string, reason: string) =>
    Validations.of(scope).acknowledge({ id, reason });

  ack(
    userPool,
    'AwsSolutions-COG1',
    'Password policy is the seed API’s: 10+ chars, upper, lower, digits, no symbols.',
  );
  ack(
    userPool,
    'AwsSolutions-COG2',
    'MFA stays optional-off as in the seed; enabling it is a product decision.',
  );
  ack(userPool, 'AwsSolutions-COG8', 'The Plus feature plan is not needed for this API.');
  ack(
    api,
    'AwsSolutions-APIG2',
    'Request validators are declared in the OpenAPI body (x-amazon-apigateway-request-validators).',
  );
  ack(
    api,
    'AwsSolutions-APIG3',
    'No WAF: stage throttling bounds abuse; add a web ACL when the API goes public.',
  );
  ack(
    api,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    'The AWS managed policy is the documented role for API Gateway account-level logging.',
  );
  const tableId = stack.getLogicalId(table.node.defaultChild as dynamodb.CfnTable);
  for (const fn of Object.values(functions)) {
    ack(
      fn,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'The AWS managed basic execution policy only allows writing the function’s logs.',
    );
    ack(
      fn,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords take no resource ARN.',
    );
    ack(
      fn,
      `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      'grantRead*/grantReadWriteData cover the table’s GSI1 index for the admin status listing.',
    );
  }
}
