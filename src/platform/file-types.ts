/** How a file the app made reached the person: sent to a chat (WeChat), copied (Alipay), or downloaded (H5). */
export type FileDelivery = 'shared' | 'copied' | 'downloaded'
