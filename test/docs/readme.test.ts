/**
 * README.md fits on a screen, and its quick-start URL table says what the local stack does: each
 * URL on the port its variable defaults to (src/config/local.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localConfig } from '../../src/config/local.js';
import { ROOT } from '../support/repository.js';
import { namesIn, tableRows } from './markdown.js';

const PORT_OF = {
  PORT: 'api',
  WEB_PORT: 'web',
  COGNITO_PORT: 'cognito',
  DYNAMODB_PORT: 'dynamo',
} as const;

describe('README.md', () => {
  it('is at most 250 lines', () => {
    const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
    expect(lines.length).toBeLessThanOrEqual(250);
  });

  it("lists each local URL on its variable's default port", () => {
    const { ports } = localConfig({});
    const rows = tableRows('README.md', '## Quick start');
    expect(rows.map(([url]) => url)).toContain('http://127.0.0.1:5173');
    for (const [url = '', , movedBy = ''] of rows) {
      const variable = namesIn(movedBy).find((name): name is keyof typeof PORT_OF =>
        Object.hasOwn(PORT_OF, name),
      );
      expect(variable, url).toBeDefined();
      expect(new URL(url).port, url).toBe(String(ports[PORT_OF[variable as keyof typeof PORT_OF]]));
    }
  });
});
