#!/usr/bin/env node
// The `studio` command: a thin launcher for the compiled CLI (built by `npm ci` through the `prepare` script).
import "../dist/cli/main.js";
