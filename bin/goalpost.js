#!/usr/bin/env node
// The published entry point: the bundled CLI (see scripts/build.mjs).
require('../dist/cli.js');
