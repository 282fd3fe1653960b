export type FaultKind = 'render' | 'error' | 'rejection'
export type FaultListener = (kind: FaultKind, error: unknown) => void
