/**
 * A community team member's display name (issue #15): set on the team phone, sent once (and on
 * change) so that a reviewer revoking a lost phone can tell the team's phones apart. Text only:
 * NFC, trimmed, 1 to 60 characters (code points, as Vietnamese is typed), no control or line
 * characters. Pure, shared by the phone (settings) and the server (the device's label).
 */
export const DISPLAY_NAME_MAX = 60;

// Cc: C0/C1 controls (tab, newline, escape…); Zl/Zp: line and paragraph separators.
const NOT_TEXT = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** The name as stored, or null when it is not an acceptable display name. */
export function cleanDisplayName(input: string): string | null {
  const name = input.normalize('NFC').trim();
  if (name === '' || NOT_TEXT.test(name)) return null;
  // A string never has more code points than UTF-16 units: count them only when the units exceed the bound.
  if (name.length > DISPLAY_NAME_MAX && [...name].length > DISPLAY_NAME_MAX) return null;
  return name;
}
