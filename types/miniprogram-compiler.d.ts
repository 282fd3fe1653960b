/** The two compiler wrappers of the miniprogram-compiler package (it ships no types). */
declare module 'miniprogram-compiler/src/wcc' {
  /** Throws with wcc's message when a file does not compile. */
  export default function wcc(rootPath: string, files: string[], wxsFiles: string[], options?: { cut?: boolean; maxBuffer?: number }): string
}
declare module 'miniprogram-compiler/src/wcsc' {
  /** Answers an Error (not thrown) with wcsc's message when a file does not compile. */
  export default function wcsc(rootPath: string, files: string[], options?: { maxBuffer?: number }): Record<string, string> | Error
}
