/**
 * PouchDB as the team's sync uses it: the core, IndexedDB and HTTP adapters, and replication. Not
 * `pouchdb-browser`, whose map/reduce evaluates strings as code (`new Function`), which Firefox's
 * add-on linter refuses and Replyline never needs.
 */
import PouchDB from 'pouchdb-core';
import IdbAdapter from 'pouchdb-adapter-idb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';

PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

export default PouchDB;
