// get-document's one function, written for this module: the package states no licence.
// Returns the document of a DOM node, window or document.
module.exports = function getDocument(node) {
  if (!node) return typeof document === 'undefined' ? undefined : document;
  if (node.nodeType === 9) return node;
  if (node.ownerDocument) return node.ownerDocument;
  if (node.document) return node.document;
  return typeof document === 'undefined' ? undefined : document;
};
