/** The CDK app (`npm run synth`, `npm run deploy`): one TaskApi stack, checked by cdk-nag. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { TaskApiStack } from './task-api-stack.js';

const app = new App();
// Environment-agnostic unless the CLI knows an account: synth needs no credentials.
new TaskApiStack(app, 'TaskApi', {
  description: 'task-api: contract-first task REST API (API Gateway, Cognito, Lambda, DynamoDB)',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
