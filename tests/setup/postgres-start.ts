import { startCluster } from './postgres-cluster'

export default async function globalSetup() {
  const cluster = await startCluster()
  ;(globalThis as { __pgCluster?: unknown }).__pgCluster = cluster
  process.env.TEST_DATABASE_URL = cluster.url
}
