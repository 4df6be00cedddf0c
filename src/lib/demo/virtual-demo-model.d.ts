// Type of the built-in demo model module that scripts/demo-model-plugin.ts generates at build time.
declare module 'virtual:demo-model' {
  const model: import('../core/ml/model').BaselineModel;
  export default model;
}
