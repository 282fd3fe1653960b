/** Serves a built H5 app from a folder: files by path, index.html for anything else (hash-routed SPA). */
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json'
}

export function staticFiles(root: string) {
  const base = path.resolve(root)
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' })
      return res.end('method not allowed')
    }
    let pathname = '/'
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    } catch {
      // keep '/'
    }
    let file = path.resolve(base, '.' + pathname)
    if (!file.startsWith(base)) file = path.join(base, 'index.html')
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(base, 'index.html')
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      return res.end('The H5 build is not ready yet (dist/h5). It is being built; reload in a few seconds.')
    }
    const ext = path.extname(file)
    const body = fs.readFileSync(file)
    res.writeHead(200, {
      'content-type': types[ext] ?? 'application/octet-stream',
      'content-length': String(body.length),
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=3600'
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
