/** Non-JavaScript modules of the PNG worker, as wrangler bundles them (wrangler.toml's rules). */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
declare module '*.ttf' {
  const data: ArrayBuffer;
  export default data;
}
