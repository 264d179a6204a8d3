const BEGIN = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/;
const ANY_END = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/;
/** An END line: at most indentation (and a diff's `-`), a quote and the key's last characters before the marker. */
const END_LINE =
  /^[ \t]*-?[ \t]*["'`]?(?<secret>[A-Za-z0-9+/=]*-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)/d;

/**
 * One line of a key's body as code holds it: indentation (and a diff's `-`), an optional quote,
 * the key material, an optional `\n`, closing quote and concatenation (`"MIIE…\n" +`). Key
 * material is a base64 run of 16+ characters, a PGP checksum (`=AbCd`), an armor header
 * (`Proc-Type: 4,ENCRYPTED`), or nothing (PGP's blank separator line). Nothing that can call,
 * assign or branch fits, so no code can hide inside a block.
 */
const BODY_LINE =
  /^[ \t]*-?[ \t]*["'`]?(?<secret>[A-Za-z0-9+/]{16,}={0,2}|=[A-Za-z0-9+/]{4}|(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): [^"'`\\]*)?(?:\\n)?["'`]?[ \t]*[+,\\]?[ \t]*$/d;
/** The last line of a body is often short; a short run counts only right before the END line. */
const LAST_BODY_LINE =
  /^[ \t]*-?[ \t]*["'`]?(?<secret>[A-Za-z0-9+/]{1,15}={0,2})(?:\\n)?["'`]?[ \t]*[+,\\]?[ \t]*$/d;

/** Characters `start` to `end` of line `line` are secret. */
export interface SecretSpan {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The body and END lines of every private key written across lines, as spans to redact (the
 * BEGIN line is the private-key-inline rule's). A block counts only when every line from BEGIN
 * to END is key material, or when the lines end inside it (a hunk or a window cut the key). A
 * BEGIN line followed by anything else is a lone line and only it is redacted — never more: a
 * stray marker must not hide the code below it.
 */
export function findPrivateKeyBodies(lines: readonly string[]): SecretSpan[] {
  const spans: SecretSpan[] = [];
  let begin = 0;
  while (begin < lines.length) {
    const text = lines[begin] ?? '';
    const marker = BEGIN.exec(text);
    // A key written on one line (BEGIN and END together) is the inline rule's alone.
    if (!marker || ANY_END.test(text.slice(marker.index))) {
      begin++;
      continue;
    }
    const block: SecretSpan[] = [];
    let materialLines = 0;
    let line = begin + 1;
    let complete = false;
    for (; line < lines.length; line++) {
      const current = lines[line] ?? '';
      const end = END_LINE.exec(current);
      if (end) {
        block.push(secretSpan(line, end));
        complete = true;
        break;
      }
      const next = lines[line + 1] ?? '';
      const body = BODY_LINE.exec(current) ?? (END_LINE.test(next) ? LAST_BODY_LINE.exec(current) : null);
      if (!body) break;
      if (body.groups?.secret) {
        block.push(secretSpan(line, body));
        materialLines++;
      }
    }
    const cutAtTheEnd = line === lines.length;
    if ((complete || cutAtTheEnd) && materialLines > 0) {
      spans.push(...block);
      begin = line + 1;
    } else {
      begin++;
    }
  }
  return spans;
}

function secretSpan(line: number, match: RegExpExecArray): SecretSpan {
  const [start, end] = match.indices?.groups?.secret ?? [0, 0];
  return { line, start, end };
}
