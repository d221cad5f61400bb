// Validates every object of one or more multi-document YAML files offline, against the Kubernetes API
// schemas (npm kubernetes-models) and the Flink Kubernetes Operator CRDs (npm @kubernetes-models/flink,
// generated from the Operator's release CRDs). Usage: node validate.mjs FILE.yaml...
//
// Two checks per object:
//  1. schema: types, enums, required fields, formats, as the API server's schema would judge them;
//  2. unknown fields: a key the schema does not describe (a typo such as `readinessProbee`) is an error.
//     The generated validators accept unknown keys, so each object is wrapped in a Proxy that records which
//     keys the validator reads: an object the validator read properties of, but never enumerated, is a
//     structured type, and any key it did not read is unknown to the schema. Objects the validator
//     enumerates (maps such as labels or resources) or never touches (free-form fields such as the
//     Operator's flinkConfiguration) are not judged.
// Exit status 0 when every object passes, 1 otherwise; one line per problem, naming file, object and path.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

/** The model class for an apiVersion and kind, or null when neither package has one. */
async function modelClass(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const module = group === "flink.apache.org"
    ? `@kubernetes-models/flink/${group}/${version}/${kind}`
    : `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
  try {
    return (await import(module))[kind] ?? null;
  } catch (e) {
    if (e.code === "ERR_MODULE_NOT_FOUND" || e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED") {
      return null;
    }
    throw e;
  }
}

/** Wraps value (deeply) so that reads and enumerations of every object are recorded in records. */
function tracked(value, path, records) {
  if (Array.isArray(value)) {
    return value.map((item, i) => tracked(item, `${path}/${i}`, records));
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const record = { path, keys: Object.keys(value), read: new Set(), enumerated: false };
  records.push(record);
  const copy = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = tracked(item, `${path}/${key}`, records);
  }
  return new Proxy(copy, {
    get(target, key, receiver) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      record.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

/** The problems of one object: schema errors, then unknown fields. */
async function problemsOf(object) {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["no apiVersion/kind"];
  }
  const Model = await modelClass(apiVersion, kind);
  if (Model === null) {
    return [`no schema for ${apiVersion} ${kind}`];
  }
  const records = [];
  const proxy = tracked(object, "", records);
  try {
    Model.prototype.validate.call(proxy);
  } catch (e) {
    return [e.message];
  }
  const unknown = [];
  for (const record of records) {
    if (record.enumerated || record.read.size === 0) continue;
    for (const key of record.keys) {
      if (!record.read.has(key)) unknown.push(`unknown field ${record.path}/${key}`);
    }
  }
  return unknown;
}

let failures = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      console.log(`${file}: YAML error: ${doc.errors[0].message}`);
      failures++;
      continue;
    }
    const object = doc.toJS();
    if (object === null) continue;
    checked++;
    const name = `${object.kind ?? "?"}/${object.metadata?.name ?? "?"}`;
    const problems = await problemsOf(object);
    for (const problem of problems) {
      console.log(`${file}: ${name}: ${problem}`);
    }
    if (problems.length > 0) failures++;
  }
}
console.log(`validate: ${checked - failures} passed, ${failures} failed`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
