/**
 * The CDK app (`npm run synth`, `npm run deploy`): one TaskApi stack per stage
 * (`-c stage=dev`; infra/stage.ts), checked by cdk-nag.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stageFromContext } from './stage.js';
import { TaskApiStack } from './task-api-stack.js';

const app = new App();
const stage = stageFromContext(app.node);
// Environment-agnostic unless the CLI knows an account: synth needs no credentials.
new TaskApiStack(app, stage.stackName, {
  stage: stage.name,
  description: `task-api (${stage.name}): contract-first task REST API (API Gateway, Cognito, Lambda, DynamoDB)`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
