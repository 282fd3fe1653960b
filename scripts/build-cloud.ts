/**
 * Bundles the cloud function for deployment: dist/cloud/index.js (CommonJS, node20) exporting
 *   main     the WeChat CloudBase entry
 *   handler  the API-gateway entry (Tencent SCF, Alibaba Function Compute HTTP trigger)
 *   createApp / createHttpHandler for a plain Node HTTP host
 * plus dist/cloud/package.json. The SQL migrations are inlined. PGlite is NOT bundled: production runs on
 * PostgreSQL (DATABASE_URL is required in production mode); the bundle only loads PGlite, from node_modules,
 * when it runs in dev mode without DATABASE_URL.
 *   npm run build:cloud
 */
import { build, type BuildOptions, type Plugin } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
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
 * Modules swapped for lighter ones in the function's bundle (cold start: less to parse, nothing loaded that the
 * function does not use): pg's runtime probe (see cloud/bundle/pg-stream.js) and zod's unused locales.
 */
const SWAPS: Plugin = {
  name: 'splitpay-swaps',
  setup(b) {
    b.onResolve({ filter: /^\.\/stream$/ }, (args) => (/[\\/]pg[\\/]lib$/.test(args.resolveDir) ? { path: path.join(root, 'cloud/bundle/pg-stream.js') } : undefined))
    b.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.resolveDir) ? { path: path.join(root, 'cloud/bundle/zod-locales.js') } : undefined))
  }
}

/** How the function and each lazily loaded SDK are bundled: one minified CommonJS file for Node 20. */
const NODE_BUNDLE = {
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
    outfile: file,
    ...NODE_BUNDLE,
    sourcemap: 'external',
    external: [...EXTERNAL, ...LAZY],
    define: { __SPLITPAY_MIGRATIONS__: JSON.stringify(migrations) },
    plugins: [SWAPS],
    metafile: true,
    logLevel: 'warning'
  })
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
  const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  const pkg = {
    name: 'splitpay-cloud',
    version: rootPkg.version,
    private: true,
    description: 'The splitpay cloud function (bundled). Entry: index.js (main for WeChat CloudBase, handler for SCF / Function Compute).',
    main: 'index.js',
    engines: { node: '>=20' },
    // Everything the function needs is inside index.js. PGlite is only for dev mode without DATABASE_URL.
    dependencies: {}
  }
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(result.metafile))
  const bytes = fs.statSync(file).size
  if (!opts.quiet) {
    console.log(`dist/cloud/index.js  ${(bytes / 1024).toFixed(0)} KB  (${migrations.length} migrations inlined; external: ${EXTERNAL.join(', ')})`)
  }
  return { file, bytes }
}

if (require.main === module) {
  buildCloud().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
