import { describe, expect, it } from 'vitest';
import { allowedOrigin, originHeaders, parseAllowedOrigins } from '../../src/http/cors.js';
import { withOrigin } from '../../src/http/response.js';

describe('parseAllowedOrigins', () => {
  it.each([
    { name: 'unset', given: undefined, want: [] },
    { name: 'empty', given: '', want: [] },
    {
      name: 'a comma list with spaces',
      given: 'https://a.example, http://127.0.0.1:5173',
      want: ['https://a.example', 'http://127.0.0.1:5173'],
    },
    { name: 'an array', given: ['https://a.example'], want: ['https://a.example'] },
    { name: 'the wildcard', given: '*', want: ['*'] },
  ])('reads $name', ({ given, want }) => {
    expect(parseAllowedOrigins(given)).toEqual(want);
  });

  it.each(['https://a.example/', 'https://a.example/app', 'a.example', "https://a.example'"])(
    'refuses %s, which is not an origin',
    (bad) => {
      expect(() => parseAllowedOrigins(bad)).toThrow(`got ${bad}`);
    },
  );
});

describe('allowedOrigin', () => {
  const list = ['https://a.example', 'http://127.0.0.1:5173'];
  it.each([
    {
      name: 'a listed origin gets itself back',
      origin: 'http://127.0.0.1:5173',
      want: 'http://127.0.0.1:5173',
    },
    { name: 'an unlisted origin gets nothing', origin: 'https://evil.example', want: undefined },
    { name: 'no origin (not a browser) gets nothing', origin: undefined, want: undefined },
  ])('$name', ({ origin, want }) => {
    expect(allowedOrigin(list, origin)).toBe(want);
  });

  it('answers * to anyone only when * is listed', () => {
    expect(allowedOrigin(['*'], 'https://evil.example')).toBe('*');
    expect(allowedOrigin([], 'https://evil.example')).toBeUndefined();
  });

  it('says the answer varies by Origin unless it is *', () => {
    expect(originHeaders(list, 'https://a.example')).toEqual({
      'Access-Control-Allow-Origin': 'https://a.example',
      Vary: 'Origin',
    });
    expect(originHeaders(['*'], 'https://a.example')).toEqual({
      'Access-Control-Allow-Origin': '*',
    });
  });
});

describe('withOrigin (every function answer)', () => {
  const result = { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' };
  const allowed = ['https://a.example', 'http://127.0.0.1:5173'];

  it('names a listed Origin, whatever the header case', () => {
    expect(withOrigin(result, { origin: 'http://127.0.0.1:5173' }, allowed).headers).toEqual({
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': 'http://127.0.0.1:5173',
      Vary: 'Origin',
    });
    expect(withOrigin(result, { ORIGIN: 'https://a.example' }, allowed).headers).toMatchObject({
      'Access-Control-Allow-Origin': 'https://a.example',
    });
  });

  it('does not let an unlisted origin read the answer', () => {
    expect(
      withOrigin(result, { Origin: 'https://evil.example' }, allowed).headers,
    ).not.toHaveProperty('Access-Control-Allow-Origin');
    expect(withOrigin(result, { Origin: 'https://a.example' }, []).headers).not.toHaveProperty(
      'Access-Control-Allow-Origin',
    );
  });
});
