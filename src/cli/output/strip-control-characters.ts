/**
 * Terminal escape sequences, matched whole so their parameters do not survive as visible junk:
 * CSI (`ESC [ … final`, e.g. `ESC[2J` clears the screen), string commands terminated by BEL or ST
 * (OSC sets the window title or writes hyperlinks and the clipboard; DCS, SOS, PM, APC), their
 * 8-bit C1 forms, and the two-character escapes (`ESC c` resets the terminal). ECMA-48 §5.
 */
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u009c|\u001b\\)?|\u001b[ -/]*[0-~]?/g;

/**
 * Whatever control is left: C0 and C1 controls but tab and newline (a carriage return or backspace
 * can overwrite what was printed before it), and the bidirectional overrides and isolates that
 * make text display in an order other than the one it is read in (CVE-2021-42574, "Trojan Source").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text from outside Sift — model output, file paths, error messages — safe to print on a
 * terminal: a finding must not be able to clear the screen, move the cursor, retitle the window or
 * disguise what it says. Line breaks and tabs stay; `\r\n` becomes `\n`.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL_CHARACTER, '');
}
