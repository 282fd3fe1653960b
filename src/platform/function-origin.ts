/** The mini-programs' function host: API_URL (a build constant) without its `/api` path, where GET routes such as avatars live. */
export const functionOrigin = API_URL.replace(/\/api\/?$/, '')
