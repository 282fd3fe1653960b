/** The app's pages a platform message or link opens (the paths of src/services/nav.ts, without its leading slash). */
const q = (params: Record<string, string>) => new URLSearchParams(params).toString()

export const pages = {
  /** The settle page, on one transfer (a reminder). */
  settleTransfer: (groupId: string, from: string, to: string) => `pages/settle/index?${q({ groupId, from, to })}`,
  group: (groupId: string) => `pages/group/index?${q({ id: groupId })}`
}
