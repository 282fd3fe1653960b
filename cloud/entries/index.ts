/**
 * dist/cloud/index.js: the function's entry on every host. It loads the function (app.js, bundled from
 * cloud/entries/bundle.ts) with its code cache and exports what app.js exports: main, handler, createApp,
 * createHttpHandler.
 */
import { loadApp } from '../bundle/code-cache'

module.exports = loadApp(__dirname).exports
