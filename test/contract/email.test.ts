/**
 * src/contract/email.ts: one canonical form of an e-mail address, the same length as the sent
 * one, and never a non-ASCII character turned into an ASCII one.
 */
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEmail } from '../../src/contract/email.js';
import { loadSpec } from '../../src/openapi.js';

const isEmail = new Ajv().compile(loadSpec().components.schemas.Email as object);
const isAscii = (cp: number) => cp < 0x80;

/** Any text, astral characters and lone surrogates included, weighted towards letters near A-Z. */
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('A', 'Z', 'a', '@', '.', 'İ', 'K', 'ſ', 'ß', 'Σ', 'Ⅻ') }),
);

describe('canonicalEmail', () => {
  it('keeps the length, in UTF-16 units and in code points', () => {
    fc.assert(
      fc.property(text, (x) => {
        const c = canonicalEmail(x);
        expect(c.length).toBe(x.length);
        expect([...c].length).toBe([...x].length);
      }),
    );
  });

  it('turns no non-ASCII code point into an ASCII one, and changes only A-Z', () => {
    fc.assert(
      fc.property(text, (x) => {
        const before = [...x].map((ch) => ch.codePointAt(0) as number);
        const after = [...canonicalEmail(x)].map((ch) => ch.codePointAt(0) as number);
        for (const [i, cp] of before.entries()) {
          if (!isAscii(cp)) expect(after[i]).toBe(cp);
          else if (cp >= 0x41 && cp <= 0x5a) expect(after[i]).toBe(cp + 0x20);
          else expect(after[i]).toBe(cp);
        }
      }),
    );
  });

  it('is its own canonical form, and keeps an address the contract accepts acceptable', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.emailAddress()), (x) => {
        const c = canonicalEmail(x);
        expect(canonicalEmail(c)).toBe(c);
        if (isEmail(x)) expect(isEmail(c)).toBe(true);
      }),
    );
  });

  it.each([
    { name: 'mixed-case ASCII', given: 'Bob.Smith@Example.COM', want: 'bob.smith@example.com' },
    // Unicode lower-casing gives `i` + U+0307: 406 characters for these 206.
    { name: 'a dotted capital I (U+0130)', given: `a@${'İ'.repeat(200)}.com`, same: true },
    // Unicode lower-casing gives ASCII `k`: another person's address.
    { name: 'the Kelvin sign (U+212A)', given: '\u212A@example.com', same: true },
    { name: 'a long s (U+017F), which upper-cases to ASCII S', given: 'ſ@example.com', same: true },
    { name: 'a non-ASCII capital', given: 'ÉMILE@Example.com', want: 'Émile@example.com' },
  ])('$name', ({ given, want, same }) => {
    expect(canonicalEmail(given)).toBe(same ? given : want);
  });
});
