// Build-time constants that Taro's defineConstants provides in real builds.
Object.assign(globalThis, { API_URL: 'http://127.0.0.1:8787/api', CLOUD_ENV: '' })
process.env.TARO_ENV = 'h5'
