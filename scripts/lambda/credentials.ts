/**
 * Stands in for @aws-sdk/credential-provider-node in the handler bundles. Lambda puts the
 * function's role credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime),
 * the first link of the SDK's chain. The rest of the chain (SSO, ini files, IMDS, STS, ...)
 * is about a third of the SDK's code: it sits beside the bundle in credential-chain.cjs and is
 * loaded only when the environment does not hold credentials, or a profile is asked for.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

type Init = Parameters<typeof fromEnv>[0] & { profile?: string };

export const defaultProvider = (init: Init = {}): AwsCredentialIdentityProvider => {
  let provider: AwsCredentialIdentityProvider | undefined;
  return (options) => {
    const env = process.env;
    if (!provider) {
      const fromEnvironment =
        !(init.profile ?? env.AWS_PROFILE) && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY;
      provider = fromEnvironment
        ? fromEnv(init)
        : require('./credential-chain.cjs').defaultProvider(init);
    }
    return (provider as AwsCredentialIdentityProvider)(options);
  };
};
