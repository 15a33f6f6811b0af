/**
 * Texts with nothing visible in them (titles, workspace names: openapi.yaml's VisibleText), and
 * texts whose visible part carries invisible marks.
 */
export const INVISIBLE_TITLES = [
  { name: 'zero-width spaces', title: '\u200B\u200B' },
  { name: 'a zero-width joiner and non-joiner', title: '\u200C\u200D' },
  { name: 'a word joiner', title: '\u2060' },
  { name: 'a byte order mark', title: '\uFEFF' },
  { name: 'a run of every zero-width character', title: '\u200B\u200C\u200D\u2060\uFEFF' },
  { name: 'a lone right-to-left override', title: '\u202E' },
  { name: 'bidi embeddings and overrides', title: '\u202A\u202B\u202C\u202D\u202E' },
  { name: 'bidi isolates', title: '\u2066\u2067\u2068\u2069' },
  { name: 'direction marks', title: '\u200E\u200F\u061C' },
  { name: 'white space mixed with zero-width characters', title: ' \u200B\t\u2060\u00A0' },
  { name: 'white space only', title: ' \u3000 ' },
];

export const VISIBLE_TITLES = [
  { name: 'a letter between zero-width spaces', title: '\u200Bx\u200B' },
  { name: 'a word with a zero-width joiner emoji', title: 'team \u{1F468}\u200D\u{1F469}' },
  { name: 'Arabic with a direction mark', title: '\u061Cمهمة' },
  { name: 'a dot', title: '.' },
];
