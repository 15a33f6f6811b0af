/**
 * Stages (`cdk synth -c stage=<name>`): each is a separate, complete stack with its own name.
 * Only `prod` keeps its table and user pool when the stack is destroyed and refuses deletion;
 * any other stage is cheap to create and delete whole.
 */
import { type CfnResource, RemovalPolicy } from 'aws-cdk-lib';
import type { Construct, Node } from 'constructs';

export const PRODUCTION_STAGE = 'prod';
export const DEFAULT_STAGE = PRODUCTION_STAGE;
/** The stack of `prod` keeps the name it had before stages existed, so a deployment carries on. */
export const BASE_STACK_NAME = 'TaskApi';

export interface Stage {
  /** Also the API Gateway stage name, so it is the last segment of ApiUrl. */
  readonly name: string;
  readonly stackName: string;
  readonly production: boolean;
  /** Of the table and the user pool: what outlives a `cdk destroy`. */
  readonly removalPolicy: RemovalPolicy;
  /** Of the table and the user pool: CloudFormation and the console refuse to delete them. */
  readonly deletionProtection: boolean;
}

// API Gateway allows [A-Za-z0-9_-] in a stage name; lower case and a short length also keep
// the stack name and the names derived from it valid everywhere.
const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

export function stage(name: string = DEFAULT_STAGE): Stage {
  if (!STAGE_NAME.test(name)) {
    throw new Error(
      `stage must be 1-20 lower-case letters, digits or '-', starting with a letter, got ${JSON.stringify(name)}`,
    );
  }
  const production = name === PRODUCTION_STAGE;
  return {
    name,
    stackName: production ? BASE_STACK_NAME : `${BASE_STACK_NAME}-${name}`,
    production,
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: production,
  };
}

/** The `stage` context value (`-c stage=dev`), else prod. */
export function stageFromContext(node: Node): Stage {
  const raw = node.tryGetContext('stage') as unknown;
  if (raw === undefined) return stage();
  return stage(String(raw));
}

/** The stage's removal policy and deletion protection on the stateful resources (table, pool). */
export function applyStage(target: Stage, stateful: Construct[]): void {
  for (const construct of stateful) {
    const cfn = construct.node.defaultChild as CfnResource;
    cfn.applyRemovalPolicy(target.removalPolicy);
    if (cfn.cfnResourceType === 'AWS::DynamoDB::Table') {
      cfn.addPropertyOverride('DeletionProtectionEnabled', target.deletionProtection);
    } else if (cfn.cfnResourceType === 'AWS::Cognito::UserPool') {
      cfn.addPropertyOverride(
        'DeletionProtection',
        target.deletionProtection ? 'ACTIVE' : 'INACTIVE',
      );
    } else {
      throw new Error(`no deletion protection known for ${cfn.cfnResourceType}`);
    }
  }
}
