/**
 * The package npm packs holds everything the program reads when it runs:
 * its compiled modules, the command, the ICC profiles a press embeds, and
 * every module and font it loads is a dependency an install brings (not a
 * devDependency, which it does not). `bench/pack.ts` installs the tarball
 * for real and builds with it; this is the quick check the suite can afford.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { pressProfiles } from '../../src/press/profiles.js'
import { themes } from '../../src/theme/index.js'
import { root } from '../support/tools.js'

const run = promisify(execFile)

interface Manifest {
  main: string
  types: string
  bin: Record<string, string>
  exports: Record<string, string | Record<string, string>>
  license: string
  files: string[]
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Manifest

/** What `npm pack` would put in the tarball, from the compiled tree as it is (`--ignore-scripts`: no compile). */
async function packedFiles(): Promise<Set<string>> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
  const [pack] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>
  return new Set(pack!.files.map((file) => file.path))
}

const packed = await packedFiles()
const strip = (file: string): string => file.replace(/^\.\//, '')

async function compiledModules(): Promise<string[]> {
  const folder = path.join(root, 'lib/src')
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.js')).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
}

test('the package carries the licence its manifest names, in its standard text', async () => {
  assert.equal(manifest.license, 'MIT')
  assert.ok(manifest.files.includes('LICENSE'), 'files names LICENSE')
  assert.ok(packed.has('LICENSE'), 'LICENSE is packed')
  const text = await readFile(path.join(root, 'LICENSE'), 'utf8')
  assert.match(text, /^MIT License\n\nCopyright \(c\) \d{4} \S/)
  assert.match(text.replace(/\s+/g, ' '), /Permission is hereby granted, free of charge, to any person obtaining a copy of this software .* THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/)
})

test('the entry points the manifest names are in the package', () => {
  for (const file of [manifest.main, manifest.types, ...Object.values(manifest.bin)]) assert.ok(packed.has(strip(file)), `${file} is packed`)
  const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
  for (const target of targets) assert.ok(packed.has(strip(target)), `export ${target} is packed`)
  assert.equal(strip((manifest.exports['.'] as Record<string, string>).types!), strip(manifest.types))
})

test('every compiled module, and its types, is in the package; tests and benchmarks are not', async () => {
  const modules = await compiledModules()
  assert.ok(modules.length > 100)
  for (const module of modules) {
    assert.ok(packed.has(module), `${module} is packed`)
    assert.ok(packed.has(module.replace(/\.js$/, '.d.ts')), `${module}'s types are packed`)
  }
  // The preview's browser files are served as written (they are no TypeScript); no other source is packed.
  assert.deepEqual([...packed].filter((file) => /^lib\/(test|bench)\/|^(src|test|bench|content)\//.test(file) && !file.startsWith('src/preview/browser/')), [])
})

test('every file a module finds beside itself (new URL(…, import.meta.url)) is in the package', async () => {
  let found = 0
  for (const module of await compiledModules()) {
    const text = await readFile(path.join(root, module), 'utf8')
    for (const [, relative] of text.matchAll(/new URL\((?:'([^'$`]+)'|"([^"$`]+)"), import\.meta\.url\)/g)) {
      found++
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(module), relative!))
      // A folder (the preview's browser files) is packed when some file in it is.
      const isPacked = target.endsWith('/') ? [...packed].some((file) => file.startsWith(target)) : packed.has(target)
      assert.ok(isPacked, `${module} reads ${relative}: ${target} is packed`)
    }
  }
  assert.ok(found >= 2, 'the worker and the manifest are found by their URLs')
  // The ICC profiles are named by the press profiles and read from assets/icc/.
  const profiles = Object.values(pressProfiles).flatMap((press) => (press.pdfx?.profile === undefined ? [] : [press.pdfx.profile]))
  assert.ok(profiles.length > 0)
  for (const profile of profiles) assert.ok(packed.has(`assets/icc/${profile}`), `assets/icc/${profile} is packed`)
})

test('every module the program loads, and every font package a built-in theme names, is a dependency', async () => {
  const builtins = new Set(builtinModules)
  const needed = new Map<string, string>()
  for (const module of await compiledModules()) {
    const text = await readFile(path.join(root, module), 'utf8')
    for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\.resolve\s*\(\s*|^import\s+)['"]([^'"./][^'"]*)['"]/gm)) {
      // The package's own name appears in its documentation comments (`from 'octavo'`).
      if (specifier!.startsWith('node:') || builtins.has(specifier!) || specifier === 'octavo') continue
      const parts = specifier!.split('/')
      needed.set(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!, module)
    }
  }
  for (const theme of Object.values(themes)) {
    for (const font of [...Object.values(theme.fonts), ...theme.fallbacks]) {
      const name = (font as { package?: string }).package
      if (name !== undefined) needed.set(name, `the theme ${theme.name}`)
    }
  }
  assert.ok(needed.has('pdfkit') && needed.has('@expo-google-fonts/literata'), 'the scan finds imports and fonts')
  // A module may be found from a dependency's own folder (harfbuzzjs, from subset-font's): then it is that dependency's.
  const dependenciesOf = async (name: string): Promise<string[]> => {
    const own = JSON.parse(await readFile(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
    return Object.keys(own.dependencies ?? {})
  }
  const transitive = new Map<string, string>()
  for (const dependency of Object.keys(manifest.dependencies)) for (const name of await dependenciesOf(dependency)) transitive.set(name, dependency)
  for (const [name, where] of needed) {
    assert.ok(Object.hasOwn(manifest.dependencies, name) || transitive.has(name), `${name} (loaded by ${where}) is a dependency`)
  }
})

test('npm test runs the suite as make test does, from a fresh compile; npm pack compiles first', () => {
  assert.equal(manifest.scripts.test, 'node lib/test/run-suite.js')
  assert.match(manifest.scripts.pretest!, /clean-build/)
  assert.match(manifest.scripts.prepack!, /clean-build/)
  assert.match(manifest.scripts['clean-build']!, /rmSync\('lib'.*&& tsc -p tsconfig\.json$/)
})
