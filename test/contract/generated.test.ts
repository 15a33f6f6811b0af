/** Generated files must match openapi.yaml (openapi-typescript's `--check` idea). */
import { describe, expect, it } from 'vitest';
import { staleFiles } from '../../scripts/generate.js';

describe('generated files', () => {
  it('are in sync with openapi.yaml (run `npm run generate` when this fails)', async () => {
    expect(await staleFiles()).toEqual([]);
  }, 60_000);
});
