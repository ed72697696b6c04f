#!/usr/bin/env node
/**
 * Sets up a team's CouchDB database for Replyline (README, "Team"):
 *
 *   npm run team:setup -- <server> <db> [member…]
 *
 * with a server admin's name and password in COUCHDB_USER and COUCHDB_PASSWORD. It creates the
 * database (if missing), makes the members its only readers and writers (`_security`), and installs
 * the design document whose `validate_doc_update` refuses a document whose actor is not the member
 * signed in, so no one can act in someone else's name. Members' accounts are the server's own users
 * (CouchDB's `_users`); add them there first. Running it again updates the members and the design.
 */
import { teamDesign } from './team-design.mjs';

const [server, db, ...members] = process.argv.slice(2);
if (!server || !db || !/^[a-z][a-z0-9_$()+/-]*$/.test(db)) {
  console.error('Usage: npm run team:setup -- <server> <db> [member…]   (db: lower case, starting with a letter)');
  process.exit(2);
}
const user = process.env.COUCHDB_USER;
const password = process.env.COUCHDB_PASSWORD;
const base = server.replace(/\/+$/, '');
const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
if (user) headers.Authorization = `Basic ${Buffer.from(`${user}:${password ?? ''}`).toString('base64')}`;

async function call(method, path, body) {
  const response = await fetch(`${base}/${path}`, { method, headers, body: body && JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  return { status: response.status, json };
}

function fail(what, { status, json }) {
  console.error(`${what}: ${status} ${json.error ?? ''} ${json.reason ?? ''}`.trim());
  process.exit(1);
}

const path = encodeURIComponent(db);
const created = await call('PUT', path);
if (created.status === 412) console.log(`Database ${db} exists.`);
else if (created.status === 201 || created.status === 202) console.log(`Database ${db} created.`);
else fail('Creating the database', created);

const security = await call('GET', `${path}/_security`);
if (security.status !== 200) fail('Reading _security', security);
const names = [...new Set([...(security.json.members?.names ?? []), ...members])];
const put = await call('PUT', `${path}/_security`, {
  admins: security.json.admins ?? { names: [], roles: [] },
  members: { names, roles: security.json.members?.roles ?? [] },
});
if (put.status !== 200) fail('Writing _security', put);
console.log(`Members: ${names.join(', ') || '(none yet)'}`);

const existing = await call('GET', `${path}/_design/replyline`);
const design = { ...teamDesign(), ...(existing.status === 200 ? { _rev: existing.json._rev } : {}) };
const written = await call('PUT', `${path}/_design/replyline`, design);
if (written.status !== 201 && written.status !== 202) fail('Writing the design document', written);
console.log('Design document _design/replyline written (validate_doc_update).');
