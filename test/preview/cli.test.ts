/**
 * `octavo preview` on the command line: its options checked before anything
 * is built or served, and a port already in use said plainly.
 */
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, it } from 'node:test'
import { octavoInProcess } from '../support/tools.js'

describe('octavo preview on the command line', () => {
  it('is in the help', async () => {
    const { code, stdout } = await octavoInProcess(['--help'])
    assert.equal(code, 0)
    assert.match(stdout, /octavo preview <input>/)
    assert.match(stdout, /--port N/)
  })

  it('refuses a wrong command line with exit code 2', async () => {
    for (const [args, said] of [
      [['preview', 'a.md', 'b.md'], /one manuscript at a time/],
      [['preview', 'a.md', '--port', 'eighty'], /--port takes a port number/],
      [['preview', 'a.md', '--port', '70000'], /--port takes a port number/],
      [['preview', 'a.md', '--watch'], /always watches/],
      [['build', 'a.md', '--port', '3000'], /--port is for octavo preview/],
    ] as const) {
      const { code, stderr } = await octavoInProcess(args)
      assert.equal(code, 2, args.join(' '))
      assert.match(stderr, said)
    }
  })

  it('says at once when the manuscript is not there (exit 1)', async () => {
    const { code, stderr } = await octavoInProcess(['preview', 'no/such/book.md', '--port', '0'])
    assert.equal(code, 1)
    assert.match(stderr, /no\/such\/book\.md: error: no such file or folder/)
  })

  it('says when its port is in use', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = taken.address() as AddressInfo
      const { code, stderr } = await octavoInProcess(['preview', 'content/article.md', '--port', String(port)])
      assert.equal(code, 2)
      assert.match(stderr, new RegExp(`cannot listen on port ${port}: it is in use`))
    } finally {
      taken.close()
    }
  })
})
