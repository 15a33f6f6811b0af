/**
 * Capacity and abuse switches of the stack: the stage throttle the backend carries from a cold
 * start (docs/operations.md#capacity), its context overrides, and SES for Cognito's mail.
 */
import { describe, expect, it } from 'vitest';
import { STAGE_THROTTLE_DEFAULT } from '../../infra/task-api-stack.js';
import { type Json, synth } from './synth.js';

const stageThrottle = (context: Record<string, unknown> = {}) => {
  const template = synth([{ id: 'TaskApi' }], context).templates[0] as Json;
  const [stage] = Object.values(template.findResources('AWS::ApiGateway::Stage')) as Json[];
  const [setting] = (stage as Json).Properties.MethodSettings as Json[];
  return [setting?.ThrottlingRateLimit, setting?.ThrottlingBurstLimit];
};

// The CLI always resolves a region; SES needs one.
const userPool = (context: Record<string, unknown> = {}) => {
  const env = { region: 'eu-west-1' };
  const template = synth([{ id: 'TaskApi', props: { env } }], context).templates[0] as Json;
  const [pool] = Object.values(template.findResources('AWS::Cognito::UserPool')) as Json[];
  return (pool as Json).Properties;
};

describe('the stage throttle', () => {
  it('defaults to thousands of requests a second, not a hundred', () => {
    expect(stageThrottle()).toEqual([2000, 4000]);
    expect(STAGE_THROTTLE_DEFAULT.burstLimit).toBeGreaterThanOrEqual(
      STAGE_THROTTLE_DEFAULT.rateLimit,
    );
  });

  it('takes throttlingRateLimit and throttlingBurstLimit from the context', () => {
    expect(stageThrottle({ throttlingRateLimit: '5000', throttlingBurstLimit: 8000 })).toEqual([
      5000, 8000,
    ]);
  });

  it.each([['0'], ['-1'], ['lots'], [1.5]])('refuses a throttlingRateLimit of %j', (value) => {
    expect(() => stageThrottle({ throttlingRateLimit: value })).toThrow(
      'throttlingRateLimit must be a positive integer',
    );
  });
});

describe("Cognito's mail", () => {
  it("is Cognito's own sender unless sesFromEmail is set", () => {
    expect(userPool().EmailConfiguration).toBeUndefined();
  });

  it('goes through SES from sesFromEmail', () => {
    const email = userPool({ sesFromEmail: 'no-reply@example.com' }).EmailConfiguration;

    expect(email).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: 'no-reply@example.com' });
    expect(JSON.stringify(email.SourceArn)).toContain(':ses:eu-west-1:');
    expect(JSON.stringify(email.SourceArn)).toContain(':identity/no-reply@example.com');
  });

  it('goes through SES in sesRegion when the identity lives in another region', () => {
    const email = userPool({
      sesFromEmail: 'no-reply@example.com',
      sesRegion: 'us-east-1',
    }).EmailConfiguration;

    expect(JSON.stringify(email.SourceArn)).toContain(':ses:us-east-1:');
  });

  it('refuses a sesFromEmail that is not an address', () => {
    expect(() => userPool({ sesFromEmail: 'no-reply' })).toThrow('sesFromEmail must be an e-mail');
  });
});
