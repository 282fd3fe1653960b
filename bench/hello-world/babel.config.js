// The project's own Babel setup (babel-preset-taro, React, TypeScript): Babel looks for its config in the build's cwd.
module.exports = require('../../babel.config.js')
