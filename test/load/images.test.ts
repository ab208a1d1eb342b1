import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFile, symlink } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { crc32, deflateSync, inflateSync } from 'node:zlib'
import type { Block, Figure, Inline } from '../../src/model/book.js'
import { bookOf, failure, fixtures, load, manuscriptFolder } from './support.js'

async function folderWithImages(files: Record<string, string>): Promise<string> {
  const png = await readFile(path.join(fixtures, 'images/diagram.png'))
  const jpg = await readFile(path.join(fixtures, 'images/photo.jpg'))
  return manuscriptFolder({ 'images/pic.png': png, 'images/photo.jpeg': jpg, ...files })
}

const matter = '---\ntitle: T\nlang: en\n---\n\n'
/** The fixtures' sizes, as \`file\` reports them: diagram.png 96 × 60, photo.jpg 64 × 40 pixels. */
const picSize = { width: 96, height: 60, pixels: { width: 96, height: 60 } }
const photoSize = { width: 64, height: 40, pixels: { width: 64, height: 40 } }

test('a lone image is a figure with its title as caption; an image in text is inline', async () => {
  const folder = await folderWithImages({
    'book.md': `${matter}![A diagram](images/pic.png "Figure 1. Shapes.")\n\nText ![small](images/photo.jpeg) text.\n`,
  })
  const result = await load(path.join(folder, 'book.md'))
  const book = bookOf(result)
  assert.deepEqual(result.warnings, [])
  const [figure, paragraph] = book.chapters[0]!.blocks as [Figure, Block]
  assert.equal(figure.type, 'figure')
  assert.equal(figure.alt, 'A diagram')
  assert.deepEqual(figure.caption, [{ type: 'text', value: 'Figure 1. Shapes.' }])
  assert.deepEqual(figure.place, { file: path.join(folder, 'book.md'), line: 6, column: 1 })
  assert.equal(paragraph.type, 'paragraph')
  const inline = (paragraph as { children: Inline[] }).children[1]!
  assert.deepEqual(inline, { type: 'image', asset: 'img-images-photo.jpeg', alt: 'small' })
  assert.deepEqual(book.assets, [
    { id: 'img-images-pic.png', path: path.join(folder, 'images/pic.png'), mediaType: 'image/png', image: picSize },
    { id: 'img-images-photo.jpeg', path: path.join(folder, 'images/photo.jpeg'), mediaType: 'image/jpeg', image: photoSize },
  ])
  assert.equal(figure.asset, 'img-images-pic.png')
})

test('one file used twice, under two spellings, is one asset', async () => {
  const folder = await folderWithImages({
    'book.md': `${matter}![a](images/pic.png)\n\n![b](./images/../images/pic.png)\n\n![c](images/pic%2Epng)\n`,
  })
  const book = bookOf(await load(path.join(folder, 'book.md')))
  assert.equal(book.assets.length, 1)
  assert.deepEqual(book.chapters[0]!.blocks.map((block) => (block as Figure).asset), Array(3).fill('img-images-pic.png'))
})

test('images of chapters in subfolders resolve from their own file', async () => {
  const folder = await folderWithImages({
    'book.yaml': 'title: B\nlang: en\nchapters: [part/one.md]\n',
    'part/one.md': '![x](../images/pic.png)\n',
  })
  const book = bookOf(await load(folder))
  assert.equal(book.assets[0]!.id, 'img-images-pic.png')
})

test('a missing image fails, naming the file and the line that uses it', async () => {
  const folder = await folderWithImages({ 'book.md': `${matter}Intro.\n\n![gone](images/missing.png)\n` })
  assert.match(failure(await load(path.join(folder, 'book.md'))), /book\.md:8:1: error: image file not found: images\/missing\.png/)
})

test('an image outside the manuscript’s folder fails, and the file is never read', { timeout: 10_000 }, async () => {
  const folder = await folderWithImages({ 'book/book.md': `${matter}See ![secret](../secret.png) here.\n` })
  // A named pipe: reading it would block this test until it times out.
  execFileSync('mkfifo', [path.join(folder, 'secret.png')])
  assert.match(
    failure(await load(path.join(folder, 'book/book.md'))),
    /book\.md:6:5: error: image \.\.\/secret\.png is outside the manuscript's folder/,
  )

  const absolute = await folderWithImages({ 'book.md': `${matter}![x](${path.join(folder, 'secret.png')})\n` })
  assert.match(failure(await load(path.join(absolute, 'book.md'))), /book\.md:6:1: error: image .*secret\.png is outside the manuscript's folder \(absolute paths/)

  const fileUrl = await folderWithImages({ 'book.md': `${matter}![x](file:///etc/hostname.png)\n` })
  assert.match(failure(await load(path.join(fileUrl, 'book.md'))), /outside the manuscript's folder/)
})

test('a symbolic link that leads outside the folder fails', async () => {
  const outside = await folderWithImages({})
  const folder = await manuscriptFolder({ 'book.md': `${matter}![x](link.png)\n` })
  await symlink(path.join(outside, 'images/pic.png'), path.join(folder, 'link.png'))
  assert.match(failure(await load(path.join(folder, 'book.md'))), /image link\.png leads outside the manuscript's folder/)
})

test('a remote image becomes its alt text with a warning; links stay links', async () => {
  const folder = await folderWithImages({
    'book.md': `${matter}![A remote chart](https://example.com/chart.png)\n\nInline ![logo](//cdn.example.com/l.png) and [a link](https://example.com/page).\n`,
  })
  const result = await load(path.join(folder, 'book.md'))
  const book = bookOf(result)
  const [first, second] = book.chapters[0]!.blocks as Array<{ type: string; children: Inline[] }>
  assert.equal(first!.type, 'paragraph')
  assert.deepEqual(first!.children, [{ type: 'text', value: 'A remote chart' }])
  assert.deepEqual(second!.children.map((inline) => inline.type), ['text', 'link', 'text'])
  assert.deepEqual(second!.children[0], { type: 'text', value: 'Inline logo and ' })
  assert.equal((second!.children[1] as { url: string }).url, 'https://example.com/page')
  assert.equal(book.assets.length, 0)
  assert.equal(result.warnings.length, 2)
  assert.match(result.warnings[0]!, /book\.md:6:1: warning: image https:\/\/example\.com\/chart\.png is not a local file: set as its alt text/)
  assert.match(result.warnings[1]!, /book\.md:8:8: warning: image \/\/cdn\.example\.com\/l\.png is not a local file/)
})

test('an image that is not PNG, JPEG, GIF or SVG, or not what its name says, fails', async () => {
  const folder = await manuscriptFolder({
    'a.md': `${matter}![x](pic.webp)\n`,
    'b.md': `${matter}![x](fake.png)\n`,
    'pic.webp': 'RIFF....WEBP',
    'fake.png': 'this is text, not a PNG',
  })
  assert.match(failure(await load(path.join(folder, 'a.md'))), /a\.md:6:1: error: image pic\.webp: only PNG, JPEG, GIF and SVG/)
  assert.match(failure(await load(path.join(folder, 'b.md'))), /b\.md:6:1: error: image fake\.png is not a PNG file/)
})

test('a damaged picture is refused while loading, at the place that names it, each place told', async () => {
  const png = await readFile(path.join(fixtures, 'images/diagram.png'))
  const jpg = await readFile(path.join(fixtures, 'images/photo.jpg'))
  const gif = await readFile(path.join(fixtures, 'images/swatch.gif'))
  const badChecksum = Buffer.from(png)
  // The last byte of the header chunk's checksum.
  badChecksum[32] = badChecksum[32]! ^ 0xff
  const folder = await manuscriptFolder({
    'cut.png': png.subarray(0, Math.floor(png.length / 2)),
    'crc.png': badChecksum,
    'cut.jpeg': jpg.subarray(0, jpg.length - 40),
    'cut.gif': gif.subarray(0, 14),
    'empty.svg': '<?xml version="1.0"?><drawing/>',
    'book.md': `${matter}![cut](cut.png)\n\nText ![again](cut.png) and ![crc](crc.png).\n\n![jpeg](cut.jpeg)\n\n![gif](cut.gif)\n\n![svg](empty.svg)\n`,
  })
  const result = await load(path.join(folder, 'book.md'))
  assert.equal(result.book, undefined)
  const errors = result.messages.filter((message) => /: error: /.test(message)).map((message) => message.replace(/^.*book\.md:/, ''))
  assert.equal(errors.length, 6, result.messages.join('\n'))
  assert.match(errors[0]!, /^6:1: error: image cut\.png is a damaged PNG file: .*cut short/)
  assert.match(errors[1]!, /^8:6: error: image cut\.png is a damaged PNG file/)
  assert.match(errors[2]!, /^8:28: error: image crc\.png is a damaged PNG file: its IHDR chunk fails its checksum/)
  assert.match(errors[3]!, /^10:1: error: image cut\.jpeg is a damaged JPEG file: .*cut short/)
  assert.match(errors[4]!, /^12:1: error: image cut\.gif is a damaged GIF file/)
  assert.match(errors[5]!, /^14:1: error: image empty\.svg is a damaged SVG file: it has no <svg> element/)
})

test('a PNG whose chunks are whole but whose picture data stops short is refused too', async () => {
  const png = await readFile(path.join(fixtures, 'images/diagram.png'))
  // Every chunk rewritten with a true checksum, the picture data cut to a few bytes of its start: only inflating it tells.
  const chunks: Buffer[] = [png.subarray(0, 8)]
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at)
    const type = png.subarray(at + 4, at + 8)
    const body = type.toString('latin1') === 'IDAT' ? deflateSync(inflateSync(png.subarray(at + 8, at + 8 + length)).subarray(0, 100)) : png.subarray(at + 8, at + 8 + length)
    const head = Buffer.alloc(8)
    head.writeUInt32BE(body.length, 0)
    type.copy(head, 4)
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc32(Buffer.concat([type, body])), 0)
    chunks.push(head, body, sum)
    at += 12 + length
  }
  const folder = await manuscriptFolder({ 'short.png': Buffer.concat(chunks), 'book.md': `${matter}![short](short.png)\n` })
  assert.match(failure(await load(path.join(folder, 'book.md'))), /book\.md:6:1: error: image short\.png is a damaged PNG file: its picture data stops short: 100 bytes of the \d+ its size needs/)
})

test('asset ids are stable and unique even when names collide after slugging', async () => {
  const png = await readFile(path.join(fixtures, 'images/diagram.png'))
  const folder = await manuscriptFolder({ 'A b.png': png, 'a-b.png': png, 'book.md': `${matter}![1](<A b.png>)\n\n![2](a-b.png)\n` })
  const first = bookOf(await load(path.join(folder, 'book.md')))
  const second = bookOf(await load(path.join(folder, 'book.md')))
  assert.deepEqual(first.assets.map((asset) => asset.id), ['img-a-b.png', 'img-a-b-2.png'])
  assert.deepEqual(first.assets, second.assets)
})

test('an image without alt text is a warning naming file and line, once, whether figure, inline or by reference; no alt is made up', async () => {
  const folder = await folderWithImages({
    'book.md': `${matter}![](images/pic.png)\n\nText ![ ](images/photo.jpeg) text.\n\nBy reference: ![][pic]\n\n[pic]: images/pic.png\n`,
  })
  const result = await load(path.join(folder, 'book.md'))
  const book = bookOf(result)
  assert.deepEqual(
    result.warnings.map((warning) => warning.replace(/^.*book\.md:/, '')),
    [
      '6:1: warning: image images/pic.png has no alt text: readers who cannot see it get nothing',
      '8:6: warning: image images/photo.jpeg has no alt text: readers who cannot see it get nothing',
      '10:15: warning: image images/pic.png has no alt text: readers who cannot see it get nothing',
    ],
  )
  const figure = book.chapters[0]!.blocks[0] as Figure
  assert.equal(figure.alt, '')
})

test('`cover:` names a local image that becomes the book’s cover asset', async () => {
  const folder = await folderWithImages({ 'book.md': `---\ntitle: T\nlang: en\ncover: images/photo.jpeg\n---\n\nText.\n` })
  const result = await load(path.join(folder, 'book.md'))
  const book = bookOf(result)
  assert.deepEqual(result.warnings, [])
  assert.equal(book.metadata.cover, 'img-images-photo.jpeg')
  assert.deepEqual(book.assets, [{ id: 'img-images-photo.jpeg', path: path.join(folder, 'images/photo.jpeg'), mediaType: 'image/jpeg', image: photoSize }])
})

test('a book folder names its cover in book.yaml, relative to the folder', async () => {
  const folder = await folderWithImages({ 'book.yaml': 'title: B\nlang: en\ncover: images/pic.png\n', 'one.md': '# One\n\nText.\n' })
  const book = bookOf(await load(folder))
  assert.equal(book.metadata.cover, 'img-images-pic.png')
})

test('a missing cover fails with its line; one outside the folder fails without being read; a remote one is ignored with a warning', async () => {
  const missing = await folderWithImages({ 'book.md': `---\ntitle: T\nlang: en\ncover: images/none.png\n---\n\nText.\n` })
  assert.match(failure(await load(path.join(missing, 'book.md'))), /book\.md:4:1: error: cover image file not found: images\/none\.png/)

  const outside = await folderWithImages({ 'inner/book.md': `---\ntitle: T\nlang: en\ncover: ../../etc/passwd.png\n---\n\nText.\n` })
  assert.match(failure(await load(path.join(outside, 'inner/book.md'))), /book\.md:4:1: error: cover image \.\.\/\.\.\/etc\/passwd\.png is outside the manuscript's folder/)
  const absolute = await folderWithImages({ 'book.md': `---\ntitle: T\nlang: en\ncover: /etc/passwd\n---\n\nText.\n` })
  assert.match(failure(await load(path.join(absolute, 'book.md'))), /book\.md:4:1: error: cover image \/etc\/passwd is outside the manuscript's folder/)

  const remote = await folderWithImages({ 'book.md': `---\ntitle: T\nlang: en\ncover: https://example.com/cover.png\n---\n\nText.\n` })
  const result = await load(path.join(remote, 'book.md'))
  assert.equal(bookOf(result).metadata.cover, undefined)
  assert.deepEqual(result.warnings.map((warning) => warning.replace(/^.*book\.md:/, '')), [
    '4:1: warning: cover image https://example.com/cover.png is not a local file: ignored (Octavo never downloads); the cover is made from the title',
  ])
})
