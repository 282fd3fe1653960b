/**
 * The floor of the write path (run by bench/cloud.ts in its own process: node --import tsx bench/floor.ts).
 *
 * A bare node:http + pg server doing the least that any correct "add an expense to a group" must do: verify the
 * HMAC bearer token (the function's own session tokens), and in one transaction lock the group row, insert one
 * expense row, bump the group version. It takes the same request bodies as the function's addExpense, on the same
 * PostgreSQL tables, with the same pool size, so the two differ only by what the function does beyond that.
 * Env: DATABASE_URL, DATABASE_SCHEMA, DATABASE_POOL_MAX, SESSION_SECRET. Prints "URL http://127.0.0.1:PORT".
 */
import http from 'node:http'
import { Pool } from 'pg'
import { verifySession } from '../cloud/auth/session'

const secret = process.env.SESSION_SECRET ?? ''
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  options: process.env.DATABASE_SCHEMA ? `-c search_path=${process.env.DATABASE_SCHEMA}` : undefined
})

interface AddBody {
  input: { groupId: string; expense: { id: string; amount: number; paidBy: Record<string, number> }; description: string }
}

async function addExpense(body: AddBody): Promise<number> {
  const { groupId, expense, description } = body.input
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT version FROM groups WHERE id = $1 FOR UPDATE', [groupId])
    const now = new Date().toISOString()
    await client.query(
      `INSERT INTO expenses (id, group_id, data, amount, description, category, date, created_by, created_at, updated_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, 'other', $6, $7, $8, $8)`,
      [expense.id, groupId, JSON.stringify(expense), expense.amount, description, now.slice(0, 10), Object.keys(expense.paidBy)[0], now]
    )
    const v = await client.query<{ version: string }>('UPDATE groups SET version = version + 1 WHERE id = $1 RETURNING version', [groupId])
    await client.query('COMMIT')
    return Number(v.rows[0].version)
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const reply = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(data))
    }
    const auth = req.headers.authorization ?? ''
    const user = auth.startsWith('Bearer ') ? verifySession(secret, auth.slice(7), new Date()) : null
    if (!user) return reply(401, { ok: false })
    addExpense(JSON.parse(Buffer.concat(chunks).toString('utf8')) as AddBody).then(
      (version) => reply(200, { ok: true, data: { version } }),
      (err: Error) => reply(500, { ok: false, error: err.message })
    )
  })
})
server.listen(0, '127.0.0.1', () => {
  const addr = server.address() as { port: number }
  console.log(`URL http://127.0.0.1:${addr.port}`)
})
process.on('SIGTERM', () => process.exit(0))
