/** A card shared to a chat: title and the page path it opens (with the invite token). */
export interface ShareMessage {
  title: string
  path: string
  imageUrl?: string
}
