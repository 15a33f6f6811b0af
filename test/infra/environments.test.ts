/**
 * cdk-nag stays clean in every environment a user's CDK CLI can hand the app: none (tests), a
 * region only (the CLI always resolves one: AWS_REGION, a profile, or its us-east-1 default), a
 * region and an account (CDK_DEFAULT_ACCOUNT or credentials), and the other partitions. Each
 * resolves pseudo parameters in ARNs differently, so an acknowledgement that names one spelled
 * ARN holds in one of them only. test/infra/cli-synth.test.ts runs the real CLI the same way.
 * The China and GovCloud partitions are out: CDK's own validation finds no Cognito user pool or
 * no CloudFront there, as the AWS Regional Services List says.
 */
import { describe, expect, it } from 'vitest';
import { nagViolations, synth } from './synth.js';

const ENVIRONMENTS = [
  { name: 'no environment', env: undefined },
  { name: 'the CLI default region', env: { region: 'us-east-1' } },
  { name: 'a region from AWS_REGION or a profile', env: { region: 'eu-west-1' } },
  { name: 'an account and a region', env: { account: '123456789012', region: 'ap-southeast-2' } },
  { name: 'an account only', env: { account: '123456789012' } },
  { name: 'another account and region', env: { account: '210987654321', region: 'sa-east-1' } },
];

const EVERY_SWITCH = {
  waf: 'true',
  domainName: 'api.example.com',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
  reservedConcurrency: 5,
  usagePlans: { 'team-a': { rateLimit: 10, burstLimit: 20 } },
  alarmEmail: 'oncall@example.com',
};

describe.each(ENVIRONMENTS)('cdk-nag with $name', ({ env }) => {
  it.each([
    { switches: 'no context switch', context: {} },
    { switches: 'every context switch', context: EVERY_SWITCH },
  ])('finds nothing unacknowledged in prod and dev with $switches', ({ context }) => {
    const synthesized = synth(
      [
        { id: 'TaskApi', props: { stage: 'prod', env } },
        { id: 'TaskApi-dev', props: { stage: 'dev', env } },
      ],
      context,
    );
    expect(nagViolations(synthesized)).toEqual([]);
  });
});
