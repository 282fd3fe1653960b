// pg's lib/stream.js for Node only (swapped in by scripts/build-cloud.ts): pg probes for Cloudflare Workers with
// `new Response(...)`, which on Node 20 loads Node's whole fetch implementation at start-up (about 40 ms of cold
// start); the function only ever runs on Node.
module.exports = {
  getStream() {
    const net = require('net')
    return new net.Socket()
  },
  getSecureStream(options) {
    const tls = require('tls')
    return tls.connect(options)
  }
}
