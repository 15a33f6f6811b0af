/**
 * Stands in for DynamoDB's endpoint rules in the handler bundles. A Lambda in a commercial AWS
 * region without FIPS, dual-stack or account-based endpoints always gets
 * https://dynamodb.<region>.amazonaws.com (or the endpoint it was configured with):
 * https://docs.aws.amazon.com/general/latest/gr/ddb.html. Anything else goes to the SDK's own
 * rules, which sit beside the bundle in endpoint-rules.cjs and are loaded only then.
 * test/infra/lambda-sdk.test.ts checks both give the same answer.
 */
import type { EndpointParameters, EndpointV2, Logger } from '@smithy/types';

/** The `aws` partition's region pattern from the SDK's partitions.json. */
const AWS_REGION = /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/;

interface Params extends EndpointParameters {
  Region?: string;
  Endpoint?: string;
  UseFIPS?: boolean;
  UseDualStack?: boolean;
  AccountId?: string;
  AccountIdEndpointMode?: string;
  ResourceArn?: string;
  ResourceArnList?: string[];
}

const isArn = (value: string | undefined) => value?.startsWith('arn:') === true;

export const defaultEndpointResolver = (
  params: Params,
  context: { logger?: Logger } = {},
): EndpointV2 => {
  const plain =
    !params.UseFIPS &&
    !params.UseDualStack &&
    params.AccountId === undefined &&
    params.AccountIdEndpointMode !== 'required' &&
    !isArn(params.ResourceArn) &&
    !(params.ResourceArnList ?? []).some(isArn);
  if (plain && params.Endpoint) return { url: new URL(params.Endpoint) };
  if (plain && params.Region && AWS_REGION.test(params.Region)) {
    return { url: new URL(`https://dynamodb.${params.Region}.amazonaws.com`) };
  }
  return require('./endpoint-rules.cjs').defaultEndpointResolver(params, context);
};
