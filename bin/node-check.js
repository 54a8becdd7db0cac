'use strict';
// The Node.js versions Stackwright runs on (package.json engines; .nvmrc names the one it is developed on). Kept in
// plain, old syntax: it must run on the Node it refuses, to say so instead of failing with a stack trace.
var SUPPORTED_MAJORS = [22, 24];
var OLDEST = SUPPORTED_MAJORS[0];

/** Why this Node cannot run Stackwright, or undefined when it can. */
function nodeVersionProblem(version) {
  var major = Number(String(version).split('.')[0]);
  if (major >= OLDEST) return undefined;
  return (
    'Node ' +
    version +
    ' is too old: Stackwright needs Node ' +
    OLDEST +
    ' or later (tested on ' +
    SUPPORTED_MAJORS.join(' and ') +
    '). Install Node 24: `nvm install` (reads .nvmrc), or `bash .ci/setup` as root.'
  );
}

/** Exits 2 with the problem when this process's Node is too old. */
function requireSupportedNode() {
  var problem = nodeVersionProblem(process.versions.node);
  if (!problem) return;
  process.stderr.write('stackwright: ' + problem + '\n');
  process.exit(2);
}

module.exports = {
  SUPPORTED_MAJORS: SUPPORTED_MAJORS,
  nodeVersionProblem: nodeVersionProblem,
  requireSupportedNode: requireSupportedNode,
};
