/**
 * The platform APIs the app's own code uses, per build target, read from the TypeScript syntax tree (not comments or
 * strings): calls through `Taro.x` (both targets), `wx.x` (WeChat) and `my.x` (Alipay), and the platform sheets a
 * component opens (`openType='chooseAvatar'`, an `<Input type='nickname'>`). `x.weapp.ts` is built only for WeChat,
 * `x.alipay.ts` only for Alipay, `x.h5.ts` for neither.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { filesOf } from './files'

export type MiniTarget = 'weapp' | 'alipay'

export interface ApiUse {
  file: string
  line: number
  /** `chooseMedia`, or `open-type=chooseAvatar`, `input type=nickname`. */
  api: string
  target: MiniTarget
}

function targetsOf(file: string): MiniTarget[] {
  if (/\.weapp\.tsx?$/.test(file)) return ['weapp']
  if (/\.alipay\.tsx?$/.test(file)) return ['alipay']
  if (/\.h5\.tsx?$/.test(file)) return []
  return ['weapp', 'alipay']
}

/** String values an attribute can take: a literal, or every literal in a conditional or an object's property. */
function literals(node: ts.Node | undefined): string[] {
  if (!node) return []
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text]
  if (ts.isJsxExpression(node)) return literals(node.expression)
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)]
  if (ts.isParenthesizedExpression(node)) return literals(node.expression)
  return []
}

/** `Taro`, `(Taro as unknown as { x(): ... })`: the namespace an API is reached through, or null. */
function namespaceOf(node: ts.Expression): string | null {
  let e = node
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isTypeAssertionExpression(e) || ts.isNonNullExpression(e)) e = e.expression
  return ts.isIdentifier(e) && ['Taro', 'wx', 'my'].includes(e.text) ? e.text : null
}

export function apiUses(srcDir: string): ApiUse[] {
  const uses: ApiUse[] = []
  for (const rel of [...filesOf(srcDir, '.ts'), ...filesOf(srcDir, '.tsx')]) {
    const file = path.join(srcDir, rel)
    const targets = targetsOf(file)
    if (targets.length === 0) continue
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
    const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
    const add = (node: ts.Node, api: string, only?: MiniTarget) => {
      for (const target of targets) if (!only || only === target) uses.push({ file: rel, line: at(node), api, target })
    }
    const visit = (node: ts.Node) => {
      const ns = ts.isPropertyAccessExpression(node) ? namespaceOf(node.expression) : null
      if (ns && ts.isPropertyAccessExpression(node)) {
        add(node, node.name.text, ns === 'wx' ? 'weapp' : ns === 'my' ? 'alipay' : undefined)
      }
      // `openType: 'chooseAvatar'` in a platform file's settings, or openType='...' on a button
      if ((ts.isPropertyAssignment(node) || ts.isJsxAttribute(node)) && node.name.getText(source) === 'openType') {
        for (const value of literals(ts.isPropertyAssignment(node) ? node.initializer : node.initializer)) add(node, `open-type=${value}`)
      }
      if (ts.isJsxAttribute(node) && node.name.getText(source) === 'type' && ts.isJsxOpeningLikeElement(node.parent.parent) && node.parent.parent.tagName.getText(source) === 'Input') {
        for (const value of literals(node.initializer)) if (value === 'nickname') add(node, 'input type=nickname')
      }
      if ((ts.isPropertyAssignment(node) && node.name.getText(source) === 'nameInput')) {
        for (const value of literals(node.initializer)) if (value === 'nickname') add(node, 'input type=nickname')
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return uses
}
