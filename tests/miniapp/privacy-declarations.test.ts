/**
 * docs/privacy-declarations.md is what the code needs declared: regenerated from the code here and compared, and
 * the scan behind it finds each kind of use (a call, a cast call, a button's open-type, a nickname input).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DECLARATIONS_FILE, renderDeclarations } from '../../scripts/privacy-declarations'

const src = path.join(__dirname, '..', '..', 'src')

it('the declarations document matches the privacy APIs the code uses (run scripts/privacy-declarations.ts after a change)', () => {
  expect(fs.readFileSync(DECLARATIONS_FILE, 'utf8')).toBe(renderDeclarations(src))
})

it('lists what the app really uses on each platform', () => {
  const doc = renderDeclarations(src)
  const [weapp, alipay] = doc.split('## Alipay')
  for (const api of ['`chooseMedia`', '`setClipboardData`', '`open-type=chooseAvatar`', '`input type=nickname`']) expect(weapp).toContain(api)
  expect(weapp).not.toContain('`chooseImage`')
  for (const api of ['`chooseImage`', '`getOpenUserInfo`', '`open-type=getAuthorize`', '`setClipboardData`']) expect(alipay).toContain(api)
})

it('a new privacy API in the code shows up, for the targets that build the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-scan-'))
  fs.mkdirSync(path.join(dir, 'platform'))
  fs.writeFileSync(path.join(dir, 'platform', 'where.weapp.ts'), "import Taro from '@tarojs/taro'\nexport const at = () => (Taro as unknown as { getLocation(): void }).getLocation()\n")
  fs.writeFileSync(path.join(dir, 'platform', 'where.h5.ts'), "export const at = () => navigator.geolocation\n")
  fs.writeFileSync(path.join(dir, 'Phone.tsx'), "import { Button } from '@tarojs/components'\nexport const P = () => <Button openType='getPhoneNumber'>x</Button>\n")
  const doc = renderDeclarations(dir)
  const [weapp, alipay] = doc.split('## Alipay')
  expect(weapp).toContain('| `getLocation` | 位置信息 (location) |  | src/platform/where.weapp.ts |')
  expect(weapp).toContain('`open-type=getPhoneNumber`')
  expect(alipay).not.toContain('getLocation')
})
