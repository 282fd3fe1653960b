// The project's own Babel setup (babel-preset-taro, React, TypeScript): Babel looks for its config in the build's cwd.
// Without the source maps that packages ship (inputSourceMap), each output byte maps to the file webpack bundled
// (node_modules/<package>/dist/...) rather than to a package's own TypeScript sources, which do not name the package.
module.exports = { ...require('../../babel.config.js'), inputSourceMap: false }
