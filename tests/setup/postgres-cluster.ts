/**
 * Starts a throwaway PostgreSQL cluster on a loopback port for tests and benchmarks, using Debian's
 * `postgresql` package binaries. As root, the server runs as the `postgres` user from a temp dir it owns.
 * If DATABASE_URL is already set, that server is used and nothing is started.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface Cluster {
  url: string
  dataDir?: string
  binDir?: string
}

function findBinDir(): string {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : []
  for (const v of versions) {
    const bin = path.join(root, v, 'bin')
    if (fs.existsSync(path.join(bin, 'pg_ctl'))) return bin
  }
  throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql: install Debian\'s `postgresql` package (apt-get install -y postgresql) or set DATABASE_URL')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

function asPostgres(binDir: string, cmd: string, args: string[]) {
  const full = path.join(binDir, cmd)
  const isRoot = process.getuid?.() === 0
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args]
  return execFileSync(file, argv, { stdio: 'pipe', cwd: '/tmp' }).toString()
}

export async function startCluster(): Promise<Cluster> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL }
  const binDir = findBinDir()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'splitpay-pg-'))
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dataDir])
  asPostgres(binDir, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'])
  const port = await freePort()
  asPostgres(binDir, 'pg_ctl', [
    '-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dataDir} -c max_connections=200 -c fsync=on`,
    'start'
  ])
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDir, binDir }
}

export function stopCluster(cluster: Cluster) {
  if (!cluster.dataDir || !cluster.binDir) return
  try {
    asPostgres(cluster.binDir, 'pg_ctl', ['-D', cluster.dataDir, '-m', 'fast', '-w', 'stop'])
  } finally {
    fs.rmSync(cluster.dataDir, { recursive: true, force: true })
  }
}
