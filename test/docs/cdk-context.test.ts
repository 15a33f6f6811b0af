/**
 * docs/configuration.md's CDK context table names exactly the context keys the CDK app reads:
 * every `tryGetContext` call made from infra/ while the app builds both stages with every switch
 * on (some keys are read only when another is set, e.g. `wafRateLimit` under `waf`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Node } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageFromContext } from '../../infra/stage.js';
import { synth } from '../infra/synth.js';
import { ROOT } from '../support/repository.js';
import { tableNames } from './markdown.js';

const INFRA = join(ROOT, 'infra');
const EVERY_SWITCH = {
  waf: 'true',
  domainName: 'api.example.com',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
  sesFromEmail: 'no-reply@example.com',
  sesRegion: 'us-east-1',
  alarmEmail: 'oncall@example.com',
  reservedConcurrency: 5,
  usagePlans: { 'team-a': { rateLimit: 10, burstLimit: 20 } },
};

const read = new Set<string>();
const original = Node.prototype.tryGetContext;

beforeAll(() => {
  // Only the app's own reads: CDK reads its feature flags through the same method.
  Node.prototype.tryGetContext = function (this: Node, key: string) {
    const caller = new Error().stack?.split('\n')[2] ?? '';
    if (caller.includes(INFRA)) read.add(key);
    return original.call(this, key);
  };
  // infra/app.ts reads the stage through stageFromContext, then builds the stack.
  stageFromContext(new App({ context: { stage: 'dev' } }).node);
  synth(
    [
      { id: 'TaskApi', props: { stage: 'prod' } },
      { id: 'TaskApi-dev', props: { stage: 'dev' } },
    ],
    EVERY_SWITCH,
  );
}, 120_000);

afterAll(() => {
  Node.prototype.tryGetContext = original;
});

describe('docs/configuration.md: CDK context', () => {
  it('sees the app read its context (the spy works)', () => {
    expect(read).toContain('waf');
    expect(read).toContain('stage');
  });

  it('lists every key the CDK app reads, and no other', () => {
    expect(tableNames('docs/configuration.md', '## CDK context')).toEqual([...read].sort());
  });

  it('has infra/app.ts read context only through stageFromContext, which this test calls', () => {
    const app = readFileSync(join(INFRA, 'app.ts'), 'utf8');
    expect(app).not.toMatch(/tryGetContext|getContext/);
    expect(app).toContain('stageFromContext(app.node)');
  });
});
