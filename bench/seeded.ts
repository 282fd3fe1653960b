/** A seeded random source and the few draws the benchmarks make from it, so every run measures the same work. */
export function seeded(seed: number) {
  // mulberry32
  let a = seed >>> 0
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const sample = <T>(list: readonly T[], k: number): T[] => {
    const copy = [...list]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy.slice(0, k)
  }
  return { rand, int, pick, sample }
}
