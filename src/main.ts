#!/usr/bin/env node
import { reportStartupFailure, runServer } from './run-server.js';

await runServer().catch(reportStartupFailure);
