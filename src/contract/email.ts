/**
 * The one canonical form of an e-mail address (openapi.yaml's `Email`; docs/architecture.md,
 * invitations): its ASCII letters in lower case, every other code point as sent. The invitation's
 * address and the token's `email` claim both take it, so they match whatever the ASCII case.
 * Unicode lower-casing is not used: it lengthens some letters (`İ` becomes `i` and U+0307, so a
 * 254-character address outgrew the contract) and maps others onto ASCII (the Kelvin sign
 * U+212A becomes `k`, so two different addresses would meet). This form keeps the length and
 * never turns a non-ASCII character into an ASCII one.
 */
export const canonicalEmail = (address: string): string =>
  address.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
