/**
 * The local function for one describe block: started before its tests, and closed after them together with the
 * phone a test put in `suite.app`.
 */
import type { MiniApp } from '../harness'
import { startFunction, type LocalFunction } from '../harness/function'

export interface SuiteFunction {
  fn: LocalFunction
  app?: MiniApp
}

export function functionPerSuite(): SuiteFunction {
  const suite = {} as SuiteFunction
  beforeAll(async () => {
    suite.fn = await startFunction()
  })
  afterAll(async () => {
    suite.app?.close()
    await suite.fn?.close()
  })
  return suite
}
