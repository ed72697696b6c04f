/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it replaces a module in require.cache */
/**
 * Runs PouchDB Server (`pouchdb-server`, its arguments as given) for the team tests, with one fix of
 * its validation plugin (pouchdb-validation 4.2.0): before calling `validate_doc_update` it replaces
 * each incoming document's `_revisions` with those of the stored one, so a replicated update
 * (`_bulk_docs` with `new_edits: false`) into a database that has a validation function is
 * silently dropped. Apache CouchDB keeps the incoming history; so does this wrapper, which saves it
 * around the check and puts it back. Nothing else is changed.
 */
const { dirname } = require('node:path');

const validation = require.resolve('pouchdb-validation');
const wrapperPath = require.resolve('pouchdb-bulkdocs-wrapper', { paths: [dirname(validation)] });
const createBulkDocsWrapper = require(wrapperPath);
require.cache[wrapperPath].exports = function keepingHistory(handler) {
  return createBulkDocsWrapper((doc, args) => {
    const history = doc._revisions;
    const restore = () => {
      if (history) doc._revisions = history;
    };
    return handler(doc, args).then(
      (value) => {
        restore();
        return value;
      },
      (error) => {
        restore();
        throw error;
      },
    );
  });
};

require('pouchdb-server/bin/pouchdb-server');
