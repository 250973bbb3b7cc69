// Internal helper shared by the identifier checks; not part of the public API.

/**
 * Names a character so a person can see what is wrong with it in a reason.
 * Visible ASCII prints as itself ("character O"); anything else also gets its
 * code point, because a full-width digit (１), a Cyrillic О or a no-break
 * space look like the right character on screen and are the usual culprits.
 */
export function describeChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  if (codePoint >= 0x21 && codePoint <= 0x7e) return char;
  // whitespace and control characters are invisible: the code point alone
  if (/^[\s\p{C}]$/u.test(char)) return hex;
  return `${char} (${hex})`;
}
