/**
 * The API Gateway the mock runs: the local stack's definition of openapi.yaml (the CDK stack's
 * own transform), read into what a request needs. The package build (sdk/build.mjs) replaces
 * this module by the model it returns, so the published mock reads no spec at run time.
 */
import { type ApiModel, localDefinition, readApiModel } from '../../../src/local/definition.js';
import { loadSpec } from '../../../src/openapi.js';

export const MOCK_REGION = 'us-east-1';

export function mockApiModel(): ApiModel {
  return readApiModel(
    localDefinition({
      spec: loadSpec(),
      region: MOCK_REGION,
      userPoolId: `${MOCK_REGION}_Mock00000`,
      allowedClientIds: [],
    }),
  );
}
