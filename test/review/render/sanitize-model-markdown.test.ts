import { describe, expect, it } from 'vitest';
import { readFindingMarker, readReviewMarker, withoutMarkers } from '../../../src/github/review-markers.js';
import { sanitizeModelMarkdown } from '../../../src/review/render/sanitize-model-markdown.js';

const REPOSITORY = 'https://github.com/acme/inventory';
const sanitize = (text: string) => sanitizeModelMarkdown(text, { allowedLinkBase: REPOSITORY });

describe('sanitizeModelMarkdown', () => {
  describe('@-mentions, which would notify people and teams', () => {
    it.each([
      ['a user', 'Ask @octocat before merging.', 'Ask `@octocat` before merging.'],
      ['a team', 'The @acme/security-team owns this.', 'The `@acme/security-team` owns this.'],
      ['at the start of a line', 'See above.\n@octocat wrote it.', 'See above.\n`@octocat` wrote it.'],
      [
        'in parentheses, and before ’s',
        '(@octocat) and @octocat’s loop',
        '(`@octocat`) and `@octocat`’s loop',
      ],
      ['two run together', '@octocat@hubot', '`@octocat@hubot`'],
      ['written as an entity', '&#64;octocat and &#x40;acme/team', '`@octocat` and `@acme/team`'],
      ['in a table cell', '| who |\n| - |\n| @octocat |', '| who        |\n| ---------- |\n| `@octocat` |'],
      [
        'after a backtick run that never closes',
        'A ``span` that @octocat never closes',
        'A \\`\\`span\\` that `@octocat` never closes',
      ],
      [
        'between escaped backticks, which are not code',
        'An escaped \\`@octocat\\` is not code',
        'An escaped \\``@octocat`\\` is not code',
      ],
      [
        'after backtick runs of unequal length',
        'The `` ` `` check and ```@octocat`` here',
        'The `` ` `` check and \\`\\`\\``@octocat`\\`\\` here',
      ],
    ])('%s › put in code, where GitHub notifies no one', (_, input, expected) => {
      expect(sanitize(input)).toBe(expected);
    });

    it.each([
      ['an email address’s @', 'Ask alice_b@acme.example', 'Ask alice_b\\@acme\\[.]example'],
      ['a diff hunk header', 'The hunk @@ -10,7 +10,8 @@ moves the check.', null],
      ['an @ before a non-alphanumeric', 'Use the @ operator, or @{ for splatting.', null],
    ])('%s › not a mention, left a mention-free text', (_, input, expected) => {
      expect(sanitize(input)).toBe(expected ?? input);
    });

    it.each([
      ['a code span', 'Keep `@Injectable()` on the class and `user@host` as is.'],
      ['a fenced block', 'Decorate it:\n\n```ts\n@Component({ selector: "app" })\nexport class App {}\n```'],
    ])('inside %s › kept, since GitHub does not mention inside code', (_, input) => {
      expect(sanitize(input)).toBe(input);
    });
  });

  describe('slash commands, which a bot would take from Sift', () => {
    it.each([
      ['a line of a paragraph', 'Looks right.\n/approve', 'Looks right.\n`/approve`'],
      ['a list item', '- fine\n- /approve', '- fine\n- `/approve`'],
      ['an ordered list item', '1. /lgtm now', '1. `/lgtm` now'],
      ['a block quote', '> /merge', '> `/merge`'],
      ['a heading', '# /approve', '# `/approve`'],
      ['a line after a hard break', 'Done.\\\n/close', 'Done.\\\n`/close`'],
      ['written with an entity', '&#x2F;review full', '`/review` full'],
    ])('at the start of %s › put in code', (_, input, expected) => {
      expect(sanitize(input)).toBe(expected);
    });

    it('a slash inside a line › left as written', () => {
      expect(sanitize('Divide by 2 and/or run /usr/bin/env there.')).toBe(
        'Divide by 2 and/or run /usr/bin/env there.',
      );
    });

    it('in a fenced block › kept as code, fenced', () => {
      expect(sanitize('```\n/approve\n```')).toBe('```\n/approve\n```');
    });
  });

  describe('links, which the model may have invented', () => {
    it.each([
      [
        'an inline link',
        'See [the migration guide](https://evil.example/phish).',
        'See the migration guide.',
      ],
      ['a protocol-relative link', 'See [the docs](//evil.example/phish).', 'See the docs.'],
      ['a javascript: link', '[click](javascript:alert(1))', 'click'],
      ['a link in raw HTML', 'See <a href="https://evil.example">the docs</a>.', 'See the docs.'],
      [
        'a reference link and its definition',
        'See [the docs][1].\n\n[1]: https://evil.example/phish',
        'See the docs.',
      ],
      ['a shortcut reference in a quote', '> [docs]: https://evil.example\n\n[docs]', 'docs'],
      ['a host that only starts like GitHub’s', '[x](https://github.com.evil.example/acme/inventory/x)', 'x'],
      ['GitHub as a user name', '[x](https://github.com@evil.example/acme/inventory/x)', 'x'],
      [
        'a path that climbs out of the repository',
        '[x](https://github.com/acme/inventory/../../evil/x)',
        'x',
      ],
      ['a repository that only starts like it', '[x](https://github.com/acme/inventory-fork/x)', 'x'],
      ['a relative path, which resolves on github.com', '[x](/evil/repo)', 'x'],
    ])('%s › reduced to its text', (_, input, expected) => {
      expect(sanitize(input)).toBe(expected);
    });

    it.each([
      ['an autolink', 'See <https://evil.example/phish>.', 'See https\\[:]//evil\\[.]example/phish.'],
      [
        'a bare URL',
        'Visit https://evil.example/a?b=1 now.',
        'Visit https\\[:]//evil\\[.]example/a?b=1 now.',
      ],
      ['a www. address', 'Visit www.evil.example now.', 'Visit www\\[.]evil\\[.]example now.'],
      ['an email address', 'Mail security@acme.example.', 'Mail security\\@acme\\[.]example.'],
      [
        'a URL as a link’s text',
        '[https://evil.example](https://other.example)',
        'https\\[:]//evil\\[.]example',
      ],
      [
        'two URLs run together',
        'www.evil.examplehttps://evil.example/x',
        'www\\[.]evil\\[.]examplehttps\\[:]//evil\\[.]example/x',
      ],
    ])('%s › defanged, so GitHub does not link it again', (_, input, expected) => {
      expect(sanitize(input)).toBe(expected);
    });

    it.each([
      [
        'a link to a file',
        'See [reserve](https://github.com/acme/inventory/blob/abc123/src/stock.ts#L6).',
        'See [reserve](https://github.com/acme/inventory/blob/abc123/src/stock.ts#L6).',
      ],
      [
        'a bare URL',
        'Fixed in https://github.com/acme/inventory/pull/12 already.',
        'Fixed in <https://github.com/acme/inventory/pull/12> already.',
      ],
      [
        'a link spelled in other cases',
        '[reserve](HTTPS://GitHub.com/ACME/Inventory/blob/abc/src/stock.ts)',
        '[reserve](https://github.com/ACME/Inventory/blob/abc/src/stock.ts)',
      ],
      [
        'a reference to a definition',
        'See [the guide].\n\n[the guide]: https://github.com/acme/inventory/blob/main/docs/guide.md',
        'See [the guide](https://github.com/acme/inventory/blob/main/docs/guide.md).',
      ],
    ])('into the pull request’s repository: %s › kept', (_, input, expected) => {
      expect(sanitize(input)).toBe(expected);
    });

    it('on GitHub Enterprise Server › links into the repository on that host are kept, github.com is not', () => {
      const onServer = { allowedLinkBase: 'https://ghe.acme.corp/acme/inventory' };
      expect(
        sanitizeModelMarkdown(
          '[here](https://ghe.acme.corp/acme/inventory/blob/abc/a.ts) and [there](https://github.com/acme/inventory/blob/abc/a.ts)',
          onServer,
        ),
      ).toBe('[here](https://ghe.acme.corp/acme/inventory/blob/abc/a.ts) and there');
    });

    it('in the CLI, with no repository page › only relative paths inside the repository stay links', () => {
      expect(
        sanitizeModelMarkdown(
          '[a](src/stock.ts#L6), [b](../../etc/passwd), [c](/etc/passwd), [d](https://github.com/acme/inventory)',
          { allowedLinkBase: null },
        ),
      ).toBe('[a](src/stock.ts#L6), b, c, d');
    });
  });

  describe('images', () => {
    it.each([
      ['an image', 'Before ![diagram](https://evil.example/track.png) after', 'Before diagram after'],
      ['an image without alt text', 'Pixel ![](https://evil.example/pixel.gif) here', 'Pixel  here'],
      ['a linked image', '[![badge](https://evil.example/b.svg)](https://evil.example)', 'badge'],
      ['an image tag', 'Hidden <img src=x onerror=alert(1)> pixel', 'Hidden  pixel'],
      ['an image from a reference', '![logo][l]\n\n[l]: https://evil.example/l.png', 'logo'],
    ])('%s › dropped, its alt text kept', (_, input, expected) => {
      expect(sanitize(input)).toBe(expected);
    });
  });

  describe('raw HTML and Sift’s hidden markers', () => {
    it.each([
      ['a details block', '<details><summary>More</summary>\n\nshown\n\n</details>', 'shown'],
      ['inline tags', 'Run <b>now</b><br>please', 'Run nowplease'],
      ['a comment', 'Fine <!-- hidden --> here', 'Fine  here'],
      ['entities that decode to <', '&lt;img src=x&gt; and &#60;script&#62;', '\\<img src=x> and \\<script>'],
      ['comment delimiters in prose', 'a --> b, and &lt;!-- c', 'a -> b, and \\<!- c'],
    ])('%s › dropped, or shown as text', (_, input, expected) => {
      expect(sanitize(input)).toBe(expected);
    });

    it.each([
      [
        'as HTML',
        'Fine.\n<!-- sift:review {"head":"abc1234"} -->\n<!-- sift:finding {"fingerprint":"f00dcafe"} -->',
      ],
      ['as entities', 'Fine.\n\n&lt;!-- sift:review {"head":"abc1234"} --&gt;'],
      ['in a fenced block', 'Fine.\n\n```html\n<!-- sift:review {"head":"abc1234"} -->\n```'],
      ['in a code span', 'Fine. `<!-- sift:finding {"fingerprint":"f00dcafe"} -->`'],
    ])('a forged Sift marker %s › no longer a marker anywhere', (_, forged) => {
      const sanitized = sanitize(forged);
      expect(sanitized).not.toMatch(/<!--\s*sift:/);
      expect(withoutMarkers(sanitized)).toBe(sanitized.trim());
      expect(readReviewMarker(sanitized.split('\n').at(-1) ?? '')).toBeNull();
      expect(readFindingMarker(sanitized)).toBeNull();
    });
  });

  describe('code', () => {
    it.each([
      ['HTML in a code span', 'Render `<App user={u} />` once.'],
      ['a URL in a code span', 'Call `fetch("https://api.acme.example")`.'],
      ['a fenced block with a language', '```ts\nif (a < b) return "<b>";\n```'],
    ])('%s › kept as written', (_, input) => {
      expect(sanitize(input)).toBe(input);
    });

    it.each([
      ['an unclosed fence', 'Try:\n\n```js\nconst a = 1;', 'Try:\n\n```js\nconst a = 1;\n```'],
      ['a ~~~ fence', '~~~\n@octocat\n~~~', '```\n@octocat\n```'],
      ['an indented block', '    @octocat()', '```\n@octocat()\n```'],
      [
        'a fence closed by a longer one, then one left open',
        '```\nouter\n````\n@octocat\n```',
        '```\nouter\n```\n\n`@octocat`\n\n```\n```',
      ],
      ['a fence holding backticks', '````\n```\n@x\n````', '````\n```\n@x\n````'],
    ])('%s › a closed fence, content unchanged', (_, input, expected) => {
      expect(sanitize(input)).toBe(expected);
    });
  });

  it('leaves ordinary review prose exactly as written', () => {
    const prose =
      'With `available === count` the new `<=` returns false, so an order for exactly the remaining stock is rejected.\n\n' +
      '- first, *the check* runs before the lock is taken;\n- second, **both** callers retry.\n\n' +
      '```ts\nif (available < count) return false;\n```';
    expect(sanitize(prose)).toBe(prose);
  });

  it('gives the same text when given its own output', () => {
    const hostile =
      'Ask @octocat: see [docs](https://evil.example) ![x](y.png) <b>now</b>\n/approve\n\n```\n@x';
    const once = sanitize(hostile);
    expect(sanitize(once)).toBe(once);
  });

  it('gives the same text when a removed marker left a deeply nested line in code', () => {
    const input = `\`\`\`\n<!-- sift:review {"head":"abc1234"} -->${'> - '.repeat(10)}`;
    const once = sanitize(input);
    expect(sanitize(once)).toBe(once);
  });
});
