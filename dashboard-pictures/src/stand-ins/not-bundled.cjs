// Stands in for modules @grafana/ui imports for components no picture draws: monaco-editor (the code
// editor, 3 MB) and OpenLayers (geometry cells of tables; left out for its dependencies' licences).
// Anything that reaches it at runtime fails with a clear message.
function notBundled() {
  throw new Error('not bundled in the dashboard pictures: monaco-editor and OpenLayers are left out');
}
module.exports = notBundled;
module.exports.default = notBundled;
