/** Vite's `?raw` suffix imports a file's text as a string (used for the embedded sample model). */
declare module '*.twm?raw' {
  const text: string
  // The module shape is fixed by vite: `?raw` imports are default exports.
  // eslint-disable-next-line no-restricted-syntax
  export default text
}
