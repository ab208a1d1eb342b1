import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { CodeToken } from '../../src/model/book.js'
import { codeTokens, highlightCode } from '../../src/transform/highlight-code.js'
import { bookOf, loadText } from '../load/support.js'

const samples: Record<string, string> = {
  js: 'const answer = `value: ${compute(42)}` // a comment\nclass A extends B {\n\tmethod(x) { return this.x + 0x1f }\n}\n',
  typescript: 'export function f<T>(value: T): T[] {\n  return [value] as T[] /* é 日本 */\n}',
  python: 'def greet(name: str) -> None:\n    """Say hello."""\n    print(f"hello {name!r}", 3.14, None)  # done\n',
  bash: '#!/bin/sh\nfor f in *.md; do echo "$f" | wc -c; done   \n',
  json: '{"key": [1, 2.5e3, true, null], "nested": {"s": "\\u00e9"}}',
  html: '<!doctype html>\n<p class="x" onclick="go()">Text &amp; <b>bold</b></p>\n<script>let a = 1</script>',
  css: '@media (max-width: 600px) { .a > p::before { content: "\\201C"; color: #fff !important } }',
  rust: 'fn main() {\n    let v: Vec<u8> = vec![1, 2];\n    println!("{:?}", v); // ok\n}',
  diff: '--- a/file\n+++ b/file\n@@ -1 +1 @@\n-old\n+new\n',
  sql: "SELECT name, COUNT(*) FROM users WHERE id > 10 AND name LIKE 'a%' GROUP BY name;",
}

function kindsOf(tokens: readonly CodeToken[]): Map<string, string | undefined> {
  return new Map(tokens.map((token) => [token.text.trim(), token.kind]))
}

test('tokens joined give the code exactly, in many languages', async () => {
  for (const [language, code] of Object.entries(samples)) {
    const tokens = await codeTokens(language, code)
    assert.ok(tokens, `${language} is known`)
    assert.equal(tokens.map((token) => token.text).join(''), code, language)
    assert.ok(tokens.some((token) => token.kind !== undefined), `${language} has highlighted tokens`)
    // Neighbours of one kind are merged.
    for (let index = 1; index < tokens.length; index++) assert.notEqual(tokens[index]!.kind, tokens[index - 1]!.kind, `${language}: token ${index}`)
  }
})

test('highlight.js scopes map to the model’s token kinds', async () => {
  const js = kindsOf((await codeTokens('js', samples.js!))!)
  assert.equal(js.get('const'), 'keyword')
  assert.equal(js.get('// a comment'), 'comment')
  assert.equal(js.get('42'), 'number')
  assert.equal(js.get('this'), 'keyword')
  assert.equal(js.get('A'), 'type')
  assert.equal(js.get('method'), 'function')
  // An interpolation inside a string is code again, not string.
  assert.equal(js.get('compute(42)'), undefined)
  const python = kindsOf((await codeTokens('python', samples.python!))!)
  assert.equal(python.get('"""Say hello."""'), 'string')
  assert.equal(python.get('None'), 'literal')
  assert.equal(python.get('# done'), 'comment')
  assert.equal(python.get('greet'), 'function')
  const html = kindsOf((await codeTokens('html', samples.html!))!)
  assert.equal(html.get('<!doctype'), 'meta')
  assert.equal(html.get('onclick'), 'variable')
  assert.equal(html.get('"x"'), 'string')
})

test('only a known language is highlighted, by name or alias in any case; the language is never guessed', async () => {
  assert.equal(await codeTokens('no-such-language', samples.js!), undefined)
  assert.equal(await codeTokens('', samples.js!), undefined)
  assert.deepEqual(await codeTokens('JavaScript', samples.js!), await codeTokens('js', samples.js!))
  assert.ok(await codeTokens('sh', samples.bash!))
  assert.ok(await codeTokens('C++', 'int main() { return 0; }'))
})

test('the loader highlights fenced code with a language, in chapters and notes, and leaves the rest plain', async () => {
  const result = await loadText(
    '---\ntitle: T\nlang: en\n---\n\n```js\nconst a = 1\n```\n\n```\nconst b = 2\n```\n\n```klingon\nconst c = 3\n```\n\nA note.[^n]\n\n[^n]: With code:\n\n    ```python\n    x = None\n    ```\n\n<pre><code class="language-ruby">puts "hi"</code></pre>\n',
  )
  const book = bookOf(result)
  const codes = book.chapters[0]!.blocks.filter((block) => block.type === 'code')
  assert.equal(codes.length, 4)
  assert.ok(codes[0]!.type === 'code' && codes[0]!.tokens?.some((token) => token.kind === 'keyword'))
  assert.ok(codes[1]!.type === 'code' && codes[1]!.tokens === undefined)
  assert.ok(codes[2]!.type === 'code' && codes[2]!.tokens === undefined)
  assert.ok(codes[3]!.type === 'code' && codes[3]!.tokens?.some((token) => token.kind === 'string'))
  const noteCode = book.chapters[0]!.notes[0]!.blocks.find((block) => block.type === 'code')
  assert.ok(noteCode?.type === 'code' && noteCode.tokens?.some((token) => token.kind === 'literal'))
})

test('highlighting again gives the same tokens, and a block whose language is removed loses them', () => {
  const block = { type: 'code' as const, lang: 'js', value: 'let x = 1' }
  const chapter = { id: 'c', title: 'C', source: 'c.md', notes: [], blocks: [block] }
  highlightCode([chapter])
  const first = structuredClone(block)
  highlightCode([chapter])
  assert.deepEqual(block, first)
  delete (block as { lang?: string }).lang
  highlightCode([chapter])
  assert.equal((block as { tokens?: unknown }).tokens, undefined)
})

test('code cut once is cut again as it was, and the tokens given out are copies the model may change', async () => {
  const first = (await codeTokens('js', samples.js!))!
  const expected = structuredClone(first)
  first[0]!.text = 'changed by its model'
  first.push({ text: 'added', kind: 'keyword' })
  assert.deepEqual(await codeTokens('js', samples.js!), expected)
  assert.equal(await codeTokens('no-such-language', samples.js!), undefined)
})
