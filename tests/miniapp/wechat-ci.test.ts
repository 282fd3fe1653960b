/**
 * WeChat's own build tool on the weapp build, offline (support/wechat-ci.cjs): miniprogram-ci compiles it as an
 * upload would, with the project's settings (JS, WXML and WXSS compressed), and its code-quality check passes
 * every item (compression on, components loaded on demand, package sizes, no unused files). A stray end tag and a
 * project with compression off, in copies of the build, prove that each of the two checks can fail.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

jest.setTimeout(180_000)

const build = path.resolve(__dirname, '..', '..', 'dist', 'weapp')
const script = path.join(__dirname, 'support', 'wechat-ci.cjs')

interface CiResult {
  compiled: boolean
  sizes?: Record<string, number>
  quality?: Array<{ name: string; success: boolean }>
  error?: { code: number | null; path?: string | null; message: string }
  connections: string[]
}

async function wechatCi(project: string): Promise<CiResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [script, project], { maxBuffer: 64 * 1024 * 1024 })
  return JSON.parse(stdout.trim().split('\n').pop()!) as CiResult
}

function copyOfBuild(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-ci-'))
  fs.cpSync(build, dir, { recursive: true })
  edit(dir)
  return dir
}

test('miniprogram-ci compiles the build offline and every code-quality item passes', async () => {
  const settings = (JSON.parse(fs.readFileSync(path.join(build, 'project.config.json'), 'utf8')) as { setting: Record<string, unknown> }).setting
  expect(settings).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true })
  expect(JSON.parse(fs.readFileSync(path.join(build, 'app.json'), 'utf8'))).toMatchObject({ lazyCodeLoading: 'requiredComponents' })

  const result = await wechatCi(build)
  expect(result.error).toBeUndefined()
  expect(result.compiled).toBe(true)
  expect(result.connections).toEqual([])
  const files = Object.keys(result.sizes!)
  for (const page of ['pages/index/index', 'pages/group/index', 'pages/settle/index']) {
    expect(files).toEqual(expect.arrayContaining([`${page}.js`, `${page}.wxml`, `${page}.json`]))
  }
  // the compressed templates are smaller than what Taro wrote
  expect(result.sizes!['base.wxml']).toBeLessThan(fs.statSync(path.join(build, 'base.wxml')).size)

  const names = result.quality!.map((q) => q.name)
  for (const item of ['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN']) expect(names).toContain(item)
  expect(result.quality!.filter((q) => !q.success)).toEqual([])
})

test('a template with a stray end tag fails the compile, with WeChat’s own error', async () => {
  const copy = copyOfBuild((dir) => fs.appendFileSync(path.join(dir, 'pages/index/index.wxml'), '\n</view>\n'))
  try {
    const result = await wechatCi(copy)
    expect(result.compiled).toBe(false)
    expect(result.error).toMatchObject({ code: 10038, path: expect.stringContaining('pages/index/index.wxml'), message: expect.stringMatching(/unexpected end tag: view/) })
    expect(result.connections).toEqual([])
  } finally {
    fs.rmSync(copy, { recursive: true, force: true })
  }
})

test('a project with compression off fails the code-quality check', async () => {
  const copy = copyOfBuild((dir) => {
    const file = path.join(dir, 'project.config.json')
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { setting: Record<string, unknown> }
    config.setting.minified = false
    fs.writeFileSync(file, JSON.stringify(config))
  })
  try {
    const result = await wechatCi(copy)
    expect(result.compiled).toBe(true)
    expect(result.quality!.filter((q) => !q.success).map((q) => q.name)).toEqual(['JS_COMPRESS_OPEN'])
  } finally {
    fs.rmSync(copy, { recursive: true, force: true })
  }
})
