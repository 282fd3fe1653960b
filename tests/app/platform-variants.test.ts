/**
 * Every platform file (`src/platform/<name>.<weapp|alipay|h5>.ts`) is checked by tsc against its module type:
 * tests/types/platform-variants.ts imports each of them (a new variant cannot be left out), and each name has all
 * three targets.
 */
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..', '..')
const checker = fs.readFileSync(path.join(root, 'tests/types/platform-variants.ts'), 'utf8')
const variants = fs.readdirSync(path.join(root, 'src/platform')).filter((f) => /^[a-z-]+\.(weapp|alipay|h5)\.tsx?$/.test(f))

test('every variant is type-checked against its module, and every module has the three targets', () => {
  expect(variants.length).toBeGreaterThanOrEqual(21)
  for (const file of variants) expect([file, checker.includes(`'@/platform/${file.replace(/\.tsx?$/, '')}'`)]).toEqual([file, true])
  const names = new Set(variants.map((f) => f.split('.')[0]!))
  for (const name of names) {
    for (const target of ['weapp', 'alipay', 'h5']) expect(variants).toContain(`${name}.${target}.ts`)
    expect(checker).toMatch(new RegExp(`\\b${name}: \\[${name}Weapp, ${name}Alipay, ${name}H5\\]`))
  }
  // no fallback file that no target picks
  for (const name of names) expect(fs.existsSync(path.join(root, 'src/platform', `${name}.ts`))).toBe(false)
})
