/** src/http/headers.ts: the `cognito:groups` claim in the forms API Gateway flattens it to. */
import { describe, expect, it } from 'vitest';
import { flattenedForms, parseGroups } from '../../src/http/headers.js';

describe('parseGroups', () => {
  it.each([
    { name: 'no claim', given: undefined, want: { groups: [], exact: true } },
    { name: 'an empty claim', given: '', want: { groups: [], exact: true } },
    { name: 'one group', given: 'admins', want: { groups: ['admins'], exact: true } },
    {
      name: 'one group with a bracket',
      given: '[admins',
      want: { groups: ['[admins'], exact: true },
    },
    {
      name: 'the [a b] form (a space proves it: names have none)',
      given: '[other admins]',
      want: { groups: ['other', 'admins'], exact: true },
    },
    {
      name: 'the [a b] form of names with commas and brackets',
      given: '[support,admins [x y]]',
      want: { groups: ['support,admins', '[x', 'y]'], exact: true },
    },
    // Ambiguous: one group named `support,admins`, or two groups.
    { name: 'the a,b form', given: 'support,admins', want: { groups: [], exact: false } },
    {
      name: 'the a,b form of two groups',
      given: 'admins,other',
      want: { groups: [], exact: false },
    },
    // Ambiguous: the group `[admins]`, or the [a b] form of `admins`.
    { name: 'one bracketed name', given: '[admins]', want: { groups: [], exact: false } },
    {
      name: 'spaces outside brackets',
      given: 'support admins',
      want: { groups: [], exact: false },
    },
    { name: 'two spaces in a row', given: '[a  admins]', want: { groups: [], exact: false } },
    { name: 'a tab', given: '[a\tadmins]', want: { groups: [], exact: false } },
  ])('reads $name', ({ given, want }) => {
    expect(parseGroups(given)).toEqual(want);
  });

  it.each(['support,admins', 'xadmins', 'admins-readonly', 'Admins', '[admins]x'])(
    'never takes the admins group from a claim of the group %s',
    (group) => {
      for (const claim of flattenedForms([group])) {
        expect(parseGroups(claim).groups).not.toContain('admins');
      }
    },
  );
});

describe('flattenedForms', () => {
  it('gives the REST API form and the JWT authorizer form', () => {
    expect(flattenedForms(['a', 'b'])).toEqual(['a,b', '[a b]']);
  });
});
