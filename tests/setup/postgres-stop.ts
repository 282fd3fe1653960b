import { stopCluster, type Cluster } from './postgres-cluster'

export default async function globalTeardown() {
  const cluster = (globalThis as { __pgCluster?: Cluster }).__pgCluster
  if (cluster) stopCluster(cluster)
}
