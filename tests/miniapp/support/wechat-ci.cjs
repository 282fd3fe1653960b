#!/usr/bin/env node
/*
 * WeChat's own build tool, miniprogram-ci, on a weapp build, offline: its local compile (what an upload would send,
 * with the project's settings from project.config.json: compressed JS, WXML and WXSS) and its code-quality check
 * (the DevTools 代码质量 panel). Nothing is uploaded and nothing leaves the machine:
 *   - the project's attributes come from the package's own defaults (`attr` must be a function: an object is
 *     ignored and the package asks WeChat's servers for them);
 *   - the one request the compile makes (the list of allowed file extensions) is answered with the package's own
 *     built-in list;
 *   - the private key is a throwaway one (only read, never used offline);
 *   - every outbound TCP connection is refused and counted (the result says how many were attempted).
 * Run as its own process (the compile leaves a child process and the check leaves file watchers behind, so it
 * ends with process.exit), from a temporary directory (the compiler makes a cache folder in the working directory).
 *
 *   node tests/miniapp/support/wechat-ci.cjs <project dir>   ->  last line of stdout: one JSON result
 */
'use strict'
const crypto = require('node:crypto')
const fs = require('node:fs')
const net = require('node:net')
const os = require('node:os')
const path = require('node:path')

const projectPath = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', '..', 'dist', 'weapp'))

const connections = []
const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function refused(...args) {
  let o = Array.isArray(args[0]) ? args[0][0] : args[0]
  if (typeof o !== 'object' || o === null) o = { port: args[0], host: args[1] }
  if (o.path) return connect.apply(this, args) // a local socket to its own child process
  connections.push(`${o.host || 'localhost'}:${o.port}`)
  process.nextTick(() => this.destroy(Object.assign(new Error('offline'), { code: 'ECONNREFUSED' })))
  return this
}

const ci = require('miniprogram-ci')
const extensions = require('miniprogram-ci/dist/utils/white_ext_list')
const builtIn = { GameWhiteList: new Set(extensions.GameWhiteList), MiniProgramWhiteList: new Set(extensions.MiniProgramWhiteList) }
extensions.getWhiteExtList = async () => builtIn

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-ci-'))
const keyPath = path.join(tmp, 'throwaway.key')
fs.writeFileSync(keyPath, crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }))

function finish(result) {
  process.chdir(os.tmpdir())
  fs.rmSync(tmp, { recursive: true, force: true })
  process.stdout.write(`\n${JSON.stringify({ ...result, connections })}\n`)
  process.exit(0)
}

async function main() {
  process.chdir(tmp)
  const config = JSON.parse(fs.readFileSync(path.join(projectPath, 'project.config.json'), 'utf8'))
  const project = new ci.Project({
    appid: config.appid || 'touristappid',
    type: 'miniProgram',
    projectPath,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
    attr: async () => JSON.parse(JSON.stringify(ci.DefaultProjectAttr))
  })
  let files
  try {
    files = await ci.getCompiledResult({ project, setting: { useProjectConfig: true }, onProgressUpdate: () => {} })
  } catch (e) {
    return finish({ compiled: false, error: { code: e.code ?? null, path: e.path ?? null, message: String(e.message || e).split('\n').slice(0, 5).join('\n') } })
  }
  const sizes = {}
  for (const [name, content] of Object.entries(files)) sizes[name] = Buffer.isBuffer(content) ? content.length : Buffer.byteLength(String(content))
  const quality = (await ci.checkCodeQuality(project)).map((q) => ({ name: q.name, success: q.success === true }))
  finish({ compiled: true, sizes, quality })
}

main().catch((e) => finish({ compiled: false, error: { code: e.code ?? null, message: String(e.stack || e) } }))
