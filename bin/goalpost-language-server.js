#!/usr/bin/env node
// The Goalpost language server for any LSP editor: `goalpost-language-server --stdio`.
require('../dist/server.js');
