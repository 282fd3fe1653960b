/** A card shared to a chat: title and the page path it opens (with the invite token). */
export interface ShareMessage {
  title: string
  path: string
  imageUrl?: string
}

/** The chat the app was opened from (a card with a shareTicket), as WeChat encrypted it for the function. */
export interface ChatData {
  encryptedData: string
  iv: string
}
