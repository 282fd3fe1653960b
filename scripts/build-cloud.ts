/**
 * Bundles the cloud function for deployment into dist/cloud/:
 *   index.js        the entry (CommonJS, node20), exporting
 *                     main     the WeChat CloudBase entry
 *                     handler  the API-gateway entry (Tencent SCF, Alibaba Function Compute)
 *                     createApp / createHttpHandler for a plain Node HTTP host
 *                   by loading app.js with its code cache (cloud/bundle/code-cache.ts)
 *   app.js          the function (cloud/entries/bundle.ts), one minified file; app.js.map its source map
 *   app.js.cache    the V8 code cache of app.js, made here by a plain `node` loading it
 *   package.json
 * The SQL migrations are inlined. PGlite is NOT bundled: production runs on PostgreSQL (DATABASE_URL is required in
 * production mode); the bundle only loads PGlite, from node_modules, when it runs in dev mode without DATABASE_URL.
 *   npm run build:cloud
 */
import { build, type BuildOptions, type Plugin } from 'esbuild'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { APP_FILE, CACHE_FILE } from '../cloud/bundle/code-cache'
import { readMigrationsDir } from '../cloud/store/migrations'

const root = path.resolve(__dirname, '..')
const outDir = path.join(root, 'dist/cloud')

/** Packages left out of the bundle: the embedded database (dev only) and pg's optional native binding. */
export const EXTERNAL = ['@electric-sql/pglite', 'pg-native']

/**
 * Provider SDKs loaded only on first use (Alipay sign-in, payments). Each is bundled on its own into
 * dist/cloud/node_modules/<name>/index.js, so index.js stays small for cold start and the folder is still
 * self-contained (nothing to install at deploy).
 */
export const LAZY = ['alipay-sdk', 'wechatpay-axios-plugin']

/**
 * Modules of the function's own that wrap a large SDK, loaded only on first use like LAZY: each is bundled on its own
 * into dist/cloud/node_modules/<name>/index.js, and the function requires it by that name. The S3 client (receipt
 * photos in a bucket) is loaded only when RECEIPTS_S3_BUCKET is set and a photo is stored or linked.
 */
export const LAZY_OWN: Record<string, { name: string; file: string }> = {
  './s3-sdk': { name: 'splitpay-s3', file: 'cloud/blobs/s3-sdk.ts' }
}

/** The function's bundle requires each LAZY_OWN module by its package name, from dist/cloud/node_modules. */
export const LAZY_OWN_EXTERNAL: Plugin = {
  name: 'splitpay-lazy-own',
  setup(b) {
    for (const [request, { name, file }] of Object.entries(LAZY_OWN)) {
      const filter = new RegExp(`^${request.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`)
      b.onResolve({ filter }, (args) => (path.join(args.resolveDir, request) === path.join(root, file).replace(/\.ts$/, '') ? { path: name, external: true } : undefined))
    }
  }
}

/**
 * Modules swapped for lighter ones in the function's bundle (cold start: less to parse, nothing loaded that the
 * function does not use): pg's runtime probe (see cloud/bundle/pg-stream.js) and zod's unused locales.
 */
export const SWAPS: Plugin = {
  name: 'splitpay-swaps',
  setup(b) {
    b.onResolve({ filter: /^\.\/stream$/ }, (args) => (/[\\/]pg[\\/]lib$/.test(args.resolveDir) ? { path: path.join(root, 'cloud/bundle/pg-stream.js') } : undefined))
    b.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.resolveDir) ? { path: path.join(root, 'cloud/bundle/zod-locales.js') } : undefined))
  }
}

/** How the function and each lazily loaded SDK are bundled: one minified CommonJS file for Node 20. */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  keepNames: true,
  legalComments: 'external'
} satisfies BuildOptions

export async function buildCloud(opts: { outDir?: string; quiet?: boolean } = {}): Promise<{ file: string; bytes: number }> {
  const dir = opts.outDir ?? outDir
  fs.mkdirSync(dir, { recursive: true })
  const migrations = readMigrationsDir(path.join(root, 'cloud/store/migrations'))
  const file = path.join(dir, 'index.js')
  const result = await build({
    entryPoints: [path.join(root, 'cloud/entries/bundle.ts')],
    outfile: path.join(dir, APP_FILE),
    ...NODE_BUNDLE,
    sourcemap: 'external',
    external: [...EXTERNAL, ...LAZY],
    define: { __SPLITPAY_MIGRATIONS__: JSON.stringify(migrations) },
    plugins: [SWAPS, LAZY_OWN_EXTERNAL],
    metafile: true,
    logLevel: 'warning'
  })
  const cacheBytes = await writeEntry(dir)
  for (const name of LAZY) {
    const target = path.join(dir, 'node_modules', name)
    fs.mkdirSync(target, { recursive: true })
    await build({
      entryPoints: [require.resolve(name, { paths: [root] })],
      outfile: path.join(target, 'index.js'),
      ...NODE_BUNDLE,
      external: EXTERNAL,
      logLevel: 'error'
    })
    const version = JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [root] }), 'utf8')).version
    fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify({ name, version, main: 'index.js' }, null, 2)}\n`)
  }
  for (const { name, file: source } of Object.values(LAZY_OWN)) {
    const target = path.join(dir, 'node_modules', name)
    fs.mkdirSync(target, { recursive: true })
    await build({ entryPoints: [path.join(root, source)], outfile: path.join(target, 'index.js'), ...NODE_BUNDLE, external: EXTERNAL, logLevel: 'error' })
    fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify({ name, version: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version, main: 'index.js' }, null, 2)}\n`)
  }
  const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  const pkg = {
    name: 'splitpay-cloud',
    version: rootPkg.version,
    private: true,
    description: 'The splitpay cloud function (bundled). Entry: index.js (main for WeChat CloudBase, handler for SCF / Function Compute); it loads app.js with its code cache.',
    main: 'index.js',
    engines: { node: '>=20' },
    // Everything the function needs is inside app.js. PGlite is only for dev mode without DATABASE_URL.
    dependencies: {}
  }
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(result.metafile))
  const bytes = fs.statSync(path.join(dir, APP_FILE)).size
  if (!opts.quiet) {
    console.log(`dist/cloud/${APP_FILE}  ${(bytes / 1024).toFixed(0)} KB  (${migrations.length} migrations inlined; external: ${EXTERNAL.join(', ')})`)
    console.log(`dist/cloud/${CACHE_FILE}  ${(cacheBytes / 1024).toFixed(0)} KB  (V8 code cache for node ${process.version})`)
  }
  return { file, bytes }
}

/**
 * Next to a bundled `<dir>/app.js`: the entry that loads it (`<dir>/index.js`, cloud/entries/index.ts) and its code
 * cache (`<dir>/app.js.cache`), made by a plain `node` (no NODE_OPTIONS, no flags: V8 only accepts a cache made under
 * the flags it runs with) loading app.js the way index.js does. Returns the cache's size.
 */
export async function writeEntry(dir: string): Promise<number> {
  await build({ entryPoints: [path.join(root, 'cloud/entries/index.ts')], outfile: path.join(dir, 'index.js'), ...NODE_BUNDLE, logLevel: 'warning' })
  const writer = await build({
    stdin: { contents: `require('./cloud/bundle/code-cache').writeCodeCache(process.argv[1])`, resolveDir: root, loader: 'ts' },
    ...NODE_BUNDLE,
    minify: false,
    legalComments: 'none',
    write: false,
    logLevel: 'warning'
  })
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  execFileSync(process.execPath, ['-e', writer.outputFiles[0]!.text, dir], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  return fs.statSync(path.join(dir, CACHE_FILE)).size
}

if (require.main === module) {
  buildCloud().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
