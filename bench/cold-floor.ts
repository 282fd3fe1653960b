/**
 * The cold start's floor (bench:cloud, 5): the least that any function on this stack does to answer a first request.
 * Bundled exactly as the function is (scripts/build-cloud.ts: esbuild, the same swaps, loaded by the same entry with
 * its code cache): zod validating the request with one schema, a pg pool signing in to PostgreSQL (a new server
 * process, SCRAM) and one query.
 */
import pg from 'pg'
import { z } from 'zod'

const Request = z.object({ action: z.literal('signIn'), input: z.object({ provider: z.literal('dev'), name: z.string().min(1).max(40) }) })

export async function handler(event: { body: string }): Promise<{ statusCode: number; body: string }> {
  const request = Request.parse(JSON.parse(event.body))
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 })
  const result = await pool.query<{ name: string }>('SELECT $1::text AS name', [request.input.name])
  return { statusCode: 200, body: JSON.stringify({ ok: true, data: result.rows[0] }) }
}
