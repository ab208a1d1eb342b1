/**
 * Random Markdown documents for property tests, built from the grammar:
 * nested block quotes and lists, mixed inlines, tables, footnotes, raw HTML
 * (safe and hostile), code, and odd Unicode (combining marks, right-to-left
 * scripts, CJK, emoji, control characters).
 *
 * Every document is made from one seed (`documentFor(seed)`), so a failing
 * case is reproduced from its seed alone.
 */
import fc from 'fast-check'

/** A local picture a document may show: the property runner puts these files in the book's folder. */
export const localPictures = ['plate.png', 'photo.jpg', 'swatch.gif', 'figure.svg'] as const

const plainWords = [
  'amber', 'birch', 'cedar', 'delta', 'ember', 'fable', 'gable', 'harbor', 'island', 'juniper', 'kestrel', 'lantern', 'meadow',
  'nectar', 'orchard', 'pebble', 'quarry', 'river', 'saffron', 'thistle', 'umber', 'valley', 'willow', 'yonder', 'zephyr',
  'printer', 'binder', 'folio', 'quire', 'margin', 'gutter', 'serif', 'ligature', 'kerning', 'leading', 'I', 'a', 'to', 'of',
  '1984', '42', 'x2', 'mid-century', "don't", 'state-of-the-art',
]

const oddWords = [
  // Latin with precomposed and combining accents (a q with a dot above has no precomposed form).
  'café', 'naïve', 'Ångström', 'straße', 'e\u0301te\u0301', 'q\u0307uill', 'Zoë',
  // Other scripts: Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese. (Arabic with vowel marks prints well, but
  // poppler reads its marks back as words of their own, out of order: no word count can judge it.)
  'καλημέρα', 'ψυχή', 'привет', 'книга', 'שלום', 'ספר', 'مرحبا', 'كتاب', '中文', '排版', 'ひらがな', 'カタカナ',
  // Emoji (a sequence joined by ZWJ, a flag, a skin tone) and symbols: not words, but they must not break anything.
  '😀', '👩‍💻', '🇫🇷', '👍🏽', '∀x', '→', '☃', '♞', '§', '¶', '€5', '½',
  // Invisible troublemakers: a zero-width space, a soft hyphen, a no-break space. (A zero-width joiner between
  // letters, bidirectional marks and isolates, U+200D, U+200E/U+200F and U+2066–U+2069, are left out while the
  // PDF draws them as empty boxes over the next letters: test/e2e/bad-input.test.ts keeps that case as to do.)
  'zero\u200Bwidth', 'soft\u00ADhyphen', 'no\u00A0break',
  // Control characters the loader drops (its warnings say where).
  'con\u0001trol', 'nul\u0000byte', 'form\u000Cfeed', 'bell\u0007ring', 'non\uFFFEchar', 'esc\u001Bape',
]

const word: fc.Arbitrary<string> = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...plainWords) }, { weight: 2, arbitrary: fc.constantFrom(...oddWords) })
const words = (min: number, max: number): fc.Arbitrary<string> => fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '))
/** Short plain words: a table's narrow columns hyphenate long ones, and poppler reads a column's lines apart. */
const cellWords = fc.array(fc.constantFrom('oak', 'ash', 'elm', 'fir', 'yew', 'bay', 'ivy', 'rye', '12', '7', 'né', 'кот', '中'), { minLength: 1, maxLength: 3 }).map((list) => list.join(' '))
const url = fc.constantFrom('https://example.com/', 'https://example.org/a/b?c=d&e=f', 'http://example.net/path_(with)_parens', 'mailto:someone@example.com')

/** Raw inline HTML: the safe subset with words inside, and hostile tags whose content is no word. */
const inlineHtml: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('b', 'i', 'u', 'sub', 'sup', 'kbd', 'span', 'em', 'strong', 'small', 'mark'), words(1, 3)).map(([tag, text]) => `<${tag}>${text}</${tag}>`),
  words(1, 2).map((text) => `<span style="color:red" onclick="steal()">${text}</span>`),
  fc.constantFrom(
    '<script>()</script>',
    '<img src="x" onerror="alert(1)">',
    '<iframe src="https://example.com/"></iframe>',
    '<!-- a -- comment -->',
    '<br>',
    '<input type="text">',
    '<a href="javascript:alert(1)">',
    '</a>',
    '<style>{}</style>',
  ),
)

/** One inline construct. Pictures stand apart (with spaces) since an edition may set them as figures. */
const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: word },
  { weight: 2, arbitrary: words(1, 3).map((text) => `*${text}*`) },
  { weight: 2, arbitrary: words(1, 3).map((text) => `**${text}**`) },
  { weight: 1, arbitrary: words(1, 3).map((text) => `***${text}***`) },
  { weight: 1, arbitrary: words(1, 3).map((text) => `~~${text}~~`) },
  { weight: 2, arbitrary: fc.constantFrom('`code`', '`a < b && c`', '`` tick`tick ``', '`$HOME`', '`ĉu 中文`') },
  { weight: 2, arbitrary: fc.tuple(words(1, 3), url).map(([text, href]) => `[${text}](${href})`) },
  { weight: 1, arbitrary: fc.tuple(words(1, 2), url).map(([text, href]) => `[${text}](${href} "a title")`) },
  { weight: 1, arbitrary: url.filter((href) => href.startsWith('http')).map((href) => `<${href}>`) },
  // GFM takes letters and backticks that touch a bare address into it: the EPUB must encode them.
  { weight: 1, arbitrary: fc.constantFrom('www.example.com', 'https://example.com/bare') },
  { weight: 1, arbitrary: fc.tuple(words(1, 2), fc.constantFrom(...localPictures)).map(([alt, file]) => ` ![${alt}](${file}) `) },
  { weight: 1, arbitrary: fc.tuple(words(1, 2), fc.constantFrom(...localPictures)).map(([alt, file]) => ` ![${alt}](${file} "A caption") `) },
  { weight: 1, arbitrary: words(1, 2).map((alt) => ` ![${alt}](https://example.com/remote.png) `) },
  { weight: 2, arbitrary: inlineHtml.map((html) => ` ${html} `) },
  { weight: 1, arbitrary: fc.constantFrom('&amp;', '&copy;', '&#x41;', '&nbsp;', '&bogus;', '\\*', '\\_', '$5', '$x$', '{{braces}}', '<notatag', 'a_b_c', '2 * 3 * 4') },
)

/** A line of inlines, mostly apart, sometimes touching (intraword emphasis, code against a word). */
const inlines = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(inline, fc.constantFrom(' ', ' ', ' ', ' ', '')), { minLength: min, maxLength: max })
    .map((parts) => parts.map(([text, gap], index) => (index === 0 ? text : gap + text)).join('').trim())

/** Blocks of a document; `depth` bounds the nesting of quotes and lists. */
function blocks(depth: number): fc.Arbitrary<string[]> {
  const leaf: Array<fc.WeightedArbitrary<string>> = [
    { weight: 6, arbitrary: inlines(1, 12) },
    { weight: 1, arbitrary: fc.tuple(inlines(1, 4), inlines(1, 4), fc.constantFrom('  \n', '\\\n', '<br>\n')).map(([a, b, hard]) => `${a}${hard}${b}`) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), inlines(1, 5)).map(([level, text]) => `${'#'.repeat(level)} ${text}`) },
    { weight: 1, arbitrary: inlines(1, 4).map((text) => `${text}\n${'='.repeat(3)}`) },
    { weight: 1, arbitrary: fc.constantFrom('***', '---', '* * *', '___') },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('js', 'python', 'css', 'html', 'sh', 'json', 'nosuchlanguage', ''), fc.array(fc.constantFrom('const x = 1 // one', 'def f(): return "two"', 'body { color: red }', '<p>three</p>', 'echo "$PATH" | wc -l', '{"four": [5, 6]}', '\tindented\twith\ttabs', 'ünïcode 中文 → ok', ''), { minLength: 1, maxLength: 5 }))
        .map(([lang, lines]) => `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``),
    },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('indented code', 'second line', 'x = y + z'), { minLength: 1, maxLength: 3 }).map((lines) => lines.map((line) => `    ${line}`).join('\n')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('---', ':--', ':-:', '--:'))
        .chain(([columns, rows, align]) =>
          fc.tuple(fc.array(cellWords, { minLength: columns, maxLength: columns }), fc.array(fc.array(cellWords, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })).map(
            ([head, body]) => [`| ${head.join(' | ')} |`, `|${Array(columns).fill(align).join('|')}|`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n'),
          ),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('div', 'p', 'details', 'section', 'table', 'form'), words(1, 4)).map(([tag, text]) =>
        tag === 'details' ? `<details>\n<summary>${text}</summary>\n\n${text}\n\n</details>` : tag === 'table' ? `<table><tr><td>${text}</td></tr></table>` : `<${tag}>\n${text}\n</${tag}>`,
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom('<!-- a block comment -->', '<script>\nwindow.x = 1\n</script>', '<style>\np { color: red }\n</style>', '<iframe src="https://example.com/"></iframe>') },
  ]
  if (depth <= 0) return fc.array(fc.oneof(...leaf), { minLength: 1, maxLength: 3 })
  const inner = blocks(depth - 1)
  const nested: Array<fc.WeightedArbitrary<string>> = [
    { weight: 3, arbitrary: inner.map((list) => list.join('\n\n').split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')) },
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom('-', '*', '+', '1.', '3)', '- [ ]', '- [x]'), fc.array(inner, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([marker, items, loose]) =>
        items
          .map((item, index) => {
            const bullet = /^\d/.test(marker) ? marker.replace(/^\d+/, String(Number.parseInt(marker, 10) + index)) : marker
            const indent = ' '.repeat(bullet.replace(/ \[.\]$/, '').length + 1)
            return item
              .join('\n\n')
              .split('\n')
              .map((line, lineIndex) => (lineIndex === 0 ? `${bullet} ${line}` : line === '' ? '' : indent + line))
              .join('\n')
          })
          .join(loose ? '\n\n' : '\n'),
      ),
    },
  ]
  return fc.array(fc.oneof(...leaf, ...nested), { minLength: 1, maxLength: 5 })
}

/** Footnotes: each called once or twice in the text, each defined once, so no note goes uncalled. */
const footnotes = fc.array(fc.tuple(fc.constantFrom('1', 'note', 'x-y', 'ü'), words(1, 6)), { maxLength: 2 }).map((notes) => {
  const unique = [...new Map(notes).entries()]
  return {
    calls: unique.map(([label]) => ` [^${label}]`),
    definitions: unique.map(([label, text]) => `[^${label}]: ${text}`),
  }
})

/**
 * What a writer can get wrong, now and then: a document with one of these is
 * refused (exit 1, its file, line and column named), never published.
 */
const fault: fc.Arbitrary<{ matter?: string; body?: string } | undefined> = fc.oneof(
  { weight: 24, arbitrary: fc.constant(undefined) },
  fc.constantFrom(
    { matter: 'title: [1, 2]' },
    { matter: 'title: "unclosed' },
    { matter: 'date: yesterday' },
    { body: '![a missing picture](missing-picture.png)' },
    { body: '![a picture outside](../outside.png)' },
    { body: '![an absolute picture](/etc/passwd.png)' },
    { body: '![not a picture](notes.txt)' },
  ),
)

const document: fc.Arbitrary<string> = fc
  .tuple(fc.option(words(1, 4), { nil: undefined }), blocks(3), footnotes, fc.constantFrom('\n', '\r\n'), fc.boolean(), fault)
  .map(([title, body, notes, newline, bom, mistake]) => {
    const paragraphs = [...body]
    // Calls go in a paragraph of their own, after a space, so they never join a word.
    if (notes.calls.length > 0) paragraphs.push(`${notes.calls.join(' ')} closing words`)
    if (mistake?.body) paragraphs.splice(Math.floor(paragraphs.length / 2), 0, mistake.body)
    const text = [...paragraphs, ...notes.definitions].join('\n\n') + '\n'
    const keys = [...(title === undefined ? [] : [`title: "${title.replace(/[\\"]/g, '')}"`]), ...(mistake?.matter ? [mistake.matter] : [])]
    const matter = keys.length === 0 ? '' : `---\n${keys.join('\n')}\n---\n\n`
    return (bom ? '\uFEFF' : '') + (matter + text).replace(/\n/g, newline)
  })

/** The document a seed stands for: the same on every run. */
export function documentFor(seed: number): string {
  return fc.sample(document, { seed, numRuns: 1 })[0]!
}
